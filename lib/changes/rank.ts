import {
  AGGREGATIONS,
  type Aggregation,
  type AnomalyChange,
  type Change,
  type CountSide,
  type MetricChange,
  type MetricStatistic,
  type SecurityChange,
  type SecurityGroup,
  type SpanChange,
} from '@/lib/api/types';
import { explainRows, type MetricShapes } from './explain';
import { SCORE_THRESHOLD, gTest2x2, increaseScore, levelChange, median, rateChange, shareChange, type LevelChange } from './scores';

/**
 * Turns the per-signal aggregates of the window and the baseline into listed
 * changes: scored (scores.ts), cut at the threshold, and pruned of rows that
 * only repeat another one (a label value that moved with all its siblings is
 * the whole metric moving; an attribute value that fails as often as the
 * operation's other values is the operation failing). Pure, so the rules can
 * be tested without an engine.
 */

const HOUR = 3_600_000;

/** A level needs this many buckets on each side to have a median and a spread worth comparing. */
export const MIN_WINDOW_BUCKETS = 2;
export const MIN_BASELINE_BUCKETS = 5;
/** p99 is judged only where a bucket holds a distribution: at least this many samples per baseline bucket. */
export const MIN_SAMPLES_FOR_TAIL = 10;
/** A label value stands apart when its relative move is at least this many times its siblings' median one. */
export const APART_FACTOR = 2;

const STATISTICS: readonly MetricStatistic[] = ['mean', 'p99'];

export interface LevelStats {
  window: number | null;
  baseline: number | null;
  baselineMad: number | null;
}

export interface MetricSeriesInput {
  metric: string;
  /** '' is the whole metric. */
  key: string;
  value: string;
  windowBuckets: number;
  baselineBuckets: number;
  baselineRows: number;
  stats: Record<MetricStatistic, LevelStats>;
  /** How the baseline's bucket means differ 1 and `lag` buckets apart (see Drift). */
  drift: { stepMad: number | null; lag: number; lagMedian: number | null; lagMad: number | null; windowMad: number | null; windowStepMad: number | null };
}

interface Scored extends LevelChange {
  input: MetricSeriesInput;
  statistic: MetricStatistic;
}

function scoreStatistic(input: MetricSeriesInput, statistic: MetricStatistic, gapBuckets: number): Scored | null {
  const { window, baseline, baselineMad } = input.stats[statistic];
  if (input.windowBuckets < MIN_WINDOW_BUCKETS || input.baselineBuckets < MIN_BASELINE_BUCKETS) return null;
  if (window === null || baseline === null || baselineMad === null) return null;
  if (statistic === 'p99' && input.baselineRows < MIN_SAMPLES_FOR_TAIL * input.baselineBuckets) return null;
  const { stepMad, lag, lagMedian, lagMad, windowMad, windowStepMad } = input.drift;
  // Drift is measured on the means; a p99 wanders with them.
  const drift =
    stepMad !== null && lagMedian !== null && lagMad !== null
      ? { stepMad, steps: input.baselineBuckets - 1, lag, lagMedian, lagMad, gapBuckets, windowMad: windowMad ?? undefined, windowStepMad: windowStepMad ?? undefined }
      : undefined;
  return { input, statistic, ...levelChange(baseline, baselineMad, window, statistic === 'mean' ? drift : undefined) };
}

const listed = (s: Scored | null): s is Scored => s !== null && s.score >= SCORE_THRESHOLD && s.material;

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return n.toExponential(2);
  return String(Number(n.toPrecision(3)));
}

