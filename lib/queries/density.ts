import 'server-only';
import { z } from 'zod';
import { SEVERITIES, type DensityBucket, type DensityResponse, type Severity } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { readTables } from '@/lib/config';
import { bucketStarts, densityStep } from './buckets';
import { dateTime64, num } from './common';
import { usableRollups } from './rollups';
import { planTiers, tierArms, tierParams } from './tiers';

/**
 * Event density over a window for the overview strip: per bucket, security
 * events by severity, detected anomalies, spans and error spans; every
 * bucket intersecting [from, to) is present, empty ones 0.
 */

export interface DensityQuery {
  from: number;
  to: number;
  buckets: number;
}

export const DEFAULT_BUCKETS = 200;
export const MAX_BUCKETS = 2000;

const KINDS = ['security', 'anomalies', 'spans'] as const;
type Kind = (typeof KINDS)[number];

/** One count of a kind in a bucket: `n` events, anomalies or spans (and `errors`, error spans). */
const countRow = z.object({ kind: z.enum(KINDS), t: num, severity: z.string(), n: z.number(), errors: z.number() });
type CountRow = z.infer<typeof countRow>;

const securityRow = z.object({ t: num, severity: z.string(), n: z.number() });
const anomalyRow = z.object({ t: num, n: z.number() });
const spanRow = z.object({ t: num, spans: z.number(), errors: z.number() });

const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);

async function readCounts(query: DensityQuery, step: number, signal: AbortSignal | undefined): Promise<CountRow[]> {
  const { from, to } = query;
  const params = { from: dateTime64(from), to: dateTime64(to), step_ms: step };
  const rollups = await usableRollups();
  // The strip's own counts, every kind in one table per grain, when whole (density/strip.sql):
  // three raw edge reads and two of the strip, not eight sub-selects (at 1e8 rows each costs
  // a few ms whatever it reads).
  const strip = rollups.density && planTiers(from, to, step, { minute: true, hour: true });
  if (strip) return queryRows({ sql: 'density/strip', params: { ...params, ...tierParams(strip) }, arms: tierArms(strip), row: countRow, signal });
  // Otherwise each kind reads its per-minute counts when they are usable and the step is whole minutes, and
  // security events and spans their hourly counts inside the whole hours when the step is whole
  // hours (a 7- or 30-day strip: thousands of rows, not the hundreds of thousands of its minutes).
  // Anomalies have no hourly counts: a minute row exists only where one was detected, so few.
  // With every kind's counts usable, one query reads them all (density/rollup.sql); otherwise each
  // kind its own source, the raw table where its counts are missing or the step is finer.
  const plan = planTiers(from, to, step, { minute: true, hour: rollups.hourlyCounts });
  const tiered = plan && { ...params, ...tierParams(plan), ...missingHours(rollups.hourlyCounts) };
  if (tiered && KINDS.every((kind) => rollups[kind])) {
    return queryRows({ sql: 'density/rollup', params: tiered, row: countRow, signal });
  }
  const source = (kind: Kind) => (tiered && rollups[kind] ? { sql: `density/${kind}_rollup`, params: tiered } : { sql: `density/${kind}`, params });
  const [security, anomalies, spans] = await Promise.all([
    queryRows({ ...source('security'), row: securityRow, signal }),
    queryRows({ ...source('anomalies'), row: anomalyRow, signal }),
    queryRows({ ...source('spans'), row: spanRow, signal }),
  ]);
  return [
    ...security.map((r) => ({ kind: 'security' as const, t: r.t, severity: r.severity, n: r.n, errors: 0 })),
    ...anomalies.map((r) => ({ kind: 'anomalies' as const, t: r.t, severity: '', n: r.n, errors: 0 })),
    ...spans.map((r) => ({ kind: 'spans' as const, t: r.t, severity: '', n: r.spans, errors: r.errors })),
  ];
}

/**
 * Unused hourly counts leave the hour range empty, but the SQL still names
 * the hourly tables, which a schema from before them (or an account without
 * them) lacks: the hour arm then names the per-minute tables instead, of the
 * same shape (rollups/*_count_table), and reads nothing from them.
 */
function missingHours(hourly: boolean): Record<string, string> {
  if (hourly) return {};
  const { rollups } = readTables();
  return { security_1h_table: rollups.security1m, spans_1h_table: rollups.spans1m };
}

export async function fetchDensity(query: DensityQuery, signal?: AbortSignal): Promise<DensityResponse> {
  const { from, to } = query;
  const step = densityStep(from, to, query.buckets);
  const rows = await readCounts(query, step, signal);
  const buckets = new Map<number, DensityBucket>(
    bucketStarts(from, to, step).map((t) => [
      t,
      { t, security: { info: 0, warning: 0, critical: 0 }, anomalies: 0, errorSpans: 0, spans: 0 },
    ]),
  );
  for (const row of rows) {
    const bucket = buckets.get(row.t);
    if (!bucket) continue;
    if (row.kind === 'security') {
      if (isSeverity(row.severity)) bucket.security[row.severity] += row.n;
    } else if (row.kind === 'anomalies') {
      bucket.anomalies += row.n;
    } else {
      bucket.spans += row.n;
      bucket.errorSpans += row.errors;
    }
  }
  return { from, to, step, buckets: [...buckets.values()] };
}
