import { beforeAll, describe, expect, it } from 'vitest';
import type { AnomaliesResponse } from '@/lib/api/types';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { anomalyRow, insertRows } from '@/test/fixtures/rows';
import { GET } from './route';

testEngine();

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const M = 60_000;
const window = { from: T0, to: T0 + 10 * M };

beforeAll(async () => {
  await insertRows('anomalies', [
    anomalyRow({ t: T0 - 1, metric: 'lat' }),
    anomalyRow({ t: T0, metric: 'lat', value: 250.5, expected: 40, score: 6.2, context: { exchange: 'coinbase', method: 'zscore' } }),
    anomalyRow({ t: T0 + M, metric: 'fill_rate', anomaly: false, value: 0.6, expected: 0.62, score: 0.4 }),
    anomalyRow({ t: T0 + 2 * M, metric: 'fill_rate', value: 0.1, expected: 0.62, score: 5 }),
    anomalyRow({ t: T0 + 10 * M, metric: 'lat' }),
  ]);
});

async function list(query: Query) {
  const res = await call<AnomaliesResponse>(GET, '/api/anomalies', query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.anomalies;
}

describe('GET /api/anomalies', () => {
  it('lists every verdict in [from, to), newest first, with its context', async () => {
    const anomalies = await list(window);
    expect(anomalies.map((a) => [a.timestamp, a.metric, a.isAnomaly])).toEqual([
      [T0 + 2 * M, 'fill_rate', true],
      [T0 + M, 'fill_rate', false],
      [T0, 'lat', true],
    ]);
    expect(anomalies[2]).toEqual({
      timestamp: T0,
      metric: 'lat',
      value: 250.5,
      expectedValue: 40,
      deviationScore: 6.2,
      isAnomaly: true,
      context: { exchange: 'coinbase', method: 'zscore' },
    });
  });

  it('keeps only anomalies with only_anomalies, and only the named metrics', async () => {
    expect((await list({ ...window, only_anomalies: 'true' })).map((a) => a.timestamp)).toEqual([T0 + 2 * M, T0]);
    expect((await list({ ...window, only_anomalies: '1', metric: 'fill_rate' })).map((a) => a.timestamp)).toEqual([T0 + 2 * M]);
    expect(await list({ ...window, metric: ['lat', 'fill_rate'], limit: 1 })).toHaveLength(1);
    expect(await list({ ...window, metric: 'unknown' })).toEqual([]);
  });

  it('keeps only the verdicts whose context holds every label filter (a panel matching no series gets none)', async () => {
    expect((await list({ ...window, label: 'exchange:coinbase' })).map((a) => a.timestamp)).toEqual([T0]);
    expect((await list({ ...window, label: ['exchange:coinbase', 'method:zscore'] })).map((a) => a.timestamp)).toEqual([T0]);
    expect(await list({ ...window, label: ['exchange:coinbase', 'method:other'] })).toEqual([]);
    expect(await list({ ...window, label: 'exchange:kraken' })).toEqual([]);
  });

  it.each([
    [{ only_anomalies: 'yes' }, /only_anomalies: must be true or false/],
    [{ limit: 10_001 }, /limit: must be between 1 and 10000/],
    [{ metric: Array.from({ length: 51 }, (_, i) => `m${i}`) }, /metric: may be given at most 50 times/],
  ])('rejects %o', async (query, message) => {
    const res = await call<ErrorBody>(GET, '/api/anomalies', { ...window, ...query });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
