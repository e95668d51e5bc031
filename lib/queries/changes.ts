import 'server-only';
import { z } from 'zod';
import { SECURITY_GROUPS, type ChangesResponse, type SecurityChange, type SecurityGroup, type TimeRange } from '@/lib/api/types';
import { explainSecurity, metricShapes, type SecurityCell } from '@/lib/changes/explain';
import {
  anomalyChanges,
  metricChanges,
  rankChanges,
  securityChanges,
  spanChanges,
  type Exposure,
  type SpanCellInput,
} from '@/lib/changes/rank';
import { SCORE_THRESHOLD } from '@/lib/changes/scores';
import { queryRows } from '@/lib/clickhouse/query';
import { chooseStep } from '@/lib/time/steps';
import { dateTime64, float, num, stringMap } from './common';
import { metricTiers, usableRollups } from './rollups';
import { planTiers, tierArms, tierParams, type TierPlan } from './tiers';

/**
 * "What changed": the window against a baseline, across metrics, security
 * events, spans and anomalies. Each signal is one query over every row of
 * both windows (`sql/changes/`); the scores and the pruning are in
 * `lib/changes/`.
 */

export interface ChangesQuery {
  window: TimeRange;
  baseline: TimeRange;
  limit: number;
}

/** Metric levels are compared per bucket: about this many in the window, never under a minute. */
const TARGET_BUCKETS = 90;
const MIN_STEP_MS = 60_000;
/**
 * The baseline's p99 (its level and spread) is taken from at most this many
 * of its last buckets (six hours of minutes: plenty for a median and a MAD,
 * and the hours nearest the window): a p99 per bucket merges quantile
 * sketches, ~20 µs each, where a mean only adds sums.
 */
export const MAX_TAIL_BUCKETS = 360;
/** Label values per (metric, key); security values per field; flagged anomaly series. */
const MAX_VALUES = 20;
const MAX_SECURITY_VALUES = 200;
const MAX_ANOMALY_SERIES = 500;
/**
 * Span attribute keys considered, and the most distinct values such a key may
 * have in the window: 50 is also where the span rollup's view (schema 101)
 * marks a key crowded, so the two must change together.
 */
const MAX_ATTRIBUTE_KEYS = 12;
const MAX_ATTRIBUTE_VALUES = 50;

const metricRow = z.object({
  metric: z.string(),
  key: z.string(),
  label_value: z.string(),
  window_rows: z.number(),
  baseline_rows: z.number(),
  window_buckets: z.number(),
  baseline_buckets: z.number(),
  window_mean: float,
  baseline_mean: float,
  baseline_mean_mad: float,
  window_p99: float,
  baseline_p99: float,
  baseline_p99_mad: float,
  baseline_step_mad: float,
  baseline_lag: z.number(),
  baseline_lag_median: float,
  baseline_lag_mad: float,
  window_mean_mad: float,
  window_step_mad: float,
});

const securityRow = z.object({
  field: z.enum(SECURITY_GROUPS),
  value: z.string(),
  window_count: z.number(),
  baseline_count: z.number(),
  window_total: z.number(),
  baseline_total: z.number(),
  baseline_first: num,
});

const spanRow = z.object({
  service: z.string(),
  operation: z.string(),
  scope: z.enum(['', 'span', 'resource']),
  key: z.string(),
  value: z.string(),
  slow_ms: float,
  window_spans: z.number(),
  window_failed: z.number(),
  window_slow: z.number(),
  baseline_spans: z.number(),
  baseline_failed: z.number(),
  baseline_slow: z.number(),
});

const anomalyRow = z.object({
  metric: z.string(),
  context: stringMap,
  labels: stringMap,
  window_count: z.number(),
  baseline_count: z.number(),
  max_deviation: float,
  window_judged: z.number(),
  baseline_judged: z.number(),
  baseline_first: num,
});

/** The metric level buckets' width for a window. */
export function changesStep(window: TimeRange): number {
  return Math.max(MIN_STEP_MS, chooseStep(window.from, window.to, TARGET_BUCKETS));
}

/**
 * The baseline's length for rates. When the data starts inside the baseline
 * (its first row lies after its start), only the covered part counts, or a
 * baseline reaching back before the data would make every rate look higher
 * in the window.
 */
function exposure(query: ChangesQuery, baselineFirst: number | undefined): Exposure {
  const { window, baseline } = query;
  const start = baselineFirst !== undefined && baselineFirst > baseline.from ? baselineFirst : baseline.from;
  return { windowMs: window.to - window.from, baselineMs: Math.max(1, baseline.to - start) };
}

type Tiers = { minute: boolean; hour: boolean };

