import { beforeAll, describe, expect, it } from 'vitest';
import type { AdjacentEventResponse } from '@/lib/api/types';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { anomalyRow, eventId, insertRows, securityRow, spanRow } from '@/test/fixtures/rows';
import { GET } from './route';

testEngine();

const S = 1000;
const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const window = { from: T0, to: T0 + 100 * S };

// A busy hour a day later: one critical event, then 1200 newer critical events and 1200 warnings.
const T1 = T0 + 86_400_000;
const busy = { from: T1, to: T1 + 3_600_000 };
const BURST = 1200;

beforeAll(async () => {
  await insertRows('security', [
    securityRow({ t: T0 - 1, id: eventId(1), severity: 'critical' }),
    securityRow({ t: T0 + 10 * S, id: eventId(2), severity: 'warning' }),
    securityRow({ t: T0 + 20 * S, id: eventId(3), severity: 'critical' }),
    securityRow({ t: T0 + 30 * S, id: eventId(4), severity: 'info' }),
    securityRow({ t: T0 + 70 * S, id: eventId(5), severity: 'warning' }),
    securityRow({ t: window.to, id: eventId(6), severity: 'critical' }),
    securityRow({ t: T1 + 1 * S, id: eventId(100), severity: 'critical' }),
    ...Array.from({ length: BURST }, (_, i) => securityRow({ t: T1 + 600 * S + i * 100, id: eventId(1000 + i), severity: 'critical' })),
    ...Array.from({ length: BURST }, (_, i) => securityRow({ t: T1 + 600 * S + i * 100 + 50, id: eventId(5000 + i), severity: 'warning' })),
  ]);
  await insertRows('anomalies', [
    anomalyRow({ t: T0 + 15 * S, metric: 'order_latency_ms', anomaly: false }),
    anomalyRow({ t: T0 + 40 * S, metric: 'order_latency_ms' }),
    anomalyRow({ t: T0 + 70 * S, metric: 'fill_rate' }),
  ]);
  await insertRows('traces', [
    spanRow({ traceId: 'a1', spanId: 's1', t: T0 + 5 * S, durationNs: 1e6, status: 'Ok' }),
    spanRow({ traceId: 'a2', spanId: 's2', t: T0 + 50 * S, startNs: 250_000, durationNs: 1e6, status: 'Error' }),
    spanRow({ traceId: 'a3', spanId: 's3', t: T0 + 70 * S, startNs: 500_000, durationNs: 1e6, status: 'Error' }),
    spanRow({ traceId: 'a4', spanId: 's4', t: T0 + 80 * S, durationNs: 1e6, status: 'Unset' }),
  ]);
});

