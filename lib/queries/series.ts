import 'server-only';
import { z } from 'zod';
import type { LabelFilter } from '@/lib/api/params';
import type { Aggregation, Point, Series, SeriesResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { bucketStarts, seriesStep } from './buckets';
import { dateTime64, float, labelParams, num } from './common';
import { metricTiers, usableRollups, type RollupUse } from './rollups';
import { planTiers, tierArms, tierParams, type TierPlan } from './tiers';

/**
 * Metric time series on the epoch-aligned bucket grid. Every bucket that
 * intersects [from, to) is a point; buckets without rows are null.
 */

export interface SeriesQuery {
  metrics: string[];
  from: number;
  to: number;
  /** Each aggregation is its own series; all but `rate` come from one scan. */
  aggs: Aggregation[];
  maxPoints?: number;
  step?: number;
  labels?: LabelFilter[];
  groupBy?: string;
}

/** With groupBy, at most this many (metric, label value) series, the largest by row count. */
export const TOP_GROUPS = 20;
/** rate looks this far before the window for each series' previous sample (at least one step). */
const RATE_LOOKBACK_MS = 5 * 60_000;

/** A bucket: its row count and the statistics asked for, in the order asked (series/bucket_values). */
const bucketRow = z.object({
  metric: z.string(),
  group_value: z.string(),
  t: num,
  n: z.number(),
  v: z.array(float),
});

const rateRow = z.object({ metric: z.string(), group_value: z.string(), t: num, n: z.number(), rate: float });

const QUANTILES: readonly Aggregation[] = ['p50', 'p90', 'p95', 'p99'];

export async function fetchSeries(query: SeriesQuery, signal?: AbortSignal): Promise<SeriesResponse> {
  const { from, to, aggs } = query;
  const step = seriesStep(from, to, query.maxPoints, query.step);
  const params = {
    metrics: query.metrics,
    from: dateTime64(from),
    to: dateTime64(to),
    step_ms: step,
    group_key: query.groupBy ?? '',
    top_n: TOP_GROUPS,
    ...labelParams(query.labels),
  };
  const statistics = aggs.filter((agg) => agg !== 'rate');
  // `rate` always reads raw rows: a counter's increase needs consecutive samples of one
  // series, and a reset between two samples of one minute is invisible in its aggregates.
  const rollups = await usableRollups();
  const withQuantiles = statistics.some((a) => QUANTILES.includes(a));
  const plan = statistics.length > 0 && rollups.metrics ? planTiers(from, to, step, metricTiers(rollups, withQuantiles, query.metrics)) : undefined;
  const bucketParams = { ...params, ...(plan && tierParams(plan)), with_quantiles: withQuantiles ? 1 : 0, stats: statistics };
  const arms = plan && tierArms(plan);
  const readBuckets = (sql: string) => queryRows({ sql, params: bucketParams, arms, row: bucketRow, signal });
  const [rates, buckets] = await Promise.all([
    aggs.includes('rate')
      ? queryRows({ sql: 'series/rate', params: { ...params, scan_from: dateTime64(from - Math.max(step, RATE_LOOKBACK_MS)) }, row: rateRow, signal })
      : [],
    statistics.length === 0 ? [] : !plan ? readBuckets(rawBucketsSql(query)) : rollupBuckets(query, plan, rollups, params.label_keys.length > 0, readBuckets, signal),
  ]);
  const starts = bucketStarts(from, to, step);
  // Gathered once per source: every bucket row holds all the statistics, every rate row the rate.
  const byStatistic = gather(query, buckets, statistics.length, (r, i) => r.v[i] ?? null, starts, step);
  const byRate = gather(query, rates, 1, (r) => r.rate, starts, step);
  return {
    from,
    to,
    step,
    series: aggs.flatMap((agg) =>
      agg === 'rate' ? byRate.map((g) => toSeries(query, agg, g, 0, starts)) : byStatistic.map((g) => toSeries(query, agg, g, statistics.indexOf(agg), starts)),
    ),
  };
}

/** The raw read: without filters or groups, the one that leaves the labels map unread. */
function rawBucketsSql(query: SeriesQuery): string {
  return !query.groupBy && (query.labels ?? []).length === 0 ? 'series/buckets_plain' : 'series/buckets';
}

const coverageRow = z.object({ metric: z.string(), rows: num, keyed: num });

/**
 * The buckets from the rollups. The per-label rollups answer when both are
 * filled and no label filter needs the label sets; grouped by a label, only
 * if every row of the range has it (checked alongside, from the same
 * rollups: a row without the label would be in group '', which they cannot
 * tell apart). Else the rollups by label set answer.
 */
async function rollupBuckets(
  query: SeriesQuery,
  plan: TierPlan,
  rollups: RollupUse,
  filtered: boolean,
  read: (sql: string) => Promise<z.infer<typeof bucketRow>[]>,
  signal: AbortSignal | undefined,
): Promise<z.infer<typeof bucketRow>[]> {
  if (!rollups.metricsByLabel.minute || !rollups.metricsByLabel.hour || filtered) return read('series/buckets_rollup');
  if (!query.groupBy || query.groupBy === 'service') return read('series/buckets_by_label');
  const [coverage, rows] = await Promise.all([
    queryRows({
      sql: 'series/label_coverage',
      params: { metrics: query.metrics, group_key: query.groupBy, ...tierParams(plan), ...labelParams(query.labels), with_quantiles: 0 }, // counts rows: no sketch
      arms: tierArms(plan),
      row: coverageRow,
      signal,
    }),
    read('series/buckets_by_label'),
  ]);
  return coverage.every((c) => c.rows === c.keyed) ? rows : read('series/buckets_rollup');
}

/** One (metric, group value): its row count and, per column, a value for each bucket of the grid. */
interface Group {
  metric: string;
  group: string;
  n: number;
  columns: (number | null)[][];
}

/**
 * Rows → one group per (metric, label value), largest first when grouped
 * (else the metrics in the order asked), each column on the full bucket
 * grid: a bucket without a row is null. Indexed by bucket, not keyed by
 * time: this runs for every row of every answer (a 15-minute window has a
 * thousand buckets per statistic).
 */
function gather<R extends { metric: string; group_value: string; t: number; n: number }>(
  query: SeriesQuery,
  rows: R[],
  width: number,
  value: (row: R, column: number) => number | null,
  starts: number[],
  step: number,
): Group[] {
  const first = starts[0] ?? 0;
  const groups = new Map<string, Group>();
  const add = (metric: string, group: string): Group => {
    const created: Group = { metric, group, n: 0, columns: Array.from({ length: width }, () => new Array<number | null>(starts.length).fill(null)) };
    groups.set(`${metric}\u0000${group}`, created);
    return created;
  };
  if (!query.groupBy) for (const metric of query.metrics) add(metric, '');
  for (const row of rows) {
    const group = groups.get(`${row.metric}\u0000${row.group_value}`) ?? add(row.metric, row.group_value);
    group.n += row.n;
    const bucket = (row.t - first) / step;
    if (!Number.isInteger(bucket) || bucket < 0 || bucket >= starts.length) continue;
    for (let c = 0; c < width; c += 1) group.columns[c]![bucket] = value(row, c);
  }
  const ordered = [...groups.values()];
  if (query.groupBy) ordered.sort((a, b) => b.n - a.n || a.metric.localeCompare(b.metric) || a.group.localeCompare(b.group));
  return ordered;
}

/** Column `column` of a group as the series of `agg`. */
function toSeries(query: SeriesQuery, agg: Aggregation, group: Group, column: number, starts: number[]): Series {
  const values = group.columns[column] ?? [];
  return {
    metric: group.metric,
    agg,
    labels: query.groupBy && group.group !== '' ? { [query.groupBy]: group.group } : {},
    points: starts.map((t, i): Point => [t, values[i] ?? null]),
  };
}