/**
 * The tier ranges of each side (`w_`: window, `b_`: baseline) for a query
 * that reads rollups of the given grains inside whole minutes and hours and
 * raw rows for the rest (empty ranges at `from`: raw rows only), and the
 * arms of its union that hold time on either side: an arm left in with
 * nothing to read still cost a 1e8-row comparison of two whole hours 60 of
 * its 160 ms (the raw arm's planning over the big table).
 */
function sideTiers(query: ChangesQuery, usable: Tiers, step?: number) {
  const plan = ({ from, to }: TimeRange): TierPlan => planTiers(from, to, step, usable) ?? { from, to, minute: { from, to: from }, hour: { from, to: from } };
  const prefixed = (prefix: string, side: TierPlan) => Object.fromEntries(Object.entries(tierParams(side)).map(([k, v]) => [`${prefix}${k}`, v]));
  const [window, baseline] = [plan(query.window), plan(query.baseline)];
  return { params: { ...prefixed('w_', window), ...prefixed('b_', baseline) }, arms: tierArms(window, baseline) };
}

export type MetricSeriesRow = z.infer<typeof metricRow>;

/**
 * Each metric series' bucket statistics on both sides (sql/changes/metrics.sql),
 * from the metric rollups where `usable` allows (whole minutes or hours
 * dividing the step), raw rows otherwise. Two runs: the means over the whole
 * baseline, the p99s (which merge sketches, the costly part) over its last
 * MAX_TAIL_BUCKETS buckets, each run confined to what it reads and with its
 * own tiers (the means read only a rollup's sums, so a rollup saves them
 * time where it would not save the sketches any: metricTiers).
 */
export async function metricBuckets(query: ChangesQuery, usable: { means: Tiers; tails: Tiers }, signal?: AbortSignal): Promise<MetricSeriesRow[]> {
  const step = changesStep(query.window);
  const run = (sides: ChangesQuery, tails: boolean) => {
    const tiers = sideTiers(sides, tails ? usable.tails : usable.means, step);
    return queryRows({
      sql: 'changes/metrics',
      arms: tiers.arms,
      params: {
        ...sideParams(sides),
        ...tiers.params,
        step_ms: step,
        max_values: MAX_VALUES,
        lag: Math.max(1, Math.round(Math.abs(gapBuckets(query, step)))),
        tails: tails ? 1 : 0,
      },
      row: metricRow,
      signal,
    });
  };
  const tailFrom = Math.max(query.baseline.from, (Math.floor((query.baseline.to - 1) / step) - MAX_TAIL_BUCKETS + 1) * step);
  const [means, tails] = await Promise.all([run(query, false), run({ ...query, baseline: { from: tailFrom, to: query.baseline.to } }, true)]);
  const id = (r: MetricSeriesRow) => JSON.stringify([r.metric, r.key, r.label_value]);
  const tailOf = new Map(tails.map((r) => [id(r), r]));
  return means.map((r) => {
    const tail = tailOf.get(id(r));
    return { ...r, window_p99: tail?.window_p99 ?? null, baseline_p99: tail?.baseline_p99 ?? null, baseline_p99_mad: tail?.baseline_p99_mad ?? null };
  });
}

/** From the baseline's centre to the window's, in buckets of `step`. */
function gapBuckets({ window, baseline }: ChangesQuery, step: number): number {
  return (window.from + window.to - baseline.from - baseline.to) / 2 / step;
}

export type SpanCellRow = z.infer<typeof spanRow>;

/**
 * The span cells of both sides (sql/changes/spans.sql), from the span change
 * rollups where `usable` says they account for every span, raw spans otherwise.
 */
export function spanCells(query: ChangesQuery, usable: { minute: boolean; hour: boolean }, signal?: AbortSignal): Promise<SpanCellRow[]> {
  const tiers = sideTiers(query, usable);
  return queryRows({
    sql: 'changes/spans',
    arms: tiers.arms,
    params: { ...sideParams(query), ...tiers.params, max_keys: MAX_ATTRIBUTE_KEYS, max_values: MAX_ATTRIBUTE_VALUES },
    row: spanRow,
    signal,
  });
}

const overlapRow = z.object({
  source_ip: z.string(),
  event_type: z.string(),
  service: z.string(),
  action: z.string(),
  window_count: z.number(),
  baseline_count: z.number(),
});

/** How the listed security values overlap (sql/changes/security_joint.sql): events per combination of listed values, per side. */
async function securityOverlap(query: ChangesQuery, rows: readonly SecurityChange[], signal?: AbortSignal): Promise<SecurityCell[]> {
  const listed = (field: SecurityGroup) => rows.filter((r) => r.field === field).map((r) => r.value);
  const cells = await queryRows({
    sql: 'changes/security_joint',
    params: { ...sideParams(query), ips: listed('sourceIp'), event_types: listed('eventType'), services: listed('service'), actions: listed('action') },
    row: overlapRow,
    signal,
  });
  return cells.map((c) => ({
    values: { sourceIp: c.source_ip, eventType: c.event_type, service: c.service, action: c.action },
    windowCount: c.window_count,
    baselineCount: c.baseline_count,
  }));
}

