import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceResponse, TracesResponse } from '@/lib/api/types';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { insertRows, spanRow } from '@/test/fixtures/rows';
import { GET as getTrace } from './[traceId]/route';
import { GET as listTraces } from './route';

const engine = testEngine();

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const M = 60_000;
const MS = 1_000_000; // ns
const A = 'a'.repeat(32);
const B = 'b'.repeat(16);
const C = 'c'.repeat(32);
const D = 'd'.repeat(32);
const G = '0123456789abcdef0123456789abcdef';
const MIDNIGHT = Date.UTC(2024, 2, 3);

beforeAll(async () => {
  const client = await engine.client();
  await insertRows('traces', [
    // A: a root, an error child, and a child that ends after the root.
    spanRow({ traceId: A, spanId: 'a1', t: T0, startNs: 123_456, durationNs: 50 * MS, name: 'order.submit', attributes: { 'order.id': '42' } }),
    spanRow({ traceId: A, spanId: 'a2', parentSpanId: 'a1', t: T0 + 5, durationNs: 10 * MS, name: 'risk.check', service: 'risk-engine', kind: 'Internal', status: 'Error', statusMessage: 'margin' }),
    spanRow({ traceId: A, spanId: 'a3', parentSpanId: 'a1', t: T0 + 20, durationNs: 40 * MS, name: 'exchange.submit', service: 'exchange-adapter', kind: 'Client', status: 'Ok' }),
    // B: its parent span was never recorded.
    spanRow({ traceId: B, spanId: 'b1', parentSpanId: 'ffffffffffffffff', t: T0 + 2 * M, durationNs: 1000 * MS, name: 'strategy.tick', service: 'strategy-engine' }),
    spanRow({ traceId: B, spanId: 'b2', parentSpanId: 'b1', t: T0 + 2 * M + 10, durationNs: 5 * MS, name: 'signal.compute', service: 'strategy-engine' }),
    // C: before the window.
    spanRow({ traceId: C, spanId: 'c1', t: T0 - 60 * M, durationNs: MS }),
    // D: across midnight, so across two daily partitions.
    spanRow({ traceId: D, spanId: 'd1', t: MIDNIGHT - 100, durationNs: 300 * MS }),
    spanRow({ traceId: D, spanId: 'd2', parentSpanId: 'd1', t: MIDNIGHT + 100, durationNs: MS }),
    // G: spans whose lookup row is deleted below.
    spanRow({ traceId: G, spanId: 'g1', t: T0 + 3 * M, durationNs: MS }),
  ]);
  await client.command({
    query: 'DELETE FROM otel_traces_trace_id_ts WHERE TraceId = {id:String}',
    query_params: { id: G },
  });
});

const window = { from: T0 - M, to: T0 + 10 * M };

