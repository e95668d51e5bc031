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
 * soon (a failed lookup: see refresh).
 */

export interface RollupUse {
  /** The per-minute and hourly metric rollups. */
  metrics: boolean;
  /** Per metric, its raw rows and the rows of its per-minute and hourly rollups (what reading each saves: metricTiers). */
  metricRows: ReadonlyMap<string, MetricRows>;
  /** The per-minute and hourly metric rollups per single label (sql/schema/136, 130), each as complete as the raw table. */
  metricsByLabel: { minute: boolean; hour: boolean };
  /** Hourly security and span counts (sql/schema/132–135): with the per-label rollup, the catalog by hours. */
  hourlyCounts: boolean;
  security: boolean;
  anomalies: boolean;
  /** The copy of the flagged verdicts (sql/schema/138). */
  flaggedAnomalies: boolean;
  /** Per-minute span and error-span counts. */
  spans: boolean;
  traceSummary: boolean;
  /** The per-minute and hourly "what changed" span rollups (both or neither: coverage_span_changes). */
  spanChanges: { minute: boolean; hour: boolean };
  /** The density strip's per-minute and hourly counts of every kind (sql/schema/150–155), both whole. */
  density: boolean;
}

/** One metric's raw rows as each metric rollup counts them, and that rollup's own rows. */
export interface MetricRows {
  minute: { raw: number; rows: number };
  hour: { raw: number; rows: number };
}

export const NO_ROLLUPS: RollupUse = {
  metrics: false,
  metricRows: new Map(),
  metricsByLabel: { minute: false, hour: false },
  hourlyCounts: false,
  security: false,
  anomalies: false,
  flaggedAnomalies: false,
  spans: false,
  traceSummary: false,
  spanChanges: { minute: false, hour: false },
  density: false,
};


const REFRESH_MS = 30_000;
/** After a failed lookup, the next one comes this much sooner than REFRESH_MS. */
const RETRY_MS = 5_000;

const nameRow = z.object({ name: z.string() });
const counts = z.object({ raw: num, minute: num, hour: num.optional(), summary: num.optional() });
const metricRowsRow = z.object({ metric: z.string(), minute_raw: num, minute_rows: num, hour_raw: num, hour_rows: num });
const derivedCounts = z.object({ raw: num, derived: num });
const rowCount = z.object({ rows: num });

/** One coverage query's counts, or undefined when its tables are not all there. */
async function coverage<Row extends z.ZodType>(sql: string, tables: string[], present: Set<string>, row: Row): Promise<z.infer<Row> | undefined> {
  if (!tables.every((t) => present.has(t))) return undefined;
  const [answer] = await queryRows({ sql, row });
  return answer;
}

async function discover(): Promise<RollupUse> {
  const { rollups, metrics, security, anomalies, traces } = readTables();
  const names = [metrics, security, anomalies, traces, ...Object.values(rollups)];
  const present = new Set((await queryRows({ sql: 'rollups/tables', params: { names }, row: nameRow })).map((r) => r.name));
  const metricTables = [metrics, rollups.metrics1m, rollups.metrics1h].every((t) => present.has(t));
  const [rawMetrics, perMetric, byLabel1m, byLabel, s1h, sp1h, s, a, af, sp, sc, d] = await Promise.all([
    metricTables ? queryRows({ sql: 'rollups/row_count', params: { table: metrics }, row: rowCount }) : [],
    metricTables ? queryRows({ sql: 'rollups/metric_rows', row: metricRowsRow }) : [],
    coverage('rollups/coverage_metrics_1m_by_label', [metrics, rollups.metrics1mByLabel], present, derivedCounts),
    coverage('rollups/coverage_metrics_by_label', [metrics, rollups.metrics1hByLabel], present, derivedCounts),
    coverage('rollups/coverage_security_1h', [security, rollups.security1h], present, derivedCounts),
    coverage('rollups/coverage_spans_1h', [traces, rollups.spans1h], present, derivedCounts),
    coverage('rollups/coverage_security', [security, rollups.security1m], present, counts),
    coverage('rollups/coverage_anomalies', [anomalies, rollups.anomalies1m], present, counts),
    coverage('rollups/coverage_anomalies_flagged', [anomalies, rollups.anomaliesFlagged], present, derivedCounts),
    coverage('rollups/coverage_spans', [traces, rollups.spans1m, rollups.traceSummary], present, counts),
    coverage('rollups/coverage_span_changes', [traces, rollups.spanChanges1m, rollups.spanChanges1h], present, counts),
    coverage('rollups/coverage_density', [security, anomalies, traces, rollups.density1m, rollups.density1h], present, counts),
  ]);
  const whole = (c: z.infer<typeof derivedCounts> | undefined) => c !== undefined && c.raw === c.derived;
  // The metric rollups hold every raw row when the rows they stand for, over all metrics, are the raw table's.
  const rawRows = rawMetrics[0]?.rows;
  const standFor = (tier: 'minute_raw' | 'hour_raw') => perMetric.reduce((sum, r) => sum + r[tier], 0);
  const metricsWhole = rawRows !== undefined && rawRows === standFor('minute_raw') && rawRows === standFor('hour_raw');
  // A Map, not an object: metric names come from requests ('constructor', '__proto__').
  const metricRows = new Map(
    perMetric.map((r): [string, MetricRows] => [r.metric, { minute: { raw: r.minute_raw, rows: r.minute_rows }, hour: { raw: r.hour_raw, rows: r.hour_rows } }]),
  );
  return {
    metrics: metricsWhole,
    metricRows: metricsWhole ? metricRows : new Map(),
    metricsByLabel: { minute: metricsWhole && whole(byLabel1m), hour: metricsWhole && whole(byLabel) },
    hourlyCounts: whole(s1h) && whole(sp1h),
    security: s !== undefined && s.raw === s.minute,
    anomalies: a !== undefined && a.raw === a.minute,
    flaggedAnomalies: whole(af),
    spans: sp !== undefined && sp.raw === sp.minute,
    traceSummary: sp !== undefined && sp.raw === sp.summary,
    spanChanges: { minute: sc !== undefined && sc.raw === sc.hour, hour: sc !== undefined && sc.raw === sc.hour },
    density: d !== undefined && d.raw === d.minute && d.raw === d.hour,
  };
}