function metricChange(s: Scored, stepMs: number): MetricChange {
  const { input, statistic } = s;
  const label = input.key === '' ? null : { key: input.key, value: input.value };
  const window = input.stats[statistic].window ?? 0;
  const baseline = input.stats[statistic].baseline ?? 0;
  const agg: Aggregation = statistic === 'mean' ? 'avg' : 'p99';
  const bucket = `${Math.round(stepMs / 60_000)}-minute`;
  return {
    signal: 'metric',
    what: `${input.metric} ${statistic}${label ? ` {${label.key}=${label.value}}` : ''}`,
    metric: input.metric,
    statistic,
    label,
    baseline: { value: baseline, spread: s.spread, buckets: input.baselineBuckets },
    window: { value: window, buckets: input.windowBuckets },
    z: s.z,
    effect: window - baseline,
    score: s.score,
    explanation:
      `Median ${bucket} ${statistic} ${fmt(window)} in the window against ${fmt(baseline)} in the baseline; ` +
      `the baseline spreads ${fmt(s.spread)} (1.4826 × the MAD of its buckets, or how far it drifts on its own over the gap, ` +
      `at least 5 % of its level), so the move is z = ${fmt(s.z)}, score z² = ${fmt(s.score)} (listed from ${SCORE_THRESHOLD}).`,
    explainedBy: [],
    action: { kind: 'panel', metric: input.metric, agg, labels: label ? [label] : [] },
  };
}

/**
 * The move relative to the level (or to the spread, for a level near 0):
 * unlike z it does not grow with a series' sample size, so siblings of
 * different sizes that moved alike compare alike.
 */
function relativeMove(s: Scored): number {
  const { window, baseline } = s.input.stats[s.statistic];
  if (window === null || baseline === null) return 0;
  return (window - baseline) / Math.max(Math.abs(baseline), s.spread);
}

/** Two label keys that split a metric the same way (a service and its one instance) give equal rows: keep one, `service` first. */
function distinct(scored: Scored[]): Scored[] {
  const seen = new Map<string, Scored>();
  const ordered = [...scored].sort((a, b) => Number(b.input.key === 'service') - Number(a.input.key === 'service'));
  for (const s of ordered) {
    const { stats, windowBuckets, baselineBuckets } = s.input;
    const id = JSON.stringify([s.statistic, stats[s.statistic], windowBuckets, baselineBuckets]);
    if (!seen.has(id)) seen.set(id, s);
  }
  return [...seen.values()];
}

/**
 * Per metric: a label value is listed when it moved (score over the
 * threshold) and apart from its siblings (its relative move at least
 * APART_FACTOR times theirs, its z the threshold's z from theirs: their
 * medians); a key with one value
 * is the whole metric again. The whole metric is listed only when no label
 * value of it is: then the move is everywhere, not in one series.
 * `gapBuckets`: from the baseline's centre to the window's, in buckets.
 */
export function metricChanges(series: readonly MetricSeriesInput[], stepMs: number, gapBuckets: number): MetricChange[] {
  const limitZ = Math.sqrt(SCORE_THRESHOLD);
  const byMetric = new Map<string, MetricSeriesInput[]>();
  for (const s of series) byMetric.set(s.metric, [...(byMetric.get(s.metric) ?? []), s]);
  const out: MetricChange[] = [];
  for (const rows of byMetric.values()) {
    const kept: Scored[] = [];
    const byKey = new Map<string, MetricSeriesInput[]>();
    for (const r of rows) if (r.key !== '') byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    for (const values of byKey.values()) {
      if (values.length < 2) continue;
      for (const row of values) {
        for (const statistic of STATISTICS) {
          const own = scoreStatistic(row, statistic, gapBuckets);
          if (!listed(own)) continue;
          const siblings = values
            .filter((v) => v !== row)
            .map((v) => scoreStatistic(v, statistic, gapBuckets))
            .filter((z): z is Scored => z !== null);
          const typical = siblings.length === 0 ? 0 : median(siblings.map(relativeMove));
          const typicalZ = siblings.length === 0 ? 0 : median(siblings.map((s) => s.z));
          const apart = Math.abs(own.z - typicalZ) >= limitZ && Math.abs(relativeMove(own)) >= APART_FACTOR * Math.abs(typical);
          if (apart) kept.push(own);
        }
      }
    }
    if (kept.length === 0) {
      const whole = rows.find((r) => r.key === '');
      if (whole) kept.push(...STATISTICS.map((st) => scoreStatistic(whole, st, gapBuckets)).filter(listed));
    }
    out.push(...distinct(kept).map((s) => metricChange(s, stepMs)));
  }
  return out;
}

