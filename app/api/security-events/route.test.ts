import { beforeAll, describe, expect, it } from 'vitest';
import type { SecurityEventsResponse } from '@/lib/api/types';
import { encodeCursor } from '@/lib/queries/cursor';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { eventId, insertRows, securityRow } from '@/test/fixtures/rows';
import { GET } from './route';

testEngine();

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const window = { from: T0, to: T0 + 3_600_000 };
const EVENTS = 1000;

// 1000 events, ten per millisecond (so pages split runs of equal timestamps), ids in shuffled order.
const all = Array.from({ length: EVENTS }, (_, i) => ({
  t: T0 + Math.floor(i / 10),
  id: eventId((i * 7919) % EVENTS),
  severity: ['info', 'warning', 'critical'][i % 3] as string,
  event_type: i % 2 === 0 ? 'auth_failure' : 'port_scan',
  source_ip: `10.0.0.${i % 5}`,
  threat_score: (i % 10) / 10,
}));

beforeAll(async () => {
  await insertRows('security', all.map(securityRow));
  await insertRows('security', [securityRow({ t: T0 - 1, id: eventId(5000) }), securityRow({ t: window.to, id: eventId(5001) })]);
});

async function page(query: Query) {
  const res = await call<SecurityEventsResponse>(GET, '/api/security-events', query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Pages through with `limit` until nextCursor is null; `between` runs after the first page. */
async function pageThrough(query: Record<string, string | number>, between?: () => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 1000; n += 1) {
    const body: SecurityEventsResponse = await page({ ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...body.events.map((e) => e.eventId));
    if (n === 0) await between?.();
    cursor = body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('pagination did not end');
}

const keyOf = (e: (typeof all)[number]) => e.id;

describe('GET /api/security-events', () => {
  it('answers newest first with every field, 200 by default, a cursor when more follow', async () => {
    const body = await page(window);
    expect(body.events).toHaveLength(200);
    // The newest millisecond's ten events, highest event id first: the row the test inserted with that id, field for field.
    const newest = all.filter((e) => e.t === T0 + 99).sort((a, b) => (a.id < b.id ? 1 : -1))[0];
    expect(newest).toBeDefined();
    expect(body.events[0]).toEqual({
      eventId: newest?.id,
      timestamp: T0 + 99,
      eventType: newest?.event_type,
      severity: newest?.severity,
      sourceIp: newest?.source_ip,
      description: 'failed login',
      threatScore: newest?.threat_score,
      actionTaken: 'logged',
      service: 'auth-service',
    });
    const times = body.events.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('pages through 1000 events (ten per millisecond) with limit 7 without loss or duplicates', async () => {
    const seen = await pageThrough({ ...window, limit: 7 });
    expect(seen).toHaveLength(EVENTS);
    expect([...seen].sort()).toEqual(all.map(keyOf).sort());
  });

  it('filters by severity, event type, source IP and minimum threat (all must match)', async () => {
    const keys = (body: SecurityEventsResponse) => body.events.map((e) => e.eventId).sort();
    const body = await page({ ...window, severity: 'critical', event_type: 'port_scan', min_threat: 0.5, limit: 1000 });
    const expected = all.filter((e) => e.severity === 'critical' && e.event_type === 'port_scan' && e.threat_score >= 0.5);
    expect(expected).toHaveLength(100);
    expect(keys(body)).toEqual(expected.map(keyOf).sort());
    expect(body.nextCursor).toBeNull();
    const byIp = await page({ ...window, source_ip: '10.0.0.1', event_type: 'auth_failure', limit: 1000 });
    expect(keys(byIp)).toEqual(all.filter((e) => e.source_ip === '10.0.0.1' && e.event_type === 'auth_failure').map(keyOf).sort());
    const two = await page({ ...window, severity: ['info', 'warning'], limit: 1000 });
    expect(two.events).toHaveLength(all.filter((e) => e.severity !== 'critical').length);
    const exact = await page({ ...window, min_threat: 0.9, limit: 1000 });
    expect(exact.events).toHaveLength(100); // Float32 0.9 counts as 0.9
  });

  it('keeps events apart that share every field but their id', async () => {
    const twin = { t: T0 - 10 * 60_000, source_ip: '192.0.2.99', event_type: 'twin' };
    await insertRows('security', [securityRow({ ...twin, id: eventId(7001) }), securityRow({ ...twin, id: eventId(7002) })]);
    const body = await page({ from: twin.t, to: twin.t + 1 });
    expect(body.events.map((e) => e.eventId)).toEqual([eventId(7002), eventId(7001)]);
  });

  it('keeps from inclusive and to exclusive', async () => {
    const edge = await page({ from: T0 - 1, to: T0 + 1, limit: 1000 });
    expect(edge.events.map((e) => e.timestamp)).toEqual([...Array(10).fill(T0), T0 - 1]);
    const end = await page({ from: window.to - 1, to: window.to + 1 });
    expect(end.events.map((e) => e.timestamp)).toEqual([window.to]);
  });

  it('stays stable when newer events arrive between pages', async () => {
    const seen = await pageThrough({ ...window, limit: 50 }, async () => {
      await insertRows('security', [securityRow({ t: T0 + 500, id: eventId(9000) }), securityRow({ t: T0 + 99, id: eventId(9999) })]);
    });
    expect(seen).toHaveLength(EVENTS);
    expect(new Set(seen).size).toBe(EVENTS);
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['a forged timestamp', Buffer.from('1e99:00000000-0000-4000-8000-000000000000').toString('base64url')],
  ])('rejects a malformed cursor (%s) with 400', async (_name, cursor) => {
    const res = await call<ErrorBody>(GET, '/api/security-events', { ...window, cursor });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/cursor: is not a cursor from a previous page/);
  });

  it('accepts a well-formed cursor for a row that does not exist', async () => {
    const body = await page({ ...window, cursor: encodeCursor({ ts: T0 + 1, id: eventId(123456) }) });
    expect(body.events.every((e) => e.timestamp <= T0 + 1)).toBe(true);
  });

  it.each([
    [{ limit: 0 }, /limit: must be between 1 and 1000/],
    [{ limit: 1001 }, /limit: must be between 1 and 1000/],
    [{ min_threat: 'high' }, /min_threat: must be a number/],
    [{ min_threat: 50 }, /min_threat: must be between 0 and 1/],
    [{ source_ip: ['1.1.1.1', '2.2.2.2'] }, /source_ip: give this parameter once/],
  ])('rejects %o', async (query, message) => {
    const res = await call<ErrorBody>(GET, '/api/security-events', { ...window, ...query });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
