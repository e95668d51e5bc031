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
const find = (state: DehydratedState, key: readonly unknown[]) => state.queries.find((q) => JSON.stringify(q.queryKey) === JSON.stringify(key));
/** A query's answer: sent with the state, or streamed after it (its promise). */
/** The first screen, once every answer it streams has landed (so no read outlives the test). */
async function load(...args: Parameters<typeof loadFirstScreen>) {
  const screen = await loadFirstScreen(...args);
  await Promise.allSettled(screen.state.queries.map((q) => q.promise));
  return screen;
}
const answer = async <T>(state: DehydratedState, key: readonly unknown[]) => {
  const query = find(state, key);
  return (query?.state.data ?? (await query?.promise)) as T | undefined;
};

describe('loadFirstScreen', () => {
  it('resolves a bare link as the browser does: the data’s last day, panels from the catalog, their series fetched', async () => {
    const { state } = await load({}, null);
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
    expect(await answer<SeriesResponse>(state, latencyKey)).toEqual(overHttp.body);
    // Answers in, or on their way (streamed with the page); never a failure.
    expect(state.queries.every((q) => q.state.status === 'success' || (q.state.status === 'pending' && q.promise))).toBe(true);
  });

  it('keeps the link’s own panels and filters, and sends no failure', async () => {
    const from = DATASET_START;
    const to = DATASET_START + 10 * MINUTE;
    const { state } = await load({ from: String(from), to: String(to), panel: 'order_latency_ms;max', label: 'exchange:coinbase' }, null);
    expect(keys(state)).not.toContainEqual(['extent']);
    expect(keys(state).filter((k) => k[0] === 'series')).toEqual([['series', 'order_latency_ms', ['max'], from, to, 1000, ['exchange:coinbase'], '']]);
    const max = await answer<SeriesResponse>(state, ['series', 'order_latency_ms', ['max'], from, to, 1000, ['exchange:coinbase'], '']);
    // The coinbase spike (12:05–12:06) is 250 ms; binance never goes above 15.
    expect(Math.max(...(max?.series[0]?.points.map((p) => p[1] ?? 0) ?? []))).toBe(250);
  });

  it('resolves relative windows against the clock it hands the browser', async () => {
    const { now, state } = await load({ from: 'now-6h', to: 'now', panel: 'order_latency_ms;p95' }, null);
    const seriesKey = keys(state).find((k) => k[0] === 'series');
    expect(seriesKey?.slice(3, 5)).toEqual([now - 6 * 3_600_000, now]);
  });

  it('leaves a window that depends on the viewer’s zone to the browser', async () => {
    const { state } = await load({ from: 'now/d', to: 'now', tz: 'browser' }, null);
    expect(keys(state)).toEqual([]);
    // Epoch ms mean the same instant in every zone.
    const zoned = await load({ from: String(DATASET_START), to: String(END), tz: 'browser', panel: 'orders_total;avg' }, null);
    expect(keys(zoned.state)).toContainEqual(['series', 'orders_total', ['avg'], DATASET_START, END, 1000, [], '']);
  });

  it('asks for what an embed shows: one panel with `only=panel:i`, its lane alone with `only=security`', async () => {
    const query = { from: String(FROM), to: String(END), panel: ['order_latency_ms;p95', 'orders_total;avg'] };
    const all = keys((await load(query, null, true)).state);
    expect(all.filter((k) => k[0] === 'series').map((k) => k[1])).toEqual(['order_latency_ms', 'orders_total']);
    // The full view's own parts (the overview strip's longer window, the Grafana config) are not an embed's.
    expect(all).not.toContainEqual(['config']);

    const one = keys((await load({ ...query, only: 'panel:1' }, null, true)).state);
    expect(one.filter((k) => k[0] === 'series').map((k) => k[1])).toEqual(['orders_total']);
    expect(one.filter((k) => k[0] === 'anomalies').map((k) => k[3])).toEqual(['orders_total']);
    expect(one.some((k) => k[0] === 'security-events' || k[0] === 'traces' || k[0] === 'security-summary')).toBe(false);
    // The notable moments the playhead opens on.
    expect(one).toContainEqual(['density', FROM, END, 240]);

    const lane = keys((await load({ ...query, only: 'security' }, null, true)).state);
    expect(lane.some((k) => k[0] === 'series' || k[0] === 'traces' || k[0] === 'anomalies')).toBe(false);
    expect(lane.some((k) => k[0] === 'security-events')).toBe(true);
  });
});
