import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Anomaly, SecurityEvent, SecurityEventsResponse, TraceResponse, TraceSummary, TracesResponse } from '@/lib/api/types';
import { SEED, TimelinePage, viewUrl } from './support/timeline';

/**
 * Every lane sliced: the security lane and table by source address / CIDR
 * range, several types, severity and threat range, and grouped by each field;
 * the anomaly overlay under a panel's filters and the inspector's series;
 * the traces lane by service, status, duration and attribute, its trace-id
 * box and hover. Every count the page shows is checked against a count this
 * test computes itself from unfiltered answers (the whole window's events
 * paged through the list, every trace's spans), never against the summary
 * the page reads.
 */

const FROM = SEED.burst.start - 10 * 60_000;
const TO = SEED.burst.end + 10 * 60_000;

/** Every security event of the window, unfiltered, following the cursor. */
async function allEvents(request: APIRequestContext, from: number, to: number): Promise<SecurityEvent[]> {
  const events: SecurityEvent[] = [];
  let cursor: string | null = null;
  do {
    const res = await request.get('/api/security-events', { params: { from, to, limit: 1000, ...(cursor ? { cursor } : {}) } });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as SecurityEventsResponse;
    events.push(...body.events);
    cursor = body.nextCursor;
  } while (cursor);
  return events;
}

const ipv4 = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
/** IPv4 CIDR membership by integer arithmetic. */
function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

/**
 * The table lists `ips` (newest first) in order: it says how many rows it has
 * (aria-rowcount, the header included) and renders only those scrolled to,
 * each at its place (aria-rowindex).
 */
async function expectRows(page: Page, ips: string[]) {
  await expect(page.getByTestId('security-events')).toHaveAttribute('aria-rowcount', String(ips.length + 1));
  const rendered = () => page.getByTestId('security-row').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('aria-rowindex')), r.getAttribute('data-source-ip')] as const));
  await expect.poll(async () => (await rendered()).length).toBeGreaterThan(0);
  const rows = await rendered();
  expect(rows.map(([index]) => index)).toEqual(rows.map((_, i) => (rows[0]?.[0] ?? 2) + i));
  expect(rows.map(([, ip]) => ip)).toEqual(rows.map(([index]) => ips[index - 2]));
}

async function expectCounts(page: Page, kept: SecurityEvent[]) {
  await expect(page.getByTestId('security-count')).toHaveAttribute('data-total', String(kept.length));
  await expect(page.getByTestId('security-lane')).toHaveAttribute('data-total', String(kept.length));
  for (const [severity, n] of countBy(kept, (e) => e.severity)) {
    await expect(page.getByTestId(`security-lane-count-${severity}`)).toHaveText(`${severity} ${n.toLocaleString('en-US')}`);
  }
}

