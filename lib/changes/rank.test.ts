import { describe, expect, it } from 'vitest';
import type { AnomalyChange, MetricChange } from '@/lib/api/types';
import { metricShapes } from './explain';
import { anomalyChanges, metricChanges, rankChanges, securityChanges, spanChanges, type MetricSeriesInput, type SpanCellInput } from './rank';

const MINUTE = 60_000;

/** A series whose bucket means sat at `before` (MAD `mad`) and moved to `after`; 60 buckets each side, 1 sample per bucket. */
function series(metric: string, key: string, value: string, before: number, after: number, mad = 0.01): MetricSeriesInput {
  return {
    metric,
    key,
    value,
    windowBuckets: 60,
    baselineBuckets: 60,
    baselineRows: 60,
    stats: {
      mean: { window: after, baseline: before, baselineMad: mad },
      p99: { window: after, baseline: before, baselineMad: mad },
    },
    drift: { stepMad: mad, lag: 30, lagMedian: 0, lagMad: mad, windowMad: null, windowStepMad: null },
  };
}

describe('metricChanges', () => {
  it('lists the one label value that broke, not the whole metric or a key that splits it evenly', () => {
    const rows = metricChanges(
      [
        series('fill_rate', '', '', 0.8, 0.6), // the average of the four venues
        series('fill_rate', 'exchange', 'coinbase', 0.8, 0.04),
        series('fill_rate', 'exchange', 'binance', 0.8, 0.8),
        series('fill_rate', 'exchange', 'kraken', 0.8, 0.79),
        series('fill_rate', 'strategy', 'a', 0.8, 0.6),
        series('fill_rate', 'strategy', 'b', 0.8, 0.61),
        series('fill_rate', 'service', 'strategy-engine', 0.8, 0.6), // one value: the whole metric again
      ],
      MINUTE,
      60,
    );
    expect(rows.map((r) => [r.what, r.statistic])).toEqual([['fill_rate mean {exchange=coinbase}', 'mean']]);
    // spread: max(1.4826 × 0.01, 5 % of 0.8 = 0.04, drift 1.4826 × 0.01) = 0.04; z = −0.76 / 0.04 = −19
    expect(rows[0]?.z).toBeCloseTo(-19, 6);
    expect(rows[0]?.action).toEqual({ kind: 'panel', metric: 'fill_rate', agg: 'avg', labels: [{ key: 'exchange', value: 'coinbase' }] });
  });

  it('lists the whole metric when every value of every key moved alike', () => {
    const rows = metricChanges(
      [
        series('latency', '', '', 10, 80, 0.5),
        series('latency', 'exchange', 'a', 8, 64, 0.5),
        series('latency', 'exchange', 'b', 12, 96, 0.6),
      ],
      MINUTE,
      60,
    );
    expect(rows.map((r) => r.what)).toEqual(['latency mean']);
  });

  it('judges p99 only where buckets hold a distribution, and keeps one of two keys that split alike', () => {
    const thin = series('cpu', 'service', 'a', 0.3, 0.9);
    const twin = series('cpu', 'instance', 'a-0', 0.3, 0.9);
    const quiet = [series('cpu', 'service', 'b', 0.3, 0.3), series('cpu', 'instance', 'b-0', 0.3, 0.3)];
    const rows = metricChanges([thin, twin, ...quiet], MINUTE, 60);
    expect(rows.map((r) => r.what)).toEqual(['cpu mean {service=a}']);
    const thick = metricChanges([{ ...thin, baselineRows: 600 }, quiet[0] as MetricSeriesInput], MINUTE, 60);
    expect(thick.map((r) => r.what)).toEqual(['cpu mean {service=a}', 'cpu p99 {service=a}']);
  });

  it('lists nothing from too few buckets or a move under the threshold', () => {
    expect(metricChanges([{ ...series('m', '', '', 1, 9), baselineBuckets: 4 }], MINUTE, 60)).toEqual([]);
    // z = 0.1 / max(0.0148, 0.05) = 2
    expect(metricChanges([series('m', '', '', 1, 1.1)], MINUTE, 60)).toEqual([]);
  });
});

describe('securityChanges', () => {
  const exposure = { windowMs: 12 * MINUTE, baselineMs: 60 * MINUTE };

  it('lists a value absent from the baseline with both sides counted', () => {
    const [row, ...rest] = securityChanges(
      [
        { field: 'sourceIp', value: '203.0.113.45', windowCount: 12, baselineCount: 0 },
        { field: 'eventType', value: 'waf_block', windowCount: 2, baselineCount: 10 },
      ],
      { window: 14, baseline: 100 },
      exposure,
    );
    expect(rest).toEqual([]);
    expect(row?.score).toBeCloseTo(40.739, 2); // as in scores.test.ts: 12 in 12 min against 0 in 60
    expect(row?.window).toEqual({ count: 12, total: 14, share: 12 / 14, perHour: 60 });
    expect(row?.baseline).toEqual({ count: 0, total: 100, share: 0, perHour: 0 });
    expect(row?.action).toEqual({ kind: 'securityFilter', field: 'sourceIp', value: '203.0.113.45' });
  });

  it('lists nothing against an empty baseline', () => {
    expect(securityChanges([{ field: 'sourceIp', value: 'x', windowCount: 500, baselineCount: 0 }], { window: 500, baseline: 0 }, exposure)).toEqual([]);
  });
});

