import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SecurityEventsResponse, SecuritySummaryResponse } from '@/lib/api/types';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { eventId, insertRows, securityRow } from '@/test/fixtures/rows';
import { GET as list } from '../route';
import { GET } from './route';

/**
 * The security filter (list and summary agree) and the summary's exact
 * counts, on rows this test inserts, against counts computed here from the
 * same rows: per severity, per group (top N, ties by value), and CIDR ranges
 * checked against membership computed with integer arithmetic.
 */

testEngine();

const T0 = Date.UTC(2024, 4, 1, 0, 0, 0);
const window = { from: T0, to: T0 + 3_600_000 };
const N = 600;

// A small deterministic generator, so the rows are the same on every run.
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}
const pick = lcg(42);
const SEVERITIES = ['info', 'warning', 'critical'];
const TYPES = ['auth_failure', 'port_scan', 'credential_stuffing', 'sql_injection'];
const SERVICES = ['auth-service', 'edge-firewall', 'ids'];
const ACTIONS = ['logged', 'blocked', 'rate_limited'];
const IPS = [
  ...Array.from({ length: 12 }, (_, i) => `10.${i % 3}.${i}.${i * 7}`),
  ...Array.from({ length: 6 }, (_, i) => `192.0.2.${i * 40}`),
  '203.0.113.7',
  '2001:db8::1',
  '2001:db8:1::2',
  'unknown',
];

const rows = Array.from({ length: N }, (_, i) => ({
  t: T0 + i * 5000,
  id: eventId(i + 1),
  severity: SEVERITIES[pick(3)] as string,
  event_type: TYPES[pick(4)] as string,
  service: SERVICES[pick(3)] as string,
  action_taken: ACTIONS[pick(3)] as string,
  source_ip: IPS[(i * 7 + pick(3)) % IPS.length] as string,
  threat_score: pick(11) / 10,
}));
type Row = (typeof rows)[number];

beforeAll(async () => {
  await insertRows('security', rows.map(securityRow));
  // Outside the window on both sides.
  await insertRows('security', [securityRow({ t: T0 - 1 }), securityRow({ t: window.to })]);
});

async function summary(query: Query) {
  const res = await call<SecuritySummaryResponse>(GET, '/api/security-events/summary', query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function listIds(query: Record<string, string | number | string[]>) {
  const res = await call<SecurityEventsResponse>(list, '/api/security-events', { ...query, limit: 1000 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return res.body.events.map((e) => e.eventId).sort();
}

function countBy(kept: Row[], field: (r: Row) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of kept) out.set(field(r), (out.get(field(r)) ?? 0) + 1);
  return out;
}

const ipv4 = (text: string) => text.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
/** Whether an IPv4 address lies in a.b.c.d/bits, by integer arithmetic. */
function inRange4(ip: string, base: string, bits: number): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
}

describe('GET /api/security-events/summary', () => {
  it('counts the window exactly, in total and per severity', async () => {
    const body = await summary(window);
    expect(body.total).toBe(N);
    expect(body.bySeverity).toEqual(Object.fromEntries(countBy(rows, (r) => r.severity)));
    expect(body.groupBy).toBeNull();
    expect(body.groups).toEqual([]);
  });

  it('counts what every filter keeps, the same events the list returns', async () => {
    const cases: [Query, (r: Row) => boolean][] = [
      [{ severity: ['critical', 'warning'] }, (r) => r.severity !== 'info'],
      [{ event_type: ['port_scan', 'sql_injection'], service: 'ids' }, (r) => ['port_scan', 'sql_injection'].includes(r.event_type) && r.service === 'ids'],
      [{ action: 'blocked', min_threat: 0.3, max_threat: 0.7 }, (r) => r.action_taken === 'blocked' && r.threat_score >= 0.3 && r.threat_score <= 0.7],
      [{ source_ip: '203.0.113.7' }, (r) => r.source_ip === '203.0.113.7'],
      [{ source_ip: '10.1.0.0/16', severity: 'critical' }, (r) => inRange4(r.source_ip, '10.1.0.0', 16) && r.severity === 'critical'],
      [{ source_ip: '2001:db8::/48' }, (r) => r.source_ip === '2001:db8::1'],
      [{ source_ip: '2001:db8::/32' }, (r) => r.source_ip.startsWith('2001:db8:')],
      [{ max_threat: 0 }, (r) => r.threat_score === 0],
    ];
    for (const [query, keep] of cases) {
      const kept = rows.filter(keep);
      expect(kept.length, JSON.stringify(query)).toBeGreaterThan(0);
      const body = await summary({ ...window, ...(query as object) });
      expect(body.total, JSON.stringify(query)).toBe(kept.length);
      expect(body.bySeverity).toEqual(Object.fromEntries(countBy(kept, (r) => r.severity)));
      expect(await listIds({ ...window, ...(query as Record<string, string>) })).toEqual(kept.map((r) => r.id).sort());
    }
  });

  it.each([
    ['sourceIp', (r: Row) => r.source_ip],
    ['eventType', (r: Row) => r.event_type],
    ['service', (r: Row) => r.service],
    ['action', (r: Row) => r.action_taken],
  ] as const)('groups by %s: the top N by count (ties by value) and the number of groups', async (groupBy, field) => {
    const kept = rows.filter((r) => r.severity !== 'info');
    const counts = [...countBy(kept, field).entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const body = await summary({ ...window, severity: ['warning', 'critical'], groupBy, top: 3 });
    expect(body.groupBy).toBe(groupBy);
    expect(body.groups).toEqual(counts.slice(0, 3).map(([value, count]) => ({ value, count })));
    expect(body.groupCount).toBe(counts.length);
    expect(body.total).toBe(kept.length);
  });

  it('matches any IPv4 CIDR range exactly as integer arithmetic does (generated ranges)', async () => {
    const v4 = IPS.filter((ip) => /^\d/.test(ip) && ip.includes('.'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...v4), fc.integer({ min: 0, max: 32 }), async (base, bits) => {
        const expected = rows.filter((r) => inRange4(r.source_ip, base, bits)).length;
        const body = await summary({ ...window, source_ip: `${base}/${bits}` });
        expect(body.total, `${base}/${bits}`).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    [{ source_ip: '10.0.0.0/33' }, /source_ip: must be an IPv4 or IPv6 address, or a CIDR range/],
    [{ source_ip: "1.2.3.4' OR 1=1" }, /source_ip: must be an IPv4 or IPv6 address/],
    [{ min_threat: 0.8, max_threat: 0.2 }, /max_threat: must be at least min_threat/],
    [{ max_threat: 2 }, /max_threat: must be between 0 and 1/],
    [{ groupBy: 'description' }, /groupBy: must be one of sourceIp, eventType, service, action/],
    [{ top: 0 }, /top: must be between 1 and 100/],
  ])('rejects %o with 400', async (query, message) => {
    const res = await call<ErrorBody>(GET, '/api/security-events/summary', { ...window, ...query });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
