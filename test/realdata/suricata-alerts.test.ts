import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogResponse, DensityResponse, SecurityEvent, SecurityEventsResponse } from '@/lib/api/types';
import { GET as getCatalog } from '@/app/api/catalog/route';
import { GET as getDensity } from '@/app/api/density/route';
import { GET as listEvents } from '@/app/api/security-events/route';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { eventId, insertRows, securityRow } from '@/test/fixtures/rows';
import { eveRow, eveTimeMs, readEve, type EveAlert } from './load-suricata';
import { haveRealdata } from './root';

/**
 * Real Suricata alerts (replays of WRCCDC 2017/2018, FIRST 2015 and a
 * honeypot capture) through the security routes: paging returns each alert
 * of a window once, newest first, byte for byte; severity filters, density
 * and catalog agree with counts computed from the files.
 */

const FILES = [
  'wrccdc-2018_alerts-only.json',
  'wrccdc-2017_alerts-only.json',
  'first-org-conf-2015_alerts-only.json',
  'honeypot-2018_alerts-only.json',
];

const available = haveRealdata('Suricata alerts', FILES.map((f) => `security/suricata/${f}`));

/** An inserted alert with its event id (the tie-breaker among alerts of one millisecond). */
type Inserted = ReturnType<typeof eveRow> & { id: string };

describe.skipIf(!available)('real Suricata alerts through the security routes', () => {
  testEngine();
  const alerts = new Map<string, EveAlert[]>();
  const all: Inserted[] = [];

  beforeAll(async () => {
    for (const file of FILES) {
      const read = readEve(file);
      alerts.set(file, read);
      for (const alert of read) all.push({ ...eveRow(alert), id: eventId(all.length + 1) });
    }
    await insertRows('security', all.map(securityRow));
  });

  const alertsOf = (file: string) => alerts.get(file) ?? [];

  /** The file's own window: its first alert's ms to just after its last. */
  function windowOf(file: string) {
    const times = alertsOf(file).map((a) => eveTimeMs(a.timestamp));
    return { from: Math.min(...times), to: Math.max(...times) + 1 };
  }

  const asEvent = (r: Inserted): SecurityEvent => ({
    eventId: r.id,
    timestamp: r.t,
    eventType: r.event_type,
    severity: r.severity,
    sourceIp: r.source_ip,
    description: r.description,
    threatScore: r.threat_score,
    actionTaken: r.action_taken,
    service: r.service,
  });

  /** What the window holds, newest first; alerts of one millisecond by event id, highest first. */
  const expectedIn = ({ from, to }: { from: number; to: number }) =>
    all.filter((r) => r.t >= from && r.t < to).sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : -1)).map(asEvent);

  async function page(query: Query) {
    const res = await call<SecurityEventsResponse & ErrorBody>(listEvents, '/api/security-events', query);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    return res.body;
  }

  /** Every page of a query, following the cursor. */
  async function allPages(query: Record<string, string | number | string[]>) {
    const events: SecurityEvent[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const body = await page({ ...query, ...(cursor ? { cursor } : {}) });
      events.push(...body.events);
      cursor = body.nextCursor;
      if (!cursor) return events;
    }
    throw new Error('paging did not end');
  }

  it('reads the EVE timestamps, with and without a zone (the honeypot file has none: UTC)', () => {
    expect(eveTimeMs('2015-03-29T11:01:38.221126-0600')).toBe(Date.UTC(2015, 2, 29, 17, 1, 38, 221));
    expect(eveTimeMs('2019-01-02T03:50:11.315110')).toBe(Date.UTC(2019, 0, 2, 3, 50, 11, 315));
    // The files hold the alert counts SOURCES.md gives.
    expect(FILES.map((f) => alertsOf(f).length)).toEqual([207, 161, 136, 44]);
  });

  describe.each(FILES)('%s', (file) => {
    it('pages (7 at a time) through every alert of the window exactly once, newest first, byte for byte', async () => {
      const window = windowOf(file);
      const expected = expectedIn(window);
      expect(expected).toHaveLength(alertsOf(file).length);
      const events = await allPages({ ...window, limit: 7 });
      expect(events).toEqual(expected);
    });

    it('filters by severity with the counts of the file', async () => {
      const window = windowOf(file);
      const rows = all.filter((r) => r.t >= window.from && r.t < window.to);
      let total = 0;
      for (const severity of ['critical', 'warning', 'info']) {
        const body = await page({ ...window, severity, limit: 1000 });
        expect(body.nextCursor).toBeNull();
        expect(body.events.length, severity).toBe(rows.filter((r) => r.severity === severity).length);
        expect(body.events.every((e) => e.severity === severity)).toBe(true);
        total += body.events.length;
      }
      expect(total).toBe(alertsOf(file).length);
      // Two severities at once are the union.
      const both = await page({ ...window, severity: ['critical', 'warning'], limit: 1000 });
      expect(both.events.length).toBe(rows.filter((r) => r.severity !== 'info').length);
    });

    it('counts the window by severity in /api/density, summing to the file', async () => {
      const window = windowOf(file);
      const res = await call<DensityResponse & ErrorBody>(getDensity, '/api/density', window);
      expect(res.status).toBe(200);
      const sums = { critical: 0, warning: 0, info: 0 };
      for (const b of res.body.buckets) for (const s of ['critical', 'warning', 'info'] as const) sums[s] += b.security[s];
      const read = alertsOf(file);
      expect(sums).toEqual({
        critical: read.filter((a) => a.alert.severity === 1).length,
        warning: read.filter((a) => a.alert.severity === 2).length,
        info: read.filter((a) => a.alert.severity === 3).length,
      });
    });

    it('lists the categories and severities in /api/catalog', async () => {
      const window = windowOf(file);
      const res = await call<CatalogResponse & ErrorBody>(getCatalog, '/api/catalog', window);
      expect(res.status).toBe(200);
      const rows = all.filter((r) => r.t >= window.from && r.t < window.to);
      expect(res.body.securityEventTypes).toEqual([...new Set(rows.map((r) => r.event_type))].sort());
      expect(res.body.severities).toEqual([...new Set(rows.map((r) => r.severity))].sort());
    });
  });

  it('returns the signatures with punctuation and the longest one as written', async () => {
    // The real signatures hold ( ) / % = * ~ , and run to 111 characters (no quotes or non-ASCII in these files).
    const odd = all.filter((r) => /[^A-Za-z0-9 ]/.test(r.description));
    const longest = all.reduce((a, b) => (b.description.length > a.description.length ? b : a));
    expect(odd.length).toBeGreaterThan(100);
    expect(longest.description.length).toBe(111);
    for (const r of [...odd.slice(0, 20), longest]) {
      const { events } = await page({ from: r.t, to: r.t + 1, limit: 1000 });
      expect(events.map((e) => e.description)).toContain(r.description);
    }
  });
});
