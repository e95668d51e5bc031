import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anomalyChanges, metricChanges, securityChanges, spanChanges, type MetricSeriesInput } from './rank';
import { median } from './scores';
import { random } from '@/test/fixtures/random';

/**
 * No false alarms on generated quiet data: window and baseline drawn from the
 * same process (noise around a level, a random walk, Poisson counts, a fixed
 * failure rate), over many seeds and sizes, list nothing. The aggregates are
 * computed here the way the SQL computes them.
 */

const MINUTE = 60_000;

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u());
}

function poisson(u: () => number, mean: number): number {
  // Normal approximation above 50, exact inversion below: enough for counts.
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const target = u();
  while (cdf < target) {
    k += 1;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

const mad = (xs: number[]) => {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
};

/** The per-series aggregates of sql/changes/metrics.sql for buckets `base` then `win` (means, one sample each). */
function seriesOf(metric: string, key: string, value: string, base: number[], win: number[], lag: number): MetricSeriesInput {
  const steps = base.slice(1).map((x, i) => x - (base[i] ?? x));
  const l = Math.min(lag, Math.floor(base.length / 2));
  const lagged = base.slice(l).map((x, i) => x - (base[i] ?? x));
  const stats = { window: median(win), baseline: median(base), baselineMad: mad(base) };
  return {
    metric,
    key,
    value,
    windowBuckets: win.length,
    baselineBuckets: base.length,
    baselineRows: base.length,
    stats: { mean: stats, p99: stats },
    drift: { stepMad: mad(steps), lag: l, lagMedian: median(lagged), lagMad: mad(lagged), windowMad: mad(win), windowStepMad: mad(win.slice(1).map((x, i) => x - (win[i] ?? x))) },
  };
}

describe('no false alarms on generated quiet data', () => {
  it('lists no metric series drawn from one process on both sides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.constantFrom(30, 60, 120),
        fc.constantFrom('previous', 'day'),
        (seed, buckets, shift) => {
          const u = random(seed);
          const gap = shift === 'previous' ? buckets : 1440;
          const total = gap + buckets;
          // Noise around a level, per label value (different levels and noise), and a random walk with drift.
          const level = (mean: number, sd: number) => Array.from({ length: total }, () => mean + sd * normal(u));
          let walk = 5000;
          const walked = Array.from({ length: total }, () => (walk += 30 + 250 * normal(u)));
          const cut = (xs: number[]) => ({ base: xs.slice(0, buckets), win: xs.slice(gap, gap + buckets) });
          const values = ['a', 'b', 'c'].map((v, i) => ({ v, xs: level(10 * (i + 1), 0.5 + i) }));
          const all = values[0]?.xs.map((_, t) => values.reduce((s, { xs }) => s + (xs[t] ?? 0), 0) / values.length) ?? [];
          const series = [
            seriesOf('latency', '', '', cut(all).base, cut(all).win, gap),
            ...values.map(({ v, xs }) => seriesOf('latency', 'exchange', v, cut(xs).base, cut(xs).win, gap)),
            seriesOf('pnl', '', '', cut(walked).base, cut(walked).win, gap),
          ];
          expect(metricChanges(series, MINUTE, gap).map((c) => c.explanation)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('lists no security value or detector series counted at one rate on both sides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.constantFrom(1, 4, 24 * 7),
        fc.constantFrom(0.2, 5, 300),
        (seed, baselineHours, perHour) => {
          const u = random(seed);
          const exposure = { windowMs: 60 * MINUTE, baselineMs: baselineHours * 60 * MINUTE };
          // 300 values with skewed rates, as a pool of source IPs.
          const values = Array.from({ length: 300 }, (_, i) => {
            const rate = perHour / (1 + i);
            return { field: 'sourceIp' as const, value: `10.0.0.${i}`, windowCount: poisson(u, rate), baselineCount: poisson(u, rate * baselineHours) };
          });
          const totals = { window: values.reduce((n, v) => n + v.windowCount, 0), baseline: values.reduce((n, v) => n + v.baselineCount, 0) };
          expect(securityChanges(values, totals, exposure).map((c) => c.explanation)).toEqual([]);
          const flagged = values.map((v) => ({ metric: v.value, context: {}, labels: {}, windowCount: v.windowCount, baselineCount: v.baselineCount, maxDeviation: 6 }));
          expect(anomalyChanges(flagged, exposure).map((c) => c.explanation)).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 8 },
    );
  });

  it('lists no operation failing at one rate on both sides', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(20, 500, 20_000), fc.constantFrom(0.002, 0.05, 0.3), (seed, spans, rate) => {
        const u = random(seed);
        const side = (n: number) => ({ spans: n, failed: Array.from({ length: Math.min(n, 5000) }, () => u() < rate).filter(Boolean).length * (n / Math.min(n, 5000)), slow: 0 });
        const cells = ['', 'x', 'y'].map((value) => ({
          service: 's',
          operation: 'op',
          scope: value === '' ? ('' as const) : ('span' as const),
          key: value === '' ? '' : 'k',
          value,
          slowMs: 1,
          window: side(value === '' ? spans : spans / 2),
          baseline: side(value === '' ? 4 * spans : 2 * spans),
        }));
        expect(spanChanges(cells).map((c) => c.explanation)).toEqual([]);
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
