import { beforeAll, describe, expect, it } from 'vitest';
import { median } from '@/lib/changes/scores';
import { observeQueries, type QueryStatistics } from '@/lib/clickhouse/query';
import { testEngine } from '@/test/engine';
import { insertRows, metricRow } from '@/test/fixtures/rows';
import { changesStep, metricBuckets, type ChangesQuery, type MetricSeriesRow } from './changes';

/**
 * The metric series of "what changed" read from raw rows and from the
 * per-minute and hourly rollups (raw rows at edges off the minute), on the
 * same windows: the same buckets, counts and statistics (the p99 comes from
 * the same sketch on both paths; means may differ in the last bits of a
 * sum). Counts and bucket medians are also computed here from the rows.
 */

testEngine();

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2024, 2, 1, 20);
const GAP_MS = 10_000;
const N = Math.floor((110 * HOUR) / GAP_MS);
const EXCHANGES = ['a', 'b', 'c'];

const sample = (i: number) => ({ t: T0 + i * GAP_MS, value: ((i * 7919) % 1000) + 1 + (i % 3 === 2 ? 500 : 0), exchange: EXCHANGES[i % 3] ?? 'a' });

/** Windows whose edges are not on a minute: raw rows at both ends, rollups inside. */
const short: ChangesQuery = {
  window: { from: T0 + 5 * HOUR + 7 * MINUTE + 13_500, to: T0 + 5 * HOUR + 58 * MINUTE + 1_250 },
  baseline: { from: T0 + 30 * MINUTE + 41_000, to: T0 + 5 * HOUR + 7 * MINUTE + 13_500 },
  limit: 100,
};
/** A long window whose step is an hour, so the hourly rollup serves whole hours. */
const long: ChangesQuery = {
  window: { from: T0 + 57 * HOUR + 30 * MINUTE, to: T0 + 108 * HOUR + 5 * MINUTE + 2_500 },
  baseline: { from: T0 + 10 * MINUTE + 500, to: T0 + 57 * HOUR + 30 * MINUTE },
  limit: 100,
};
/** Whole hours on both sides at an hourly step: the hourly rollup alone, no raw or per-minute arm in the read. */
const aligned: ChangesQuery = {
  window: { from: T0 + 58 * HOUR, to: T0 + 108 * HOUR },
  baseline: { from: T0 + 8 * HOUR, to: T0 + 58 * HOUR },
  limit: 100,
};

/** The rows of a series in each bucket of a side, grouped here from the generator. */
function buckets(query: ChangesQuery, side: 'window' | 'baseline', exchange?: string): number[][] {
  const step = changesStep(query.window);
  const range = query[side];
  const out = new Map<number, number[]>();
  for (let i = 0; i < N; i += 1) {
    const s = sample(i);
    if (s.t < range.from || s.t >= range.to || (exchange && s.exchange !== exchange)) continue;
    const b = Math.floor(s.t / step);
    out.set(b, [...(out.get(b) ?? []), s.value]);
  }
  return [...out.values()];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function closeTo(a: MetricSeriesRow[], b: MetricSeriesRow[]) {
  expect(a.length).toBe(b.length);
  for (const [i, row] of a.entries()) {
    const other = b[i] as MetricSeriesRow;
    for (const [k, v] of Object.entries(row)) {
      const w = other[k as keyof MetricSeriesRow];
      if (typeof v === 'number' && typeof w === 'number') expect(w, `${row.key}=${row.label_value} ${k}`).toBeCloseTo(v, 6);
      else expect(w, `${row.key}=${row.label_value} ${k}`).toEqual(v);
    }
  }
}

describe('what changed, metrics: rollups against raw rows', () => {
  beforeAll(async () => {
    const rows = Array.from({ length: N }, (_, i) => sample(i)).map((s) => metricRow({ t: s.t, metric: 'lat', value: s.value, labels: { exchange: s.exchange } }));
    for (let i = 0; i < rows.length; i += 10_000) await insertRows('metrics', rows.slice(i, i + 10_000));
  }, 120_000);

  it.each([
    // The arms each read keeps (means, then tails): the tiers that hold time on either side.
    ['edges off the minute, per-minute rollup', short, { minute: true, hour: false }, ['edges', 'minutes']],
    ['an hourly step, hourly rollup', long, { minute: true, hour: true }, ['edges', 'minutes', 'hours']],
    ['whole hours, hourly rollup', aligned, { minute: true, hour: true }, ['hours']],
  ])('%s: the same series as raw rows, and the counts and medians of the rows', async (_name, query, usable, arms) => {
    expect(changesStep(query.window) % (usable.hour ? HOUR : MINUTE)).toBe(0);
    const seen: QueryStatistics[] = [];
    const stop = observeQueries((q) => seen.push(q));
    const raw = await metricBuckets(query, { means: { minute: false, hour: false }, tails: { minute: false, hour: false } });
    const rawRead = seen.reduce((n, q) => n + q.rowsRead, 0);
    const tiered = await metricBuckets(query, { means: usable, tails: usable });
    stop();
    expect(seen.map((q) => q.arms)).toEqual([['edges'], ['edges'], arms, arms]);
    // Raw rows only at the edges (read in granules of 8192 rows, so only the long windows show the saving).
    if (usable.hour) expect(seen.reduce((n, q) => n + q.rowsRead, 0) - rawRead).toBeLessThan(rawRead / 3);
    closeTo(raw, tiered);
    for (const exchange of [undefined, ...EXCHANGES]) {
      const row = tiered.find((r) => (exchange ? r.key === 'exchange' && r.label_value === exchange : r.key === ''));
      const win = buckets(query, 'window', exchange);
      const base = buckets(query, 'baseline', exchange);
      expect(row?.window_rows).toBe(win.flat().length);
      expect(row?.baseline_rows).toBe(base.flat().length);
      expect(row?.window_buckets).toBe(win.length);
      expect(row?.baseline_buckets).toBe(base.length);
      expect(row?.window_mean).toBeCloseTo(median(win.map(mean)), 6);
      expect(row?.baseline_mean).toBeCloseTo(median(base.map(mean)), 6);
      // p99 from a sketch of 1 % accuracy: within a rank of the 0.99 rank of each bucket's values, give or take 1 %.
      const around = (xs: number[], step: -1 | 1) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const rank = 0.99 * (sorted.length - 1);
        return sorted[Math.max(0, Math.min(sorted.length - 1, step < 0 ? Math.floor(rank) - 1 : Math.ceil(rank) + 1))] ?? NaN;
      };
      for (const [p99, rows] of [[row?.window_p99, win], [row?.baseline_p99, base]] as const) {
        expect(p99).toBeGreaterThanOrEqual(0.99 * median(rows.map((b) => around(b, -1))));
        expect(p99).toBeLessThanOrEqual(1.01 * median(rows.map((b) => around(b, 1))));
      }
    }
  });
});
