import { describe, expect, it } from 'vitest';
import type { Anomaly } from '@/lib/api/types';
import { foldAnomalies, seriesName, splitContext } from './anomaly-fold';

const M = 60_000;
const verdict = (t: number, metric: string, exchange: string, score = 6): Anomaly => ({
  timestamp: t,
  metric,
  value: 10,
  expectedValue: 1,
  deviationScore: score,
  isAnomaly: true,
  context: { exchange, detector: 'zscore', window: '120m' },
});

describe('foldAnomalies', () => {
  it('folds consecutive verdicts of one series into a run, keeps series apart, and splits runs at a gap', () => {
    const input = [
      verdict(3 * M, 'reject_rate', 'coinbase', 10),
      verdict(0, 'reject_rate', 'coinbase', 6),
      verdict(M, 'reject_rate', 'coinbase', -12),
      verdict(2 * M, 'reject_rate', 'coinbase', 7),
      verdict(M, 'reject_rate', 'binance', 5),
      verdict(M, 'fill_rate', 'coinbase', 5),
      verdict(20 * M, 'reject_rate', 'coinbase', 9),
    ];
    const runs = foldAnomalies(input, 2 * M);
    expect(runs.map((r) => [r.metric, seriesName(r.series), r.first, r.last, r.count, r.peak.deviationScore])).toEqual([
      ['reject_rate', 'exchange=coinbase', 0, 3 * M, 4, -12],
      ['reject_rate', 'exchange=binance', M, M, 1, 5],
      ['fill_rate', 'exchange=coinbase', M, M, 1, 5],
      ['reject_rate', 'exchange=coinbase', 20 * M, 20 * M, 1, 9],
    ]);
    // Every verdict is in exactly one run.
    expect(runs.reduce((n, r) => n + r.count, 0)).toBe(input.length);
    expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
  });

  it('folds exact duplicates (same series, same instant) into one', () => {
    const runs = foldAnomalies([verdict(M, 'x', 'a'), verdict(M, 'x', 'a'), verdict(M, 'x', 'a')], 0);
    expect(runs.map((r) => r.count)).toEqual([3]);
  });
});

describe('splitContext', () => {
  it('tells the detector settings from the series labels', () => {
    expect(splitContext({ exchange: 'coinbase', service: 'gw', detector: 'rolling', threshold: '5', aggregate: 'p99' })).toEqual({
      series: { exchange: 'coinbase', service: 'gw' },
      detector: { detector: 'rolling', threshold: '5', aggregate: 'p99' },
    });
  });
});