export interface Exposure {
  windowMs: number;
  baselineMs: number;
}

export interface SecurityValueInput {
  field: SecurityGroup;
  value: string;
  windowCount: number;
  baselineCount: number;
}

export interface SecurityTotals {
  window: number;
  baseline: number;
}

const FIELD_NAMES: Record<SecurityGroup, string> = { sourceIp: 'source IP', eventType: 'event type', service: 'service', action: 'action' };

function side(count: number, total: number, ms: number): CountSide {
  return { count, total, share: total > 0 ? count / total : 0, perHour: (count / ms) * HOUR };
}

/** Security values whose event rate rose at least MIN_RATIO times, with a G over the threshold. */
export function securityChanges(values: readonly SecurityValueInput[], totals: SecurityTotals, exposure: Exposure): SecurityChange[] {
  if (totals.baseline === 0) return [];
  return values.flatMap((v) => {
    const rate = rateChange(v.windowCount, exposure.windowMs, v.baselineCount, exposure.baselineMs);
    const score = increaseScore(rate);
    if (score < SCORE_THRESHOLD) return [];
    const window = side(v.windowCount, totals.window, exposure.windowMs);
    const baseline = side(v.baselineCount, totals.baseline, exposure.baselineMs);
    const change: SecurityChange = {
      signal: 'security',
      what: `security events with ${FIELD_NAMES[v.field]} ${v.value}`,
      field: v.field,
      value: v.value,
      baseline,
      window,
      effect: rate.ratio,
      score,
      explanation:
        `${v.windowCount} events in the window (${fmt(window.perHour)}/h, ${fmt(100 * window.share)} % of all) against ` +
        `${v.baselineCount} in the baseline (${fmt(baseline.perHour)}/h, ${fmt(100 * baseline.share)} %): the rate is ${fmt(rate.ratio)}× ` +
        `(counts + 0.5). G-test of the counts against the split the two lengths predict: G = ${fmt(score)} ` +
        `(listed from ${SCORE_THRESHOLD} when the rate at least doubled).`,
      explainedBy: [],
      action: { kind: 'securityFilter', field: v.field, value: v.value },
    };
    return [change];
  });
}

export interface SpanCellInput {
  service: string;
  operation: string;
  /** '' with key '' is the operation as a whole. */
  scope: '' | 'span' | 'resource';
  key: string;
  value: string;
  slowMs: number;
  window: { spans: number; failed: number; slow: number };
  baseline: { spans: number; failed: number; slow: number };
}

type SpanKind = SpanChange['kind'];

function spanChange(cell: SpanCellInput, kind: SpanKind, score: number, ratio: number): SpanChange {
  const attribute = cell.scope === '' ? null : { scope: cell.scope, key: cell.key, value: cell.value };
  const w = { spans: cell.window.spans, matching: cell.window[kind], share: cell.window[kind] / cell.window.spans };
  const b = { spans: cell.baseline.spans, matching: cell.baseline[kind], share: cell.baseline.spans > 0 ? cell.baseline[kind] / cell.baseline.spans : 0 };
  const what = `${kind} ${cell.operation} spans of ${cell.service}${attribute ? ` {${attribute.key}=${attribute.value}}` : ''}`;
  const meaning =
    kind === 'failed'
      ? 'failed on their own (status Error and no failed child)'
      : `slow (did not fail, self time over ${fmt(cell.slowMs)} ms: the baseline's p95 for the operation, rounded up to its quarter octave)`;
  return {
    signal: 'spans',
    what,
    kind,
    service: cell.service,
    operation: cell.operation,
    attribute,
    slowThresholdMs: cell.slowMs,
    baseline: b,
    window: w,
    effect: ratio,
    score,
    explanation:
      `${w.matching} of ${w.spans} spans ${meaning} in the window (${fmt(100 * w.share)} %) against ${b.matching} of ${b.spans} ` +
      `(${fmt(100 * b.share)} %) in the baseline: ${fmt(ratio)}× the share (counts + 0.5). G-test of the 2×2 table: ` +
      `G = ${fmt(score)} (listed from ${SCORE_THRESHOLD} when the share at least doubled).`,
    explainedBy: [],
    action: {
      kind: 'traces',
      service: cell.service,
      operation: cell.operation,
      ...(kind === 'failed' ? { status: 'error' as const } : { minSelfMs: cell.slowMs }),
      ...(attribute ? { attribute } : {}),
    },
  };
}