function cell(scope: SpanCellInput['scope'], key: string, value: string, window: [number, number], baseline: [number, number]): SpanCellInput {
  return {
    service: 'adapter',
    operation: 'submit',
    scope,
    key,
    value,
    slowMs: 12,
    window: { spans: window[0], failed: window[1], slow: 0 },
    baseline: { spans: baseline[0], failed: baseline[1], slow: 0 },
  };
}

describe('spanChanges', () => {
  it('lists the attribute value the failures concentrate in, instead of the operation', () => {
    const rows = spanChanges([
      cell('', '', '', [100, 30], [500, 1]),
      cell('span', 'exchange', 'coinbase', [30, 29], [150, 1]),
      cell('span', 'exchange', 'binance', [70, 1], [350, 0]),
      cell('resource', 'host.name', 'h0', [50, 15], [250, 1]),
      cell('resource', 'host.name', 'h1', [50, 15], [250, 0]),
    ]);
    expect(rows.map((r) => r.what)).toEqual(['failed submit spans of adapter {exchange=coinbase}']);
    expect(rows[0]?.action).toEqual({
      kind: 'traces',
      service: 'adapter',
      operation: 'submit',
      status: 'error',
      attribute: { scope: 'span', key: 'exchange', value: 'coinbase' },
    });
  });

  it('lists the operation when its failures are spread over every value', () => {
    const rows = spanChanges([
      cell('', '', '', [100, 30], [500, 1]),
      cell('resource', 'host.name', 'h0', [50, 15], [250, 1]),
      cell('resource', 'host.name', 'h1', [50, 15], [250, 0]),
    ]);
    expect(rows.map((r) => r.what)).toEqual(['failed submit spans of adapter']);
  });

  it('skips an operation the baseline never saw', () => {
    expect(spanChanges([cell('', '', '', [100, 90], [0, 0])])).toEqual([]);
  });
});

describe('rankChanges', () => {
  it('drops a detector flag on a series a metric row lists', () => {
    const [metric] = metricChanges(
      [series('fill_rate', 'exchange', 'coinbase', 0.8, 0.04), series('fill_rate', 'exchange', 'kraken', 0.8, 0.8)],
      MINUTE,
      60,
    ) as [MetricChange];
    const flags = anomalyChanges(
      [
        { metric: 'fill_rate', context: { exchange: 'coinbase', detector: 'd' }, labels: { exchange: 'coinbase' }, windowCount: 12, baselineCount: 0, maxDeviation: 9 },
        { metric: 'order_rate', context: { exchange: 'coinbase' }, labels: { exchange: 'coinbase' }, windowCount: 12, baselineCount: 0, maxDeviation: 7 },
      ],
      { windowMs: 12 * MINUTE, baselineMs: 60 * MINUTE },
    );
    const ranked = rankChanges([...flags, metric], new Map());
    expect(ranked.map((c) => c.what)).toEqual(['fill_rate mean {exchange=coinbase}', 'order_rate flagged by the detector {exchange=coinbase}']);
    expect((ranked[1] as AnomalyChange).action).toEqual({ kind: 'panel', metric: 'order_rate', agg: 'avg', labels: [{ key: 'exchange', value: 'coinbase' }] });
  });

  it('puts findings first, each signal interleaved by its own order, explained rows after', () => {
    const level = (metric: string, value: string, before: number, after: number) => series(metric, 'exchange', value, before, after);
    // Metric scores: a {x=a} z = (0.1 − 1) / 0.05 = −18 → 324; b {x=a} z = 0.5 / 0.05 = 10 → 100.
    const metrics = metricChanges([level('a', 'x', 1, 0.1), level('a', 'y', 1, 1), level('b', 'x', 1, 1.5), level('b', 'y', 1, 1)], MINUTE, 60);
    // The span row: 29 of 30 failed against 1 of 150, G far below the metric scores' 324.
    const spans = spanChanges([cell('', '', '', [30, 29], [150, 1])]);
    const service = { ...(metrics[0] as MetricChange), what: 'cpu {service=adapter}', metric: 'cpu', label: { key: 'service', value: 'adapter' }, score: 1e4 };
    const shapes = metricShapes([{ metric: 'cpu', key: 'service', value: 'adapter' }]);
    const ranked = rankChanges([...metrics, ...spans, service], shapes);
    expect(ranked.map((c) => [c.what, c.explainedBy])).toEqual([
      ['a mean {exchange=x}', []],
      ['failed submit spans of adapter', []],
      ['b mean {exchange=x}', []],
      // the service's metric, though strongest, after the row about a part of it (its submit spans)
      ['cpu {service=adapter}', ['failed submit spans of adapter']],
    ]);
    expect(ranked.map((c) => c.score)).toEqual([324, ranked[1]?.score, 100, 1e4].map((x) => expect.closeTo(x ?? 0, 6)));
    expect(ranked[3]?.explanation).toMatch(/ranks after them: failed submit spans of adapter\.$/);
  });
});
