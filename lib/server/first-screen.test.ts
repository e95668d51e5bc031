import type { DehydratedState } from '@tanstack/react-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as series } from '@/app/api/series/route';
import type { SeriesResponse } from '@/lib/api/types';
import { DATASET_START, insertDataset } from '@/test/fixtures/dataset';
import { testEngine } from '@/test/engine';
import { call } from '@/test/fixtures/request';
import { loadFirstScreen } from './first-screen';

/**
 * The server's first screen on the fixed dataset (its last metric sample at
 * 12:09:45, 2024-03-01): the view it resolves and the answers it sends,
 * under the keys the browser's panels look up.
 */

testEngine();

beforeAll(async () => {
  await insertDataset();
});

const MINUTE = 60_000;
const DAY = 86_400_000;
// The data ends long before now: a bare link shows the data's last day, to the next whole minute after its last sample.
const END = DATASET_START + 10 * MINUTE;
const FROM = END - DAY;
// A day at ≤ 900 buckets: 2 min is the ladder step that fits (720 buckets).
const STEP = 2 * MINUTE;

const keys = (state: DehydratedState) => state.queries.map((q) => q.queryKey);
const answer = <T>(state: DehydratedState, key: readonly unknown[]) => state.queries.find((q) => JSON.stringify(q.queryKey) === JSON.stringify(key))?.state.data as T | undefined;

describe('loadFirstScreen', () => {
  it('resolves a bare link as the browser does: the data’s last day, panels from the catalog, their series fetched', async () => {
    const { state } = await loadFirstScreen({}, null);
    expect(keys(state)).toContainEqual(['extent']);
    expect(keys(state)).toContainEqual(['catalog', FROM, END]);
    // The busiest latency-like metric as p50/p95/p99, then (no PnL metric here) the busiest other one, a counter, as avg.
    const latencyKey = ['series', 'order_latency_ms', ['p50', 'p95', 'p99'], FROM, END, STEP, [], ''];
    expect(keys(state)).toContainEqual(latencyKey);
    expect(keys(state)).toContainEqual(['series', 'orders_total', ['avg'], FROM, END, STEP, [], '']);
    expect(keys(state)).toContainEqual(['density', FROM, END, 240]);
    // The same answer as the route gives over HTTP for those parameters.
    const overHttp = await call<SeriesResponse>(series, '/api/series', { metric: 'order_latency_ms', agg: ['p50', 'p95', 'p99'], from: FROM, to: END, step: STEP });
    expect(overHttp.status).toBe(200);
    expect(answer<SeriesResponse>(state, latencyKey)).toEqual(overHttp.body);
    expect(state.queries.every((q) => q.state.status === 'success')).toBe(true);
  });

  it('keeps the link’s own panels and filters, and sends no failure', async () => {
    const from = DATASET_START;
    const to = DATASET_START + 10 * MINUTE;
    const { state } = await loadFirstScreen({ from: String(from), to: String(to), panel: 'order_latency_ms;max', label: 'exchange:coinbase' }, null);
    expect(keys(state)).not.toContainEqual(['extent']);
    expect(keys(state).filter((k) => k[0] === 'series')).toEqual([['series', 'order_latency_ms', ['max'], from, to, 1000, ['exchange:coinbase'], '']]);
    const max = answer<SeriesResponse>(state, ['series', 'order_latency_ms', ['max'], from, to, 1000, ['exchange:coinbase'], '']);
    // The coinbase spike (12:05–12:06) is 250 ms; binance never goes above 15.
    expect(Math.max(...(max?.series[0]?.points.map((p) => p[1] ?? 0) ?? []))).toBe(250);
  });

  it('resolves relative windows against the clock it hands the browser', async () => {
    const { now, state } = await loadFirstScreen({ from: 'now-6h', to: 'now', panel: 'order_latency_ms;p95' }, null);
    const seriesKey = keys(state).find((k) => k[0] === 'series');
    expect(seriesKey?.slice(3, 5)).toEqual([now - 6 * 3_600_000, now]);
  });

  it('leaves a window that depends on the viewer’s zone to the browser', async () => {
    const { state } = await loadFirstScreen({ from: 'now/d', to: 'now', tz: 'browser' }, null);
    expect(keys(state)).toEqual([]);
    // Epoch ms mean the same instant in every zone.
    const zoned = await loadFirstScreen({ from: String(DATASET_START), to: String(END), tz: 'browser', panel: 'orders_total;avg' }, null);
    expect(keys(zoned.state)).toContainEqual(['series', 'orders_total', ['avg'], DATASET_START, END, 1000, [], '']);
  });
});
