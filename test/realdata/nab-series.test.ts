import { beforeAll, describe, expect, it } from 'vitest';
import type { AnomaliesResponse, Point, SeriesResponse } from '@/lib/api/types';
import { GET as getAnomalies } from '@/app/api/anomalies/route';
import { GET as getSeries } from '@/app/api/series/route';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody } from '@/test/fixtures/request';
import { anomalyRow, insertRows, metricRow } from '@/test/fixtures/rows';
import { nabMetric, readNabSeries, readNabWindows, type NabPoint } from './load-nab';
import { haveRealdata } from './root';

/**
 * Real NAB metric series (EC2 request latency and a machine's temperature
 * before system failures) through /api/series on their own 5-minute step:
 * each bucket reproduces the file's values, gaps are nulls and nothing else
 * is; the hand-labelled anomaly windows come back from /api/anomalies.
 */

const SERIES = ['realKnownCause/ec2_request_latency_system_failure.csv', 'realKnownCause/machine_temperature_system_failure.csv'];
const STEP = 5 * 60_000;
/** At most this many buckets per request (the series route's cap is 10,000). */
const CHUNK = 30 * 86_400_000;

const available = haveRealdata('NAB series', [...SERIES.map((s) => `metrics/nab/${s}`), 'metrics/nab/labels/combined_windows.json']);

describe.skipIf(!available)('real NAB series through /api/series and /api/anomalies', () => {
  testEngine();
  const series = new Map<string, NabPoint[]>();
  const pointsOf = (relative: string) => series.get(relative) ?? [];

  beforeAll(async () => {
    for (const relative of SERIES) {
      const points = readNabSeries(relative);
      series.set(relative, points);
      const metric = nabMetric(relative);
      await insertRows('metrics', points.map((p) => metricRow({ t: p.t, metric, value: p.value, service: 'nab' })));
      // Each labelled window as a detected anomaly at its start; the end rides in the context.
      await insertRows(
        'anomalies',
        readNabWindows(relative).map(([start, end]) =>
          anomalyRow({ t: start, metric, value: points.find((p) => p.t === start)?.value ?? 0, context: { window_end: new Date(end).toISOString(), source: 'nab' } }),
        ),
      );
    }
  });

  /** The file's rows by 5-minute bucket (epoch-aligned, as the API's grid). */
  function buckets(points: NabPoint[]) {
    const out = new Map<number, number[]>();
    for (const p of points) {
      const t = Math.floor(p.t / STEP) * STEP;
      out.set(t, [...(out.get(t) ?? []), p.value]);
    }
    return out;
  }

  /** The grid covering the series: first bucket to last, in windows of at most CHUNK. */
  function windows(points: NabPoint[]) {
    const times = points.map((p) => p.t);
    const from = Math.floor(Math.min(...times) / STEP) * STEP;
    const to = Math.floor(Math.max(...times) / STEP) * STEP + STEP;
    const out: { from: number; to: number }[] = [];
    for (let t = from; t < to; t += CHUNK) out.push({ from: t, to: Math.min(t + CHUNK, to) });
    return out;
  }

  async function fetchAll(metric: string, points: NabPoint[]) {
    const avg: Point[] = [];
    const max: Point[] = [];
    const count: Point[] = [];
    for (const window of windows(points)) {
      const res = await call<SeriesResponse & ErrorBody>(getSeries, '/api/series', { ...window, metric, step: '5m', agg: ['avg', 'max', 'count'] });
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
      expect(res.body.step).toBe(STEP);
      expect(res.body.series.map((s) => s.agg)).toEqual(['avg', 'max', 'count']);
      const [a, m, c] = res.body.series;
      avg.push(...(a?.points ?? []));
      max.push(...(m?.points ?? []));
      count.push(...(c?.points ?? []));
    }
    return { avg, max, count };
  }

  describe.each(SERIES)('%s', (relative) => {
    it('reproduces the file bucket by bucket: avg and max equal its values, nulls only at its gaps, counts sum to its rows', async () => {
      const points = pointsOf(relative);
      const expected = buckets(points);
      const { avg, max, count } = await fetchAll(nabMetric(relative), points);
      const grid = avg.map(([t]) => t);
      // One point per 5-minute bucket, contiguous across the windows.
      expect(grid.every((t, i) => i === 0 || t - (grid[i - 1] as number) === STEP)).toBe(true);
      expect(grid).toHaveLength(windows(points).reduce((n, w) => n + (w.to - w.from) / STEP, 0));

      const nulls = grid.filter((t) => !expected.has(t));
      expect(avg.filter(([, v]) => v === null).map(([t]) => t)).toEqual(nulls);
      expect(max.filter(([, v]) => v === null).map(([t]) => t)).toEqual(nulls);
      expect(count.filter(([, v]) => v === null).map(([t]) => t)).toEqual(nulls);

      for (let i = 0; i < grid.length; i++) {
        const values = expected.get(grid[i] as number);
        if (!values) continue;
        const [t, a] = avg[i] as Point;
        // A bucket with one sample is that sample exactly; several (the files repeat some timestamps) average.
        if (values.length === 1) expect(a, `avg at ${new Date(t).toISOString()}`).toBe(values[0]);
        else expect(a, `avg at ${new Date(t).toISOString()}`).toBeCloseTo(values.reduce((x, y) => x + y, 0) / values.length, 9);
        expect(max[i]?.[1], `max at ${new Date(t).toISOString()}`).toBe(Math.max(...values));
        expect(count[i]?.[1], `count at ${new Date(t).toISOString()}`).toBe(values.length);
      }
      expect(count.reduce((n, [, v]) => n + (v ?? 0), 0)).toBe(points.length);
    });

    it('returns the labelled anomaly windows at their starts, newest first', async () => {
      const metric = nabMetric(relative);
      const labelled = readNabWindows(relative);
      expect(labelled.length).toBeGreaterThan(0);
      const grid = windows(pointsOf(relative));
      const from = grid[0]?.from ?? 0;
      const to = grid.at(-1)?.to ?? 0;
      // The labelled windows lie within the series.
      expect(labelled.every(([start]) => start >= from && start < to)).toBe(true);
      const res = await call<AnomaliesResponse & ErrorBody>(getAnomalies, '/api/anomalies', { from, to, metric, only_anomalies: 'true' });
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
      expect(res.body.anomalies.map((a) => [a.timestamp, a.context.window_end])).toEqual(
        [...labelled].sort((a, b) => b[0] - a[0]).map(([start, end]) => [start, new Date(end).toISOString()]),
      );
      expect(res.body.anomalies.every((a) => a.metric === metric && a.isAnomaly)).toBe(true);
    });
  });
});