interface Cached {
  handle: ClickHouseHandle;
  at: number;
  use: Promise<RollupUse>;
}

const cacheKey = Symbol.for('flashback.rollups');
type GlobalWithRollups = typeof globalThis & { [cacheKey]?: Cached };

/**
 * The rollups usable now (cached; concurrent callers share one lookup). Once
 * known, a stale answer is still given while the next lookup runs in the
 * background: the lookup counts every rollup's rows (at 1e8 rows it reads
 * millions of them), which no request should wait for every 30 s.
 */
export async function usableRollups(): Promise<RollupUse> {
  const g = globalThis as GlobalWithRollups;
  const handle = await getClickHouse();
  const cached = g[cacheKey];
  if (cached && cached.handle === handle) {
    if (Date.now() - cached.at >= REFRESH_MS) refresh(g, handle, cached.use);
    return cached.use;
  }
  return refresh(g, handle, undefined);
}

/**
 * Starts a lookup; until it settles, callers get `previous` (or wait for it
 * when there is none). A failed lookup (ClickHouse gone for a moment, the
 * read queue full under load) keeps the last answer rather than sending
 * every read to the raw tables, which at 1e8 rows would be the overload
 * itself; without one, reads go raw. Either way the next request after
 * RETRY_MS looks again.
 */
function refresh(g: GlobalWithRollups, handle: ClickHouseHandle, previous: Promise<RollupUse> | undefined): Promise<RollupUse> {
  const entry: Cached = { handle, at: Date.now(), use: previous ?? Promise.resolve(NO_ROLLUPS) };
  const use = discover().then(
    (fresh) => {
      entry.use = Promise.resolve(fresh);
      return fresh;
    },
    async (error: unknown) => {
      entry.at = Date.now() - REFRESH_MS + RETRY_MS;
      const kept = previous ? 'keeping the last answer' : 'reading raw tables';
      console.warn(`[flashback] rollup lookup failed; ${kept}:`, error instanceof Error ? error.message : error);
      return previous ?? NO_ROLLUPS;
    },
  );
  if (!previous) entry.use = use;
  g[cacheKey] = entry;
  return use;
}

/** Forget the lookup (after a backfill, or a test that changes the tables). */
export function forgetRollups(): void {
  delete (globalThis as GlobalWithRollups)[cacheKey];
}

/**
 * The metric rollup tiers worth reading for `metrics` (all of them when
 * omitted): one whose rows of those metrics each stand for at least
 * FLASHBACK_ROLLUP_MIN_GAIN (default 4) raw rows, or 5 times that when
 * quantiles are asked for. Merging a quantile sketch costs about as much as
 * sketching 20–40 raw rows (measured at 1e8 rows on a busy machine: about
 * 15 µs against 0.4 µs), so quantiles read the per-minute rollup only where
 * each row stands for 20 raw ones; sparse data reads raw rows. Judged per
 * metric: a gauge scraped once a minute per series gains nothing from the
 * per-minute rollup, which then only adds its fixed costs (a read per tier,
 * states to merge), however dense the table's other metrics are.
 */
export function metricTiers(use: RollupUse, quantiles: boolean, metrics?: string[]): { minute: boolean; hour: boolean } {
  const raw = Number(process.env.FLASHBACK_ROLLUP_MIN_GAIN ?? 4);
  const least = (Number.isFinite(raw) && raw >= 0 ? raw : 4) * (quantiles ? 5 : 1);
  const asked = metrics ? metrics.flatMap((metric) => use.metricRows.get(metric) ?? []) : [...use.metricRows.values()];
  // Metrics without rows: nothing to save, nothing to lose.
  const gain = (tier: keyof MetricRows) => {
    const rows = asked.reduce((sum, r) => sum + r[tier].rows, 0);
    return rows === 0 ? Infinity : asked.reduce((sum, r) => sum + r[tier].raw, 0) / rows;
  };
  return { minute: use.metrics && gain('minute') >= least, hour: use.metrics && gain('hour') >= least };
}