test.describe('security: sliced, grouped, exact counts', () => {
  test('filters by CIDR range and address, several types, severity and threat range; the lane header follows', async ({ page, request }) => {
    const all = await allEvents(request, FROM, TO);
    expect(all.length).toBeGreaterThan(100);
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO });
    await expectCounts(page, all);

    await test.step('a CIDR range typed in the box', async () => {
      const box = page.getByTestId('filter-source-ip');
      await box.fill('203.0.113.0/24');
      await box.press('Enter');
      await timeline.waitForParam('ip', (v) => v === '203.0.113.0/24');
      const kept = all.filter((e) => inCidr(e.sourceIp, '203.0.113.0/24'));
      expect(kept.length).toBeGreaterThan(0);
      await expectCounts(page, kept);
      await expectRows(page, [...kept].sort((a, b) => b.timestamp - a.timestamp).map((e) => e.sourceIp));
    });

    await test.step('a text that is no address is refused in place', async () => {
      const box = page.getByTestId('filter-source-ip');
      await box.fill('203.0.113.0/99');
      await box.press('Enter');
      await expect(box).toHaveAttribute('aria-invalid', 'true');
      expect(timeline.param('ip')).toBe('203.0.113.0/24');
      await box.press('Escape');
    });

    await test.step('several types, two severities and a threat range', async () => {
      const types = ['credential_stuffing', 'rate_limit_exceeded'];
      await timeline.open({ from: FROM, to: TO, etype: types.join(','), sev: 'critical,warning', minThreat: 0.7, maxThreat: 0.95 });
      const kept = all.filter((e) => types.includes(e.eventType) && e.severity !== 'info' && e.threatScore >= 0.7 && e.threatScore <= 0.95);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(all.length);
      await expectCounts(page, kept);
    });

    await test.step('one exact address', async () => {
      const [ip] = countBy(all, (e) => e.sourceIp)[0] ?? [];
      await timeline.open({ from: FROM, to: TO, ip: ip ?? '' });
      await expectCounts(page, all.filter((e) => e.sourceIp === ip));
    });
  });

  for (const [group, field] of [
    ['sourceIp', (e: SecurityEvent) => e.sourceIp],
    ['eventType', (e: SecurityEvent) => e.eventType],
    ['service', (e: SecurityEvent) => e.service],
    ['action', (e: SecurityEvent) => e.actionTaken],
  ] as const) {
    test(`groups by ${group} with exact counts, and a group narrows the filter to it`, async ({ page, request }) => {
      const all = (await allEvents(request, FROM, TO)).filter((e) => e.severity !== 'info');
      const expected = countBy(all, field);
      const timeline = new TimelinePage(page);
      await timeline.open({ from: FROM, to: TO, sev: 'critical,warning', sgroup: group });
      const groups = page.getByTestId('security-group');
      await expect.poll(() => groups.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-value'), Number(r.getAttribute('data-count'))]))).toEqual(
        expected.slice(0, 20),
      );
      await expect(page.getByTestId('security-group-count')).toHaveAttribute('data-groups', String(expected.length));
      const [value, count] = expected[0] ?? ['', 0];
      await groups.first().click();
      await timeline.waitForParam('sgroup', (v) => v === null);
      await expect(page.getByTestId('security-count')).toHaveAttribute('data-total', String(count));
      await expect(page.getByTestId('security-row').first()).toBeVisible();
      await expect(page.getByTestId('security-events')).toHaveAttribute('aria-rowcount', String(all.filter((e) => field(e) === value).length + 1));
    });
  }

  test('the inspector shows full addresses and follows the filters', async ({ page, request }) => {
    const all = await allEvents(request, FROM, TO);
    const timeline = new TimelinePage(page);
    const at = SEED.burst.start + 5 * 60_000;
    await timeline.open({ from: FROM, to: TO, at, ip: '198.51.100.0/24' });
    const ips = page.getByTestId('inspector-event-ip');
    await expect(ips.first()).toBeVisible();
    for (const cell of await ips.all()) {
      const text = (await cell.textContent()) ?? '';
      expect(inCidr(text, '198.51.100.0/24'), text).toBe(true);
      expect(all.some((e) => e.sourceIp === text)).toBe(true);
      // Written out whole: nothing clipped.
      expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
  });
});

test.describe('anomalies: which series, and the overlay under the panel filters', () => {
  const OUT_FROM = SEED.outage.start - 30 * 60_000;
  const OUT_TO = SEED.outage.end + 30 * 60_000;

  test('a panel shows the anomalies of the series it draws, none when it matches no series', async ({ page, request }) => {
    const res = await request.get('/api/anomalies', { params: { from: OUT_FROM, to: OUT_TO, only_anomalies: 'true', metric: 'order_latency_ms', limit: 10000 } });
    const verdicts = ((await res.json()) as { anomalies: Anomaly[] }).anomalies;
    // A verdict belongs to a panel's series unless its context names another exchange.
    const of = (exchange: string) => verdicts.filter((a) => (a.context.exchange ?? exchange) === exchange);
    const coinbase = of('coinbase');
    expect(coinbase.length).toBeGreaterThan(0);
    expect(of('binance').length).toBeLessThan(coinbase.length);
    const timeline = new TimelinePage(page);
    await timeline.open({
      from: OUT_FROM,
      to: OUT_TO,
      panel: ['order_latency_ms;p99;exchange:coinbase', 'order_latency_ms;p99;exchange:binance', 'order_latency_ms;p99;exchange:nowhere'],
    });
    const [matching, other, none] = await timeline.metricPanels().all();
    await expect(matching!).toContainText(`anomalies (${coinbase.length})`);
    await expect(other!).toHaveAttribute('data-status', 'ready');
    if (of('binance').length === 0) await expect(other!).not.toContainText('anomalies (');
    else await expect(other!).toContainText(`anomalies (${of('binance').length})`);
    await expect(none!).toHaveAttribute('data-status', 'empty');
    await expect(none!).not.toContainText('anomalies (');
  });

  test('the inspector names the series, its value against the expected one, and folds repeats', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: OUT_FROM, to: OUT_TO, at: SEED.outage.start + 3 * 60_000 });
    const rows = page.getByTestId('inspector-anomaly');
    await expect(rows.first()).toBeVisible();
    await expect(rows.first().getByTestId('anomaly-series')).toContainText('=');
    await expect(rows.first().getByTestId('anomaly-values')).toContainText('expected');
    // One row per series and run: no two rows name the same series at the same time.
    const texts = await rows.allTextContents();
    expect(new Set(texts).size).toBe(texts.length);
    await timeline.screenshots('lanes-inspector-anomalies', page.getByTestId('inspector'));
  });
});

