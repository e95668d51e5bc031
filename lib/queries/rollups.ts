import 'server-only';
import { z } from 'zod';
import { getClickHouse, type ClickHouseHandle } from '@/lib/clickhouse/client';
import { queryRows } from '@/lib/clickhouse/query';
import { readTables } from '@/lib/config';
import { num } from './common';

/**
 * Which rollups a query may read. A rollup family is usable when its tables
 * exist (a server account may lack them: the raw tables then answer) and it
 * accounts for every source row (its views fill it at insert; rows written
 * before the views existed need `npm run rollups:backfill`): otherwise its
 * answers would differ from the raw ones. Looked up once and cached for
 * REFRESH_MS per connection, so new rollups or a finished backfill are seen
 * soon; a failed lookup means "no rollups" until the next refresh.
 */

export interface RollupUse {
  /** The per-minute and hourly metric rollups. */
  metrics: boolean;
  security: boolean;
  anomalies: boolean;
  /** Per-minute span and error-span counts. */
  spans: boolean;
  traceSummary: boolean;
}

export const NO_ROLLUPS: RollupUse = { metrics: false, security: false, anomalies: false, spans: false, traceSummary: false };

const REFRESH_MS = 30_000;

const nameRow = z.object({ name: z.string() });
const counts = z.object({ raw: num, minute: num, hour: num.optional(), summary: num.optional() });

/** One coverage query's counts, or undefined when its tables are not all there. */
async function coverage(sql: string, tables: string[], present: Set<string>) {
  if (!tables.every((t) => present.has(t))) return undefined;
  const [row] = await queryRows({ sql, row: counts });
  return row;
}

async function discover(): Promise<RollupUse> {
  const { rollups, metrics, security, anomalies, traces } = readTables();
  const names = [metrics, security, anomalies, traces, ...Object.values(rollups)];
  const present = new Set((await queryRows({ sql: 'rollups/tables', params: { names }, row: nameRow })).map((r) => r.name));
  const [m, s, a, sp] = await Promise.all([
    coverage('rollups/coverage_metrics', [metrics, rollups.metrics1m, rollups.metrics1h], present),
    coverage('rollups/coverage_security', [security, rollups.security1m], present),
    coverage('rollups/coverage_anomalies', [anomalies, rollups.anomalies1m], present),
    coverage('rollups/coverage_spans', [traces, rollups.spans1m, rollups.traceSummary], present),
  ]);
  return {
    metrics: m !== undefined && m.raw === m.minute && m.raw === m.hour,
    security: s !== undefined && s.raw === s.minute,
    anomalies: a !== undefined && a.raw === a.minute,
    spans: sp !== undefined && sp.raw === sp.minute,
    traceSummary: sp !== undefined && sp.raw === sp.summary,
  };
}

interface Cached {
  handle: ClickHouseHandle;
  at: number;
  use: Promise<RollupUse>;
}

const cacheKey = Symbol.for('flashback.rollups');
type GlobalWithRollups = typeof globalThis & { [cacheKey]?: Cached };

/** The rollups usable now (cached; concurrent callers share one lookup). */
export async function usableRollups(): Promise<RollupUse> {
  const g = globalThis as GlobalWithRollups;
  const handle = await getClickHouse();
  const cached = g[cacheKey];
  if (cached && cached.handle === handle && Date.now() - cached.at < REFRESH_MS) return cached.use;
  const use = discover().catch((error: unknown) => {
    console.warn('[flashback] rollup lookup failed; reading raw tables:', error instanceof Error ? error.message : error);
    return NO_ROLLUPS;
  });
  g[cacheKey] = { handle, at: Date.now(), use };
  return use;
}

/** Forget the lookup (after a backfill, or a test that changes the tables). */
export function forgetRollups(): void {
  delete (globalThis as GlobalWithRollups)[cacheKey];
}