/**
 * Per operation and kind: attribute values whose share rose over the
 * threshold and also stand apart from the operation's other spans in the
 * window (a G-test of this value against the rest); the operation as a
 * whole only when none does.
 */
export function spanChanges(cells: readonly SpanCellInput[]): SpanChange[] {
  const out: SpanChange[] = [];
  const byOperation = new Map<string, SpanCellInput[]>();
  for (const c of cells) {
    const id = JSON.stringify([c.service, c.operation]);
    byOperation.set(id, [...(byOperation.get(id) ?? []), c]);
  }
  for (const group of byOperation.values()) {
    const whole = group.find((c) => c.scope === '');
    if (!whole || whole.baseline.spans === 0) continue;
    for (const kind of ['failed', 'slow'] as const) {
      const scored = (c: SpanCellInput) => {
        const change = shareChange(c.window[kind], c.window.spans, c.baseline[kind], c.baseline.spans);
        return { cell: c, change, score: increaseScore(change) };
      };
      const values = group
        .filter((c) => c.scope !== '')
        .map(scored)
        .filter(({ cell, score }) => {
          if (score < SCORE_THRESHOLD) return false;
          const restYes = whole.window[kind] - cell.window[kind];
          const restNo = whole.window.spans - cell.window.spans - restYes;
          const apart = gTest2x2(cell.window[kind], cell.window.spans - cell.window[kind], restYes, restNo);
          return apart >= SCORE_THRESHOLD;
        });
      const listedCells = values.length > 0 ? values : [scored(whole)].filter(({ score }) => score >= SCORE_THRESHOLD);
      out.push(...listedCells.map(({ cell, change, score }) => spanChange(cell, kind, score, change.ratio)));
    }
  }
  return out;
}

export interface AnomalySeriesInput {
  metric: string;
  context: Record<string, string>;
  /** The context entries that are labels of the metric. */
  labels: Record<string, string>;
  windowCount: number;
  baselineCount: number;
  maxDeviation: number;
}

const isAggregation = (value: string | undefined): value is Aggregation => (AGGREGATIONS as readonly (string | undefined)[]).includes(value);