/** Both sides' ranges as every changes query binds them. */
function sideParams({ window, baseline }: ChangesQuery) {
  return { from: dateTime64(window.from), to: dateTime64(window.to), base_from: dateTime64(baseline.from), base_to: dateTime64(baseline.to) };
}

export async function fetchChanges(query: ChangesQuery, signal?: AbortSignal): Promise<ChangesResponse> {
  const { window, baseline } = query;
  const use = await usableRollups();
  const step = changesStep(window);
  const gap = gapBuckets(query, step);
  const params = sideParams(query);
  const [metrics, security, spans, anomalies] = await Promise.all([
    metricBuckets(query, { means: metricTiers(use, false), tails: metricTiers(use, true) }, signal),
    queryRows({ sql: 'changes/security', params: { ...params, max_values: MAX_SECURITY_VALUES }, row: securityRow, signal }),
    spanCells(query, use.spanChanges, signal),
    queryRows({ sql: 'changes/anomalies', params: { ...params, max_series: MAX_ANOMALY_SERIES }, row: anomalyRow, signal }),
  ]);

  const notes: string[] = [];
  const metricRows = metricChanges(
    metrics.map((r) => ({
      metric: r.metric,
      key: r.key,
      value: r.label_value,
      windowBuckets: r.window_buckets,
      baselineBuckets: r.baseline_buckets,
      baselineRows: r.baseline_rows,
      drift: {
        stepMad: r.baseline_step_mad,
        lag: r.baseline_lag,
        lagMedian: r.baseline_lag_median,
        lagMad: r.baseline_lag_mad,
        windowMad: r.window_mean_mad,
        windowStepMad: r.window_step_mad,
      },
      stats: {
        mean: { window: r.window_mean, baseline: r.baseline_mean, baselineMad: r.baseline_mean_mad },
        p99: { window: r.window_p99, baseline: r.baseline_p99, baselineMad: r.baseline_p99_mad },
      },
    })),
    step,
    gap,
  );
  if (metrics.length > 0 && metrics.every((r) => r.baseline_buckets === 0)) notes.push('The baseline holds no metric samples.');

  const securityTotals = { window: security[0]?.window_total ?? 0, baseline: security[0]?.baseline_total ?? 0 };
  if (security.length > 0 && securityTotals.baseline === 0) notes.push('The baseline holds no security events.');
  const securityExposure = exposure(query, security[0]?.baseline_first);
  const securityRows = securityChanges(
    security.map((r) => ({ field: r.field, value: r.value, windowCount: r.window_count, baselineCount: r.baseline_count })),
    securityTotals,
    securityExposure,
  );
  // Only with two fields listed can one explain the other.
  const securityExplained =
    new Set(securityRows.map((r) => r.field)).size >= 2
      ? explainSecurity(securityRows, await securityOverlap(query, securityRows, signal), securityExposure)
      : new Map<SecurityChange, SecurityChange[]>();

  const cells: SpanCellInput[] = spans.map((r) => ({
    service: r.service,
    operation: r.operation,
    scope: r.scope,
    key: r.key,
    value: r.value,
    slowMs: r.slow_ms ?? 0,
    window: { spans: r.window_spans, failed: r.window_failed, slow: r.window_slow },
    baseline: { spans: r.baseline_spans, failed: r.baseline_failed, slow: r.baseline_slow },
  }));
  if (spans.length > 0 && spans.every((r) => r.baseline_spans === 0)) notes.push('The baseline holds no spans.');

  const judged = anomalies[0];
  if (judged && judged.baseline_judged === 0) notes.push('The anomaly detector judged no points in the baseline.');
  const anomalyRows =
    judged && judged.baseline_judged > 0
      ? anomalyChanges(
          anomalies.map((r) => ({
            metric: r.metric,
            context: r.context,
            labels: r.labels,
            windowCount: r.window_count,
            baselineCount: r.baseline_count,
            maxDeviation: r.max_deviation ?? 0,
          })),
          exposure(query, judged.baseline_first),
        )
      : [];

  const shapes = metricShapes(metrics.map((r) => ({ metric: r.metric, key: r.key, value: r.label_value })));
  const ranked = rankChanges([...metricRows, ...securityRows, ...spanChanges(cells), ...anomalyRows], shapes, securityExplained);
  return { window, baseline, step, threshold: SCORE_THRESHOLD, changes: ranked.slice(0, query.limit), total: ranked.length, notes };
}