async function adjacent(query: Query) {
  const res = await call<AdjacentEventResponse>(GET, '/api/events/adjacent', query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const next = (at: number, kind = 'any', w = window) => adjacent({ ...w, at, direction: 'next', kind });
const prev = (at: number, kind = 'any', w = window) => adjacent({ ...w, at, direction: 'prev', kind });

describe('GET /api/events/adjacent', () => {
  it('answers the nearest event after or before the instant, with its source', async () => {
    expect(await next(T0)).toEqual({ at: T0, direction: 'next', kind: 'any', t: T0 + 10 * S, source: 'security' });
    expect(await prev(T0 + 45 * S)).toEqual({ at: T0 + 45 * S, direction: 'prev', kind: 'any', t: T0 + 40 * S, source: 'anomaly' });
    expect(await next(T0 + 40 * S)).toMatchObject({ t: T0 + 50 * S, source: 'trace' });
    expect(await prev(T0 + 12 * S)).toMatchObject({ t: T0 + 10 * S, source: 'security' });
  });

  it('steps through every event of any kind in order, and back', async () => {
    const forward: string[] = [];
    for (let at = T0, n = 0; n < 20; n += 1) {
      const body = await next(at);
      if (body.t === null) break;
      forward.push(`${body.t - T0}/${body.source}`);
      at = body.t;
    }
    // Not the verdict that is no anomaly (15 s), not the spans without an error (5 s, 80 s).
    expect(forward).toEqual(['10000/security', '20000/security', '30000/security', '40000/anomaly', '50000/trace', '70000/security']);
    const backward: string[] = [];
    for (let at = window.to, n = 0; n < 20; n += 1) {
      const body = await prev(at);
      if (body.t === null) break;
      backward.push(`${body.t - T0}/${body.source}`);
      at = body.t;
    }
    expect(backward).toEqual(['70000/security', '50000/trace', '40000/anomaly', '30000/security', '20000/security', '10000/security']);
  });

  it('notable: critical security events and detected anomalies only', async () => {
    expect(await next(T0, 'notable')).toEqual({ at: T0, direction: 'next', kind: 'notable', t: T0 + 20 * S, source: 'security' });
    expect(await next(T0 + 20 * S, 'notable')).toMatchObject({ t: T0 + 40 * S, source: 'anomaly' });
    expect(await next(T0 + 40 * S, 'notable')).toMatchObject({ t: T0 + 70 * S, source: 'anomaly' });
    expect(await prev(T0 + 35 * S, 'notable')).toMatchObject({ t: T0 + 20 * S, source: 'security' });
    expect(await prev(T0 + 20 * S, 'notable')).toMatchObject({ t: null, source: null });
  });

  it('is strict: an event at the instant (or within its millisecond) is neither next nor previous', async () => {
    expect(await next(T0 + 10 * S)).toMatchObject({ t: T0 + 20 * S });
    expect(await prev(T0 + 10 * S)).toMatchObject({ t: null });
    // The error span starts at 50 s + 250 µs: its millisecond is 50 s.
    expect(await next(T0 + 50 * S)).toMatchObject({ t: T0 + 70 * S });
    expect(await next(T0 + 50 * S - 1)).toMatchObject({ t: T0 + 50 * S, source: 'trace' });
    expect(await prev(T0 + 50 * S)).toMatchObject({ t: T0 + 40 * S });
    expect(await prev(T0 + 50 * S + 1)).toMatchObject({ t: T0 + 50 * S, source: 'trace' });
  });

  it('keeps to the window: from inclusive, to exclusive, whatever the instant', async () => {
    // Critical events just before the window and exactly at its end are outside.
    expect(await prev(T0 + 5 * S, 'notable')).toMatchObject({ t: null, source: null });
    expect(await next(T0 + 70 * S, 'notable')).toMatchObject({ t: null, source: null });
    expect(await prev(T0 + 5 * S, 'notable', { from: T0 - 1, to: window.to })).toMatchObject({ t: T0 - 1 });
    expect(await next(T0 + 70 * S, 'notable', { from: T0, to: window.to + 1 })).toMatchObject({ t: window.to });
    // An instant outside the window: the window's first or last event.
    expect(await next(T0 - 60 * S)).toMatchObject({ t: T0 + 10 * S });
    expect(await prev(window.to + 60 * S)).toMatchObject({ t: T0 + 70 * S });
    expect(await next(window.to + 60 * S)).toMatchObject({ t: null });
    expect(await prev(T0 - 60 * S)).toMatchObject({ t: null });
  });

  it('breaks ties across sources: security, then anomaly, then trace', async () => {
    // At 70 s: a warning, a detected anomaly and an error span (at 70 s + 500 µs).
    expect(await next(T0 + 60 * S)).toMatchObject({ t: T0 + 70 * S, source: 'security' });
    expect(await prev(T0 + 80 * S)).toMatchObject({ t: T0 + 70 * S, source: 'security' });
    expect(await next(T0 + 60 * S, 'notable')).toMatchObject({ t: T0 + 70 * S, source: 'anomaly' });
  });

  it('answers null when no event follows or precedes', async () => {
    expect(await next(T0 + 70 * S)).toEqual({ at: T0 + 70 * S, direction: 'next', kind: 'any', t: null, source: null });
    expect(await prev(T0 + 10 * S, 'notable')).toMatchObject({ t: null, source: null });
  });

  it('finds a notable event older than 1000 newer critical events', async () => {
    expect(await next(T1, 'notable', busy)).toMatchObject({ t: T1 + 1 * S, source: 'security' });
    expect(await next(T1 + 1 * S, 'notable', busy)).toMatchObject({ t: T1 + 600 * S, source: 'security' });
    expect(await prev(T1 + 600 * S, 'notable', busy)).toMatchObject({ t: T1 + 1 * S });
    expect(await prev(busy.to, 'any', busy)).toMatchObject({ t: T1 + 600 * S + (BURST - 1) * 100 + 50 });
    expect(await next(T1 + 600 * S, 'any', busy)).toMatchObject({ t: T1 + 600 * S + 50 });
  });

  it('takes kind any by default and Grafana-style times', async () => {
    expect(await adjacent({ from: '2024-03-01T12:00:00Z', to: T0 + 100 * S, at: '2024-03-01T12:00:15Z', direction: 'next' })).toEqual({
      at: T0 + 15 * S,
      direction: 'next',
      kind: 'any',
      t: T0 + 20 * S,
      source: 'security',
    });
  });

  it.each([
    [{ ...window, direction: 'next' }, /at: is required/],
    [{ ...window, at: T0 }, /direction: is required/],
    [{ ...window, at: T0, direction: 'forward' }, /direction: must be one of next, prev/],
    [{ ...window, at: T0, direction: 'next', kind: 'critical' }, /kind: must be one of any, notable/],
    [{ ...window, at: 'yesterday', direction: 'next' }, /^at: /],
    [{ ...window, at: [T0, T0 + 1], direction: 'next' }, /at: give this parameter once/],
    [{ from: window.to, to: window.from, at: T0, direction: 'prev' }, /from: from must be before to/],
  ])('rejects %o with 400', async (query, message) => {
    const res = await call<ErrorBody>(GET, '/api/events/adjacent', query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.message).toMatch(message);
  });
});