test.describe('traces: sliced like Jaeger', () => {
  const T_FROM = SEED.outage.start;
  const T_TO = SEED.outage.end;

  test('service, status, minimum duration and attribute filters count what the spans say; trace-id box; hover names traces', async ({ page, request }) => {
    const res = await request.get('/api/traces', { params: { from: T_FROM, to: T_TO, limit: 1000 } });
    const traces = ((await res.json()) as TracesResponse).traces;
    expect(traces.length).toBeGreaterThan(5);
    expect(traces.length).toBeLessThan(1000);
    const spans = new Map<string, TraceResponse['spans']>();
    for (const t of traces) {
      const body = (await (await request.get(`/api/traces/${t.traceId}`, { params: { from: T_FROM - 60_000, to: T_TO + 60_000 } })).json()) as TraceResponse;
      spans.set(t.traceId, body.spans);
    }
    const lane = page.getByTestId('traces-lane');
    const timeline = new TimelinePage(page);
    const expectTraces = async (kept: TraceSummary[]) => {
      await expect(lane).toHaveAttribute('data-traces', String(kept.length));
    };

    await timeline.open({ from: T_FROM, to: T_TO });
    await expectTraces(traces);

    await test.step('attribute=value typed in the box', async () => {
      const box = page.getByTestId('trace-filter-attribute');
      await box.fill('exchange=coinbase');
      await box.press('Enter');
      await timeline.waitForParam('tattr', (v) => v === 'exchange=coinbase');
      const kept = traces.filter((t) => (spans.get(t.traceId) ?? []).some((s) => s.attributes.exchange === 'coinbase'));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(traces.length);
      await expectTraces(kept);
      await expect(page.getByTestId('trace-filter-chip')).toHaveText(/exchange=coinbase/);
    });

    await test.step('failed ones at least 100 ms long, of one service', async () => {
      const service = 'exchange-adapter';
      await timeline.open({ from: T_FROM, to: T_TO, tservice: service, tstatus: 'error', tmin: '100ms' });
      const kept = traces.filter((t) => t.errorCount > 0 && t.durationMs >= 100 && (spans.get(t.traceId) ?? []).some((s) => s.service === service));
      await expectTraces(kept);
    });

    await test.step('an operation', async () => {
      const operation = spans.get(traces[0]!.traceId)?.[0]?.name ?? '';
      await timeline.open({ from: T_FROM, to: T_TO, toperation: operation });
      await expectTraces(traces.filter((t) => (spans.get(t.traceId) ?? []).some((s) => s.name === operation)));
    });

    await test.step('hovering a trace names it', async () => {
      await timeline.open({ from: T_FROM, to: T_TO });
      const target = traces[Math.floor(traces.length / 2)]!;
      await lane.scrollIntoViewIfNeeded();
      const box = await timeline.plotBox(lane);
      const x = box.x + ((target.start - T_FROM) / (T_TO - T_FROM)) * box.width;
      await page.mouse.move(x, box.y + box.height / 2);
      await expect(page.getByTestId('traces-hover').first()).toBeVisible();
      const named = await page.getByTestId('traces-hover').first().locator('[data-trace-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-trace-id')));
      expect(named.length).toBeGreaterThan(0);
      // Every trace named starts near the cursor (within the hover's half-width, 1/200 of the window).
      for (const id of named) expect(Math.abs((traces.find((t) => t.traceId === id)?.start ?? 0) - target.start)).toBeLessThanOrEqual((T_TO - T_FROM) / 100);
    });

    await test.step('the trace-id box opens a trace', async () => {
      const id = traces[0]!.traceId;
      const box = page.getByTestId('trace-id-box');
      await box.fill(id);
      await box.press('Enter');
      await timeline.waitForParam('trace', (v) => v === id);
      await expect(page.getByTestId('waterfall')).toBeVisible();
    });
  });
});

test('bad filter values in a link fall back with a notice', async ({ page }) => {
  await page.goto(viewUrl({ from: FROM, to: TO, ip: '10.0.0.0/99', tstatus: 'broken', sgroup: 'nope' }));
  const notice = page.getByTestId('url-notice');
  await expect(notice).toContainText('ip=10.0.0.0/99');
  await expect(notice).toContainText('tstatus=broken');
  await expect(page.getByTestId('security-count')).not.toHaveAttribute('data-total', '');
});

test('screenshots of the sliced lanes at 1440, 1280 and 900 px', async ({ page }) => {
  const timeline = new TimelinePage(page);
  for (const width of [1440, 1280, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await timeline.open({ from: FROM, to: TO, ip: '203.0.113.0/24', etype: 'credential_stuffing,rate_limit_exceeded', sgroup: 'sourceIp', tstatus: 'error', tattr: 'exchange=coinbase' });
    await expect(page.getByTestId('security-group').first()).toBeVisible();
    await page.getByTestId('security-table').scrollIntoViewIfNeeded();
    await timeline.screenshots(`lanes-filtered-${width}`);
  }
});
