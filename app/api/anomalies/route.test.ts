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

  it('leaves out the verdicts whose context names a filtered label with another value (a panel matching no series gets none)', async () => {
    const times = async (label: string | string[]) => (await list({ ...window, label })).map((a) => a.timestamp);
    // Only the lat verdict at T0 has a context; the fill_rate ones name no exchange or method and are kept.
    expect(await times('exchange:coinbase')).toEqual([T0 + 2 * M, T0 + M, T0]);
    expect(await times(['exchange:coinbase', 'method:zscore'])).toEqual([T0 + 2 * M, T0 + M, T0]);
    expect(await times(['exchange:coinbase', 'method:other'])).toEqual([T0 + 2 * M, T0 + M]);
    expect(await times('exchange:kraken')).toEqual([T0 + 2 * M, T0 + M]);
    expect(await list({ ...window, metric: 'lat', label: 'exchange:kraken' })).toEqual([]);
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
