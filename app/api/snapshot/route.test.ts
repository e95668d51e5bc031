import { beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotResponse } from '@/lib/api/types';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { anomalyRow, insertRows, metricRow, securityRow, spanRow } from '@/test/fixtures/rows';
import { GET } from './route';

testEngine();

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const S = 1000;
const M = 60 * S;

beforeAll(async () => {
  const lat = (t: number, value: number, exchange: string) => metricRow({ t, metric: 'lat', value, labels: { exchange } });
  await insertRows('metrics', [
    lat(T0, 10, 'binance'),
    lat(T0 + 10 * S, 20, 'binance'),
    lat(T0 + 20 * S, 30, 'binance'),
    lat(T0 + 5 * S, 100, 'coinbase'),
    metricRow({ t: T0 - 10 * M, metric: 'cpu', value: 0.5, service: 'risk-engine', labels: { instance: 'risk-0' } }),
  ]);
  await insertRows('anomalies', [
    anomalyRow({ t: T0 - 6 * M, metric: 'lat' }),
    anomalyRow({ t: T0 + S, metric: 'lat', context: { exchange: 'binance' } }),
    anomalyRow({ t: T0 + 2 * S, metric: 'lat', anomaly: false }),
    anomalyRow({ t: T0 + 10 * S, metric: 'cpu' }),
  ]);
  await insertRows('security', [
    securityRow({ t: T0 - 6 * M, description: 'too old' }),
    securityRow({ t: T0 + 3 * S, description: 'in' }),
    securityRow({ t: T0 + 4 * S, description: 'in, other source', source_ip: '198.51.100.9', event_type: 'port_scan', threat_score: 0.9 }),
    securityRow({ t: T0 + 10 * S, description: 'at' }),
    securityRow({ t: T0 + 11 * S, description: 'after' }),
  ]);
  await insertRows('traces', [
    spanRow({ traceId: 'a'.repeat(32), spanId: 's1', t: T0, durationNs: 10e9, name: 'long' }),
    spanRow({ traceId: 'a'.repeat(32), spanId: 's2', parentSpanId: 's1', t: T0 + 10 * S, durationNs: 1e6, name: 'short', status: 'Error' }),
    spanRow({ traceId: 'b'.repeat(32), spanId: 's3', t: T0 - 10 * M, durationNs: 3600e9, name: 'started-long-ago' }),
  ]);
});

