import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogResponse } from '@/lib/api/types';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { insertRows, metricRow, securityRow, spanRow } from '@/test/fixtures/rows';
import { GET } from './route';

testEngine();

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const H = 3_600_000;
const window = { from: T0, to: T0 + H };

beforeAll(async () => {
  await insertRows('metrics', [
    metricRow({ t: T0, metric: 'lat', value: 1, labels: { exchange: 'binance' } }),
    metricRow({ t: T0 + 1, metric: 'lat', value: 1, labels: { exchange: 'binance' } }),
    metricRow({ t: T0 + 2, metric: 'lat', value: 1, labels: { exchange: 'coinbase', strategy: 'stat-arb' } }),
    metricRow({ t: T0 + 3, metric: 'cpu', value: 1, service: 'risk-engine' }),
    metricRow({ t: T0 - 1, metric: 'before', value: 1, labels: { old: 'x' } }),
    metricRow({ t: T0 + H, metric: 'after', value: 1, service: 'late' }),
    ...Array.from({ length: 30 }, (_, i) => metricRow({ t: T0 + 10 + i, metric: 'orders', value: 1, labels: { order: `o${String(i).padStart(2, '0')}` } })),
  ]);
  await insertRows('security', [
    securityRow({ t: T0, event_type: 'port_scan', severity: 'info' }),
    securityRow({ t: T0 + 5, event_type: 'auth_failure', severity: 'critical' }),
    securityRow({ t: T0 + H, event_type: 'late_event', severity: 'warning' }),
  ]);
  await insertRows('traces', [spanRow({ traceId: 'a'.repeat(32), spanId: 's', t: T0 + 5, durationNs: 1, service: 'auth-service' })]);
});

async function catalog(query: Query) {
  const res = await call<CatalogResponse>(GET, '/api/catalog', query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('GET /api/catalog', () => {
  it('lists what exists in [from, to): metrics, services, labels with top values, event types, severities', async () => {
    const body = await catalog(window);
    expect(body).toMatchObject({ from: T0, to: T0 + H });
    expect(body.metrics).toEqual([
      { name: 'cpu', services: ['risk-engine'], rows: 1 },
      { name: 'lat', services: ['order-gateway'], rows: 3 },
      { name: 'orders', services: ['order-gateway'], rows: 30 },
    ]);
    expect(body.services).toEqual(['auth-service', 'order-gateway', 'risk-engine']);
    expect(body.labels.map((l) => l.key)).toEqual(['exchange', 'order', 'service', 'strategy']);
    expect(body.labels.find((l) => l.key === 'exchange')?.values).toEqual(['binance', 'coinbase']); // by frequency
    expect(body.labels.find((l) => l.key === 'service')?.values).toEqual(['order-gateway', 'risk-engine']);
    expect(body.labels.find((l) => l.key === 'order')?.values).toEqual(Array.from({ length: 20 }, (_, i) => `o${String(i).padStart(2, '0')}`));
    expect(body.securityEventTypes).toEqual(['auth_failure', 'port_scan']);
    expect(body.severities).toEqual(['critical', 'info']);
  });

  it('answers empty lists for an empty window', async () => {
    expect(await catalog({ from: T0 - 2 * H, to: T0 - H })).toEqual({
      from: T0 - 2 * H, to: T0 - H, metrics: [], services: [], labels: [], securityEventTypes: [], severities: [],
    });
  });

  it('rejects a window that ends before it starts', async () => {
    const res = await call<ErrorBody>(GET, '/api/catalog', { from: T0, to: T0 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('from: from must be before to');
  });
});
