import { beforeAll, describe, expect, it } from 'vitest';
import { observeQueries } from '@/lib/clickhouse/query';
import { testEngine } from '@/test/engine';
import { forgetRollups, metricTiers, usableRollups } from './rollups';
import { fetchSeries } from './series';

/**
 * Whether a metric rollup is worth reading is judged by the metrics a panel
 * asks for, not by the whole table: here a dense metric (30 samples a minute
 * of one series) and a gauge (one sample a minute of each of 3 series) share
 * the table. Its per-minute rollup saves the dense metric 29 rows in 30 and
 * the gauge none, although across the table each rollup row stands for
 * (30 + 3) / (1 + 3) = 8.25 raw rows, over the default threshold of 4.
 */

const engine = testEngine();

const T0 = Date.UTC(2024, 4, 1);
const M = 60_000;
const H = 3_600_000;
const MINUTES = 2 * 24 * 60;
const GAUGES = 3;

/** Gauge sample of series j in minute k, as the INSERT computes it. */
const gauge = (k: number, j: number) => ({ t: T0 + k * M + j * 1000, value: (k * 7 + j * 3) % 50 });

beforeAll(async () => {
  delete process.env.FLASHBACK_ROLLUP_MIN_GAIN; // the default threshold
  const client = await engine.client();
  await client.command({
    query: `INSERT INTO metrics_events (timestamp, metric_name, service, value, labels)
            SELECT fromUnixTimestamp64Milli(toInt64({t0:Int64} + number * 2000), 'UTC'), 'dense', 'svc', toFloat64(number % 100), map('exchange', 'a')
            FROM numbers({n:UInt64})`,
    query_params: { t0: T0, n: MINUTES * 30 },
  });
  await client.command({
    query: `INSERT INTO metrics_events (timestamp, metric_name, service, value, labels)
            SELECT fromUnixTimestamp64Milli(toInt64({t0:Int64} + intDiv(number, {g:UInt32}) * 60000 + number % {g:UInt32} * 1000), 'UTC'), 'gauge', 'svc',
                   toFloat64((intDiv(number, {g:UInt32}) * 7 + number % {g:UInt32} * 3) % 50), map('instance', concat('i', toString(number % {g:UInt32})))
            FROM numbers({n:UInt64})`,
    query_params: { t0: T0, g: GAUGES, n: MINUTES * GAUGES },
  });
  forgetRollups();
});

/** The SQL files a series request reads (the rollup lookup left out), and its answer. */
async function seriesReads(metric: string, from: number, to: number, step: number) {
  const sql: string[] = [];
  const stop = observeQueries((q) => {
    if (!q.sql.startsWith('rollups/')) sql.push(q.sql);
  });
  try {
    const answer = await fetchSeries({ metrics: [metric], from, to, step, aggs: ['avg'], maxPoints: 10_000 });
    return { sql, points: answer.series[0]?.points ?? [] };
  } finally {
    stop();
  }
}

/** The gauges' mean per bucket of `step` in [from, to), from the formula of the rows. */
function gaugeMeans(from: number, to: number, step: number): Map<number, number> {
  const sums = new Map<number, { total: number; n: number }>();
  for (let k = 0; k < MINUTES; k++) {
    for (let j = 0; j < GAUGES; j++) {
      const { t, value } = gauge(k, j);
      if (t < from || t >= to) continue;
      const b = Math.floor(t / step) * step;
      const s = sums.get(b) ?? { total: 0, n: 0 };
      sums.set(b, { total: s.total + value, n: s.n + 1 });
    }
  }
  return new Map([...sums].map(([b, s]) => [b, s.total / s.n]));
}

describe('the metric rollups are read where they save rows for the metrics asked', () => {
  it('weigh each tier by the rows of the metrics asked', async () => {
    const use = await usableRollups();
    expect(use.metricRows.get('dense')?.minute.raw).toBe(MINUTES * 30);
    expect(use.metricRows.get('gauge')?.minute.raw).toBe(MINUTES * GAUGES);
    expect(metricTiers(use, false, ['gauge'])).toEqual({ minute: false, hour: true }); // 1 and 60 raw rows per rollup row
    expect(metricTiers(use, false, ['dense'])).toEqual({ minute: true, hour: true }); // 30 and 1800
    expect(metricTiers(use, true, ['dense'])).toEqual({ minute: true, hour: true }); // quantiles: at least 20 (a minute split across two insert blocks is two rollup rows)
    expect(metricTiers(use, false, ['dense', 'gauge'])).toEqual({ minute: true, hour: true }); // 33 in 4
    expect(metricTiers(use, true, ['dense', 'gauge'])).toEqual({ minute: false, hour: true });
    expect(metricTiers(use, false)).toEqual({ minute: true, hour: true }); // the whole table, as "what changed" reads it
    expect(metricTiers(use, false, ['no-such-metric'])).toEqual({ minute: true, hour: true }); // nothing to read either way
    expect(metricTiers(use, false, ['constructor', '__proto__', 'toString'])).toEqual({ minute: true, hour: true }); // names, not properties
  });

  it('read a gauge of a day raw, and its two days by the hour from the hourly rollup, with the same means', async () => {
    const from = T0 + 12 * H + 17_000;
    const day = await seriesReads('gauge', from, from + 24 * H, 2 * M);
    expect(day.sql).toEqual(['series/buckets_plain']);
    const days = await seriesReads('gauge', T0 + 1_500, T0 + 2 * 24 * H - 2_500, H);
    expect(days.sql).toEqual(['series/buckets_by_label']);
    for (const [answer, window, step] of [
      [day, [from, from + 24 * H], 2 * M],
      [days, [T0 + 1_500, T0 + 2 * 24 * H - 2_500], H],
    ] as const) {
      const means = gaugeMeans(window[0], window[1], step);
      expect(answer.points.length).toBeGreaterThan(0);
      for (const [t, value] of answer.points) {
        const mean = means.get(t);
        if (mean === undefined) expect(value).toBeNull();
        else expect(value).toBeCloseTo(mean, 9);
      }
    }
  });

  it('read the dense metric of the same day from the per-minute rollup', async () => {
    const from = T0 + 12 * H + 17_000;
    expect((await seriesReads('dense', from, from + 24 * H, 2 * M)).sql).toEqual(['series/buckets_by_label']);
  });
});