/** Series flagged in the window at a rate at least MIN_RATIO times the baseline's, with a G over the threshold. */
export function anomalyChanges(series: readonly AnomalySeriesInput[], exposure: Exposure): AnomalyChange[] {
  return series.flatMap((s) => {
    const rate = rateChange(s.windowCount, exposure.windowMs, s.baselineCount, exposure.baselineMs);
    const score = increaseScore(rate);
    if (score < SCORE_THRESHOLD) return [];
    const labels = Object.entries(s.labels).map(([key, value]) => ({ key, value }));
    const change: AnomalyChange = {
      signal: 'anomaly',
      what: `${s.metric} flagged by the detector${labels.length ? ` {${labels.map((l) => `${l.key}=${l.value}`).join(', ')}}` : ''}`,
      metric: s.metric,
      context: s.context,
      baseline: { flagged: s.baselineCount, perHour: (s.baselineCount / exposure.baselineMs) * HOUR },
      window: { flagged: s.windowCount, perHour: (s.windowCount / exposure.windowMs) * HOUR, maxDeviation: s.maxDeviation },
      effect: rate.ratio,
      score,
      explanation:
        `${s.windowCount} flagged points in the window (largest |score| ${fmt(s.maxDeviation)}) against ${s.baselineCount} in the baseline: ` +
        `${fmt(rate.ratio)}× the rate (counts + 0.5); G = ${fmt(score)} (listed from ${SCORE_THRESHOLD}).`,
      explainedBy: [],
      // The detector may name the aggregate it judged (context.aggregate); the panel then shows that one.
      action: { kind: 'panel', metric: s.metric, agg: isAggregation(s.context.aggregate) ? s.context.aggregate : 'avg', labels },
    };
    return [change];
  });
}

/** Whether a listed metric change already shows the series the detector flagged (the whole metric, or one of its labels). */
function covers(metric: MetricChange, anomaly: AnomalyChange): boolean {
  if (metric.metric !== anomaly.metric) return false;
  return metric.label === null || anomaly.action.kind !== 'panel' || anomaly.action.labels.some((l) => l.key === metric.label?.key && l.value === metric.label.value);
}

/**
 * Every signal's changes in one list. A detector's flag on a series a
 * metric row already lists is dropped: the row says it, with the size of
 * the move. The order (docs/api.md, "Ranking"):
 *
 * 1. findings before explained rows (explain.ts), so the list opens on
 *    where it happened and what followed comes after;
 * 2. within each, the signals interleaved by their own order: every
 *    signal's strongest row, then every signal's second, and so on. A G
 *    grows with the number of events counted and a metric's z with how
 *    quiet its baseline was, so their sizes say how sure each row is, not
 *    which matters more; within its own signal a score does rank;
 * 3. ties by score, then by what, for a stable order.
 */
export function rankChanges(changes: readonly Change[], shapes: MetricShapes, security: ReadonlyMap<SecurityChange, SecurityChange[]> = new Map()): Change[] {
  const metrics = changes.filter((c): c is MetricChange => c.signal === 'metric');
  const kept = changes.filter((c) => c.signal !== 'anomaly' || !metrics.some((m) => covers(m, c)));
  const explained = explainRows(kept, shapes, security);
  const byScore = (a: Change, b: Change) => b.score - a.score || a.what.localeCompare(b.what);
  const tier = (c: Change) => (explained.has(c) ? 1 : 0);
  const place = new Map<Change, number>();
  for (const t of [0, 1]) {
    for (const signal of ['metric', 'security', 'spans', 'anomaly'] as const) {
      kept.filter((c) => tier(c) === t && c.signal === signal).sort(byScore).forEach((c, i) => place.set(c, i));
    }
  }
  return kept
    .map((c) => ({ c, t: tier(c), p: place.get(c) ?? 0 }))
    .sort((a, b) => a.t - b.t || a.p - b.p || byScore(a.c, b.c))
    .map(({ c }) => {
      const by = (explained.get(c) ?? []).map((e) => e.what);
      return by.length === 0 ? c : { ...c, explainedBy: by, explanation: `${c.explanation} ${explainedText(c, by)}` };
    });
}

/** The hover's last sentence for an explained row. */
function explainedText(c: Change, by: readonly string[]): string {
  const named = by.length > 3 ? `${by.slice(0, 3).join('; ')} and ${by.length - 3} more` : by.join('; ');
  const why =
    c.signal === 'security'
      ? 'Its change lies in more specific values'
      : c.signal === 'metric' && c.label?.key === 'service'
        ? 'Rows about parts of this service are listed'
        : 'It moved alike in every series, and rows that single out where are listed';
  return `${why}, so it ranks after them: ${named}.`;
}
