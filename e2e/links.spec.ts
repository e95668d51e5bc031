import { expect, test } from '@playwright/test';
import { grafanaDataLinks } from '@/lib/grafana/data-links';
import { fillGrafanaTemplate } from '@/test/grafana-data-links';
import { CLIPBOARD, readClipboard, shownView } from './support/links';
import { HOUR, SEED, TimelinePage } from './support/timeline';

// Links carry the view: Copy link and Grafana data links reopen what their author saw (trace links: trace-links.spec.ts).

const FROM = SEED.outage.start - HOUR;
const TO = SEED.outage.start + HOUR;
const MINUTE = 60_000;

test.use({ permissions: CLIPBOARD });

test.describe('links', () => {
  test('Copy link, opened in a fresh browser context, shows the same view', async ({ page, browser }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({
      from: FROM,
      to: TO,
      at: SEED.outage.start + 4 * MINUTE + 15_000,
      tz: 'America/New_York',
      panel: ['order_latency_ms;p99;@exchange', 'fill_rate;avg'],
      label: 'exchange:coinbase',
      sev: 'critical,warning',
      minThreat: '0.5',
    });
    const seen = await shownView(page);

    const link = await test.step('copy, with a visible confirmation', async () => {
      await page.getByTestId('copy-link').click();
      await expect(page.getByTestId('copy-link')).toHaveText('✓ Link copied');
      await expect(page.getByTestId('copy-link-status')).toHaveText('Link copied');
      await timeline.screenshots('30-copy-link', page.getByTestId('toolbar'));
      return readClipboard(page);
    });
    // An absolute window stays as it is: the link is the address.
    expect(link).toBe(page.url());

    await test.step('a fresh context (another zone, no storage) shows the same view', async () => {
      const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 720 } });
      const fresh = await context.newPage();
      await fresh.goto(link);
      await new TimelinePage(fresh).settled();
      expect(await shownView(fresh)).toEqual(seen);
      await context.close();
    });
  });

  test('a relative window is pinned to epoch ms, unless "relative" is ticked', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: 'now-2h' });
    const copy = async () => {
      await page.getByTestId('copy-link').click();
      await expect(page.getByTestId('copy-link')).toHaveText('✓ Link copied');
      return new URL(await readClipboard(page));
    };

    const pinned = await copy();
    const from = Number(pinned.searchParams.get('from'));
    const to = Number(pinned.searchParams.get('to'));
    expect(to - from).toBe(2 * HOUR);
    expect(Math.abs(to - Date.now())).toBeLessThan(5 * MINUTE);
    // The view's own `now`: the link shows exactly the window on screen.
    expect(to).toBe(Number(await page.getByTestId('panels').getAttribute('data-to')));
    expect([...pinned.searchParams.keys()].sort()).toEqual(['from', 'to']); // short: nothing but the window

    await page.getByTestId('keep-relative').check();
    const relative = await copy();
    expect(relative.searchParams.get('from')).toBe('now-2h');
    expect(relative.searchParams.get('to')).toBeNull(); // `now` is the default
  });

  test('without a clipboard the link shows in a field, selected', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO });
    await page.getByTestId('copy-link').click();
    const field = page.getByTestId('copy-link-field');
    await expect(field).toHaveValue(page.url());
    expect(await field.evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!)).toBe(page.url().length);
  });

  test('a Grafana data link, filled as Grafana fills it, lands at the clicked moment with the series label', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const template = grafanaDataLinks('exchange').find((l) => l.id === 'label-filter')?.template ?? '';
    const clicked = SEED.outage.start + 5 * MINUTE + 15_000;
    const response = await page.goto(fillGrafanaTemplate(template, { from: 'now-6h', to: 'now', valueTime: clicked, labels: { exchange: 'coinbase' } }));
    expect(response?.request().redirectedFrom()?.url()).toContain('time.window=600000');
    await timeline.settled();

    await test.step('the address holds the canonical window and playhead', async () => {
      expect(Number(timeline.param('from'))).toBe(clicked - 5 * MINUTE);
      expect(Number(timeline.param('to'))).toBe(clicked + 5 * MINUTE);
      expect(Number(timeline.param('at'))).toBe(clicked);
      expect(timeline.param('time')).toBeNull();
    });
    await test.step('the playhead, the inspector and the filter chip show it', async () => {
      expect(await timeline.playheadAt()).toBe(clicked);
      await expect(page.getByTestId('inspector-time')).toHaveText('2026-01-15 06:05:15.000');
      await expect(page.getByTestId('label-filter')).toHaveText('exchange=coinbase✕');
      await expect(timeline.metricPanels().first()).toHaveAttribute('data-panel', 'order_latency_ms;p50,p95,p99;exchange:coinbase');
    });

    await test.step("the time-range template opens the panel's window", async () => {
      const range = grafanaDataLinks('exchange').find((l) => l.id === 'time-range')?.template ?? '';
      await page.goto(fillGrafanaTemplate(range, { from: String(FROM), to: String(TO) }));
      await timeline.settled();
      await expect(page.getByTestId('panels')).toHaveAttribute('data-from', String(FROM));
      await expect(page.getByTestId('panels')).toHaveAttribute('data-to', String(TO));
    });
  });
});
