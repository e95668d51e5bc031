import 'server-only';
import { z } from 'zod';
import { SEVERITIES, type DensityBucket, type DensityResponse, type Severity } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { bucketStarts, densityStep } from './buckets';
import { dateTime64, num } from './common';
import { usableRollups } from './rollups';
import { planTiers, tierParams } from './tiers';

/**
 * Event density over a window for the overview strip: per bucket, security
 * events by severity, detected anomalies, spans and error spans. One query
 * per kind; every bucket intersecting [from, to) is present, empty ones 0.
 */

export interface DensityQuery {
  from: number;
  to: number;
  buckets: number;
}

export const DEFAULT_BUCKETS = 200;
export const MAX_BUCKETS = 2000;

const securityRow = z.object({ t: num, severity: z.string(), n: z.number() });
const anomalyRow = z.object({ t: num, n: z.number() });
const spanRow = z.object({ t: num, spans: z.number(), errors: z.number() });

const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);

export async function fetchDensity(query: DensityQuery, signal?: AbortSignal): Promise<DensityResponse> {
  const { from, to } = query;
  const step = densityStep(from, to, query.buckets);
  const params = { from: dateTime64(from), to: dateTime64(to), step_ms: step };
  // Each kind reads its per-minute counts when they are usable and the step is whole minutes.
  const plan = planTiers(from, to, step, { minute: true, hour: false });
  const rollups = await usableRollups();
  const source = (kind: 'security' | 'anomalies' | 'spans') =>
    plan && rollups[kind] ? { sql: `density/${kind}_rollup`, params: { ...params, ...tierParams(plan) } } : { sql: `density/${kind}`, params };
  const [security, anomalies, spans] = await Promise.all([
    queryRows({ ...source('security'), row: securityRow, signal }),
    queryRows({ ...source('anomalies'), row: anomalyRow, signal }),
    queryRows({ ...source('spans'), row: spanRow, signal }),
  ]);
  const buckets = new Map<number, DensityBucket>(
    bucketStarts(from, to, step).map((t) => [
      t,
      { t, security: { info: 0, warning: 0, critical: 0 }, anomalies: 0, errorSpans: 0, spans: 0 },
    ]),
  );
  for (const row of security) {
    const bucket = buckets.get(row.t);
    if (bucket && isSeverity(row.severity)) bucket.security[row.severity] += row.n;
  }
  for (const row of anomalies) {
    const bucket = buckets.get(row.t);
    if (bucket) bucket.anomalies += row.n;
  }
  for (const row of spans) {
    const bucket = buckets.get(row.t);
    if (bucket) {
      bucket.spans += row.spans;
      bucket.errorSpans += row.errors;
    }
  }
  return { from, to, step, buckets: [...buckets.values()] };
}