async function list(query: Query) {
  const res = await call<TracesResponse>(listTraces, '/api/traces', query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.traces;
}

const trace = (traceId: string, query: Query = {}) =>
  call<TraceResponse & ErrorBody>(getTrace, `/api/traces/${traceId}`, query, { params: { traceId } });

describe('GET /api/traces', () => {
  it('summarises the traces with spans in the window, newest first', async () => {
    const traces = await list(window);
    expect(traces.map((t) => t.traceId)).toEqual([G, B, A]);
    expect(traces[2]).toEqual({
      traceId: A,
      rootService: 'order-gateway',
      rootName: 'order.submit',
      start: expect.closeTo(T0 + 0.123, 3),
      durationMs: 59.876544, // from the root's start (+123.456 µs) to the end of exchange.submit
      spanCount: 3,
      errorCount: 1,
    });
    // No parentless span: the earliest span stands in for the root.
    expect(traces[1]).toMatchObject({ traceId: B, rootService: 'strategy-engine', rootName: 'strategy.tick', spanCount: 2, durationMs: 1000 });
  });

  it('filters by a service any span belongs to, by status and by minimum duration', async () => {
    const ids = async (query: Query) => (await list({ ...window, ...(query as object) })).map((t) => t.traceId);
    expect(await ids({ service: 'risk-engine' })).toEqual([A]);
    expect(await ids({ status: 'error' })).toEqual([A]);
    expect(await ids({ status: 'ok' })).toEqual([G, B]);
    expect(await ids({ min_duration_ms: 100 })).toEqual([B]);
    expect(await ids({ min_duration_ms: '59.876544' })).toEqual([B, A]);
    expect(await ids({ limit: 1 })).toEqual([G]);
  });

  it.each([
    [{ status: 'failed' }, /status: must be one of ok, error/],
    [{ min_duration_ms: '-1' }, /min_duration_ms: must be between 0 and 86400000/],
    [{ limit: 'all' }, /limit: must be a whole number/],
  ])('rejects %o', async (query, message) => {
    const res = await call<ErrorBody>(listTraces, '/api/traces', { ...window, ...query });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});

describe('GET /api/traces/{traceId}', () => {
  it('filters by operation and attribute=value, both on one span', async () => {
    const ids = async (query: Query) => (await list({ ...window, ...(query as object) })).map((t) => t.traceId);
    expect(await ids({ operation: 'signal.compute' })).toEqual([B]);
    expect(await ids({ attribute: 'order.id=42' })).toEqual([A]);
    expect(await ids({ operation: 'order.submit', attribute: 'order.id=42' })).toEqual([A]);
    // The attribute is on order.submit, not on risk.check: no single span has both.
    expect(await ids({ operation: 'risk.check', attribute: 'order.id=42' })).toEqual([]);
    expect(await ids({ attribute: ['order.id=42', 'order.id=43'] })).toEqual([]);
    expect(await ids({ attribute: 'order.id=' })).toEqual([]);
    expect(await ids({ operation: 'nothing' })).toEqual([]);
    expect(await ids({ operation: 'risk.check', status: 'error', service: 'exchange-adapter' })).toEqual([A]);
  });

  it.each([
    [{ attribute: 'novalue' }, /attribute: each attribute must be key=value/],
    [{ attribute: Array.from({ length: 11 }, (_, i) => `k${i}=v`) }, /attribute: may be given at most 10 times/],
    [{ operation: ['a', 'b'] }, /operation: give this parameter once/],
  ])('rejects %o', async (query, message) => {
    const res = await call<ErrorBody>(listTraces, '/api/traces', { ...window, ...query });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers every span with sub-millisecond starts and durations from the ns column', async () => {
    const res = await trace(A);
    expect(res.status).toBe(200);
    expect(res.body.traceId).toBe(A);
    expect(res.body.spans).toEqual([
      {
        spanId: 'a1', parentSpanId: '', name: 'order.submit', service: 'order-gateway', kind: 'Server',
        start: expect.closeTo(T0 + 0.123, 3), durationMs: 50, statusCode: 'Unset', statusMessage: '', attributes: { 'order.id': '42' },
      },
      {
        spanId: 'a2', parentSpanId: 'a1', name: 'risk.check', service: 'risk-engine', kind: 'Internal',
        start: T0 + 5, durationMs: 10, statusCode: 'Error', statusMessage: 'margin', attributes: {},
      },
      {
        spanId: 'a3', parentSpanId: 'a1', name: 'exchange.submit', service: 'exchange-adapter', kind: 'Client',
        start: T0 + 20, durationMs: 40, statusCode: 'Ok', statusMessage: '', attributes: {},
      },
    ]);
  });

  it('returns spans whose parent is missing from the trace', async () => {
    const res = await trace(B);
    expect(res.body.spans.map((s) => [s.spanId, s.parentSpanId])).toEqual([['b1', 'ffffffffffffffff'], ['b2', 'b1']]);
  });

  it('finds a trace across two daily partitions through the lookup table, and accepts upper-case ids', async () => {
    expect((await trace(D)).body.spans.map((s) => s.spanId)).toEqual(['d1', 'd2']);
    expect((await trace(A.toUpperCase())).body.spans).toHaveLength(3);
  });

  it('bounds the scan by the lookup table: without its row only a from/to hint finds the spans', async () => {
    const missing = await trace(G);
    expect(missing.status).toBe(404);
    const hinted = await trace(G, { from: T0, to: T0 + 5 * M });
    expect(hinted.status).toBe(200);
    expect(hinted.body.spans.map((s) => s.spanId)).toEqual(['g1']);
  });

  it('answers 404 for an unknown trace, and for a known one outside the hinted window', async () => {
    const unknown = await trace('f'.repeat(32));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'not_found', message: `No trace ${'f'.repeat(32)}.` });
    const outside = await trace(A, { from: T0 + M, to: T0 + 2 * M });
    expect(outside.status).toBe(404);
    expect(outside.body.error.message).toMatch(/between from and to/);
  });

  it.each([
    ['xyz', {}, /traceId: must be a trace id of 16 to 32 hexadecimal digits/],
    ['a'.repeat(15), {}, /traceId: must be a trace id/],
    ['a'.repeat(33), {}, /traceId: must be a trace id/],
    ["' OR 1=1 --", {}, /traceId: must be a trace id/],
    [A, { from: T0 }, /to: give both from and to, or neither/],
    [A, { from: T0, to: T0 - 1 }, /from: from must be before to/],
  ])('rejects %s %o with 400', async (traceId, query, message) => {
    const res = await trace(traceId, query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