async function snapshot(query: Query) {
  const res = await call<SnapshotResponse>(GET, '/api/snapshot', query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const values = (body: SnapshotResponse) => body.metrics.map((m) => [m.metric, m.labels.exchange ?? m.labels.instance, m.value, m.timestamp]);

describe('GET /api/snapshot', () => {
  it('gives each series its last value at or before `at`, with its labels and time', async () => {
    const body = await snapshot({ at: T0 + 10 * S });
    expect(body.at).toBe(T0 + 10 * S);
    expect(body.metrics).toEqual([
      { metric: 'lat', labels: { exchange: 'binance', service: 'order-gateway' }, value: 20, timestamp: T0 + 10 * S },
      { metric: 'lat', labels: { exchange: 'coinbase', service: 'order-gateway' }, value: 100, timestamp: T0 + 5 * S },
    ]);
  });

  it('holds the previous value between points and shows nothing before the first', async () => {
    expect(values(await snapshot({ at: T0 + 15 * S }))).toContainEqual(['lat', 'binance', 20, T0 + 10 * S]);
    expect(values(await snapshot({ at: T0 + 10 * S - 1 }))).toContainEqual(['lat', 'binance', 10, T0]);
    expect((await snapshot({ at: T0 - 1 })).metrics).toEqual([]);
  });

  it('looks back only `lookback` (default 5m), restricted to the named metrics and label filters', async () => {
    const at = T0 + 30 * S;
    expect(values(await snapshot({ at })).map((v) => v[0])).toEqual(['lat', 'lat']);
    expect(values(await snapshot({ at, lookback: '15m', metric: 'cpu' }))).toEqual([['cpu', 'risk-0', 0.5, T0 - 10 * M]]);
    expect(values(await snapshot({ at, label: 'exchange:coinbase' }))).toEqual([['lat', 'coinbase', 100, T0 + 5 * S]]);
    expect(values(await snapshot({ at, lookback: '1h', label: 'service:risk-engine' }))).toEqual([['cpu', 'risk-0', 0.5, T0 - 10 * M]]);
  });

  it('lists the anomalies and security events of [at - lookback, at], newest first', async () => {
    const body = await snapshot({ at: T0 + 10 * S });
    expect(body.anomalies.map((a) => [a.timestamp, a.metric])).toEqual([[T0 + 10 * S, 'cpu'], [T0 + S, 'lat']]);
    expect(body.securityEvents.map((e) => e.description)).toEqual(['at', 'in, other source', 'in']);
    expect((await snapshot({ at: T0 + 10 * S, metric: 'lat' })).anomalies.map((a) => a.metric)).toEqual(['lat']);
  });

  it('follows the view\'s filters: security events by the security filter, anomalies by the label filters', async () => {
    const at = T0 + 10 * S;
    const described = async (query: Query) => (await snapshot({ at, ...(query as object) })).securityEvents.map((e) => e.description);
    expect(await described({ source_ip: '198.51.100.0/24' })).toEqual(['in, other source']);
    expect(await described({ event_type: 'auth_failure' })).toEqual(['at', 'in']);
    expect(await described({ min_threat: 0.6 })).toEqual(['in, other source']);
    expect(await described({ max_threat: 0.6, source_ip: '203.0.113.7' })).toEqual(['at', 'in']);
    // The cpu verdict's context names no exchange: kept; a context naming another exchange is not.
    expect((await snapshot({ at, label: 'exchange:binance' })).anomalies.map((a) => [a.timestamp, a.metric])).toEqual([[T0 + 10 * S, 'cpu'], [T0 + S, 'lat']]);
    expect((await snapshot({ at, label: 'exchange:coinbase' })).anomalies.map((a) => [a.timestamp, a.metric])).toEqual([[T0 + 10 * S, 'cpu']]);
  });

  it('lists spans in flight: start <= at < start + duration', async () => {
    const names = async (at: number) => (await snapshot({ at })).spans.map((s) => s.name);
    expect(await names(T0 - 1)).toEqual([]);
    expect(await names(T0)).toEqual(['long']);
    expect(await names(T0 + 10 * S)).toEqual(['short']); // long ended exactly at T0 + 10 s
    expect(await names(T0 + 10 * S + 1)).toEqual([]);
    const [span] = (await snapshot({ at: T0 + 5 * S })).spans;
    expect(span).toEqual({ traceId: 'a'.repeat(32), spanId: 's1', name: 'long', service: 'order-gateway', start: T0, durationMs: 10_000, statusCode: 'Unset' });
  });

  it('finds long spans only when they started within the lookback', async () => {
    const names = async (lookback: string) => (await snapshot({ at: T0 + 5 * S, lookback })).spans.map((s) => s.name);
    expect(await names('5m')).toEqual(['long']);
    expect(await names('15m')).toEqual(['long', 'started-long-ago']);
  });

  it('defaults `at` to now', async () => {
    const before = Date.now();
    const body = await snapshot({});
    expect(body.at).toBeGreaterThanOrEqual(before);
    expect(body).toMatchObject({ metrics: [], anomalies: [], securityEvents: [], spans: [] });
  });

  it.each([
    [{ lookback: '2h' }, /lookback: must be between 1ms and 1h/],
    [{ lookback: '0' }, /lookback: must be between 1ms and 1h/],
    [{ at: 'yesterday' }, /at: /],
    [{ at: [T0, T0 + 1] }, /at: give this parameter once/],
  ])('rejects %o', async (query, message) => {
    const res = await call<ErrorBody>(GET, '/api/snapshot', query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
