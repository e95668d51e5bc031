import { expect, test } from '@playwright/test';
import { HOUR, SEED, TimelinePage, viewUrl } from './support/timeline';

// The URL is the state: a deep link reopens exactly the view it names.

const FROM = SEED.outage.start - HOUR;
const TO = SEED.outage.start + HOUR;

test.describe('URL state', () => {
  test('a deep link reopens the exact window, playhead, zone, panels and filters', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const at = SEED.outage.start + 4 * 60_000 + 15_000;
    const query = {
      from: FROM,
      to: TO,
      at,
      tz: 'America/New_York',
      panel: ['order_latency_ms;p99;@exchange', 'fill_rate;avg;exchange:coinbase'],
      sev: 'critical,warning',
      minThreat: '0.5',
    };
    await timeline.open(query);

    await test.step('window and zone', async () => {
      // 06:00 UTC is 01:00 in New York in January.
      await expect(page.getByTestId('time-range-label')).toHaveText('2026-01-15 00:00:00 → 2026-01-15 02:00:00');
      await expect(page.getByTestId('tz-select')).toHaveValue('America/New_York');
    });
    await test.step('playhead', async () => {
      expect(await timeline.playheadAt()).toBe(at);
      await expect(page.getByTestId('inspector-time')).toHaveText('2026-01-15 01:04:15.000');
    });
    await test.step('panels with their aggregation, group-by and label filter', async () => {
      await expect(timeline.metricPanels()).toHaveCount(2);
      await expect(timeline.metricPanels().nth(0)).toHaveAttribute('data-panel', 'order_latency_ms;p99;@exchange');
      await expect(timeline.metricPanels().nth(1)).toHaveAttribute('data-panel', 'fill_rate;avg;exchange:coinbase');
      await expect(timeline.metricPanels().nth(0)).toHaveAttribute('data-status', 'ready');
      expect(Number(await timeline.metricPanels().nth(0).getAttribute('data-series'))).toBeGreaterThan(1);
      await expect(timeline.metricPanels().nth(1)).toHaveAttribute('data-series', '1');
    });
    await test.step('security filters', async () => {
      await expect(page.getByTestId('filter-severity-critical')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('filter-severity-warning')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('filter-severity-info')).toHaveAttribute('aria-pressed', 'false');
      await expect(page.getByTestId('filter-min-threat')).toHaveValue('0.5');
      for (const severity of await page.getByTestId('security-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-severity')))) {
        expect(['critical', 'warning']).toContain(severity);
      }
    });
    await timeline.screenshots('10-deep-link');

    await test.step('a reload shows the same view', async () => {
      await page.reload();
      await timeline.settled();
      expect(await timeline.playheadAt()).toBe(at);
      await expect(timeline.metricPanels()).toHaveCount(2);
    });
  });

  test('defaults stay out of the URL; changes write it and back/forward walk through them', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO });
    expect([...timeline.url().searchParams.keys()].sort()).toEqual(['from', 'to']);

    await test.step('zoom out pushes a history entry', async () => {
      await page.getByTestId('zoom-out').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM - HOUR);
      expect(Number(timeline.param('to'))).toBe(TO + HOUR);
    });
    await test.step('removing a panel writes the remaining panels', async () => {
      await timeline.panel('pnl_usd').getByTestId('panel-remove').click();
      await timeline.waitForParam('panel', (v) => v === 'order_latency_ms;p50,p95,p99');
      await expect(timeline.metricPanels()).toHaveCount(1);
    });
    await test.step('back, back, forward', async () => {
      await page.goBack();
      await expect(timeline.metricPanels()).toHaveCount(2);
      expect(timeline.param('panel')).toBeNull();
      await page.goBack();
      await timeline.waitForParam('from', (v) => Number(v) === FROM);
      await timeline.settled();
      await page.goForward();
      await timeline.waitForParam('from', (v) => Number(v) === FROM - HOUR);
    });
  });

  test('unknown and malformed parameters fall back to defaults with a visible notice', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await page.goto(
      `${viewUrl({ from: FROM, to: TO })}&at=soon&panel=order_latency_ms;p42&panel=pnl_usd;last;@strategy&sev=urgent&tz=Mars/Olympus&trace=xyz&bogus=1`,
    );
    await timeline.settled();
    const notice = page.getByTestId('url-notice');
    await expect(notice).toBeVisible();
    for (const text of ['"at=soon"', '"panel=order_latency_ms;p42"', '"sev=urgent"', '"tz=Mars/Olympus"', '"trace=xyz"', 'unknown parameter "bogus"']) {
      await expect(notice).toContainText(text);
    }
    // The valid parts still apply; the rest fell back to the defaults.
    await expect(timeline.metricPanels()).toHaveCount(1);
    await expect(timeline.panel('pnl_usd')).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('tz-select')).toHaveValue('UTC');
    // The address keeps only what was usable.
    await expect.poll(() => [...timeline.url().searchParams.keys()].sort().join(',')).toBe('from,panel,to');
    await timeline.screenshots('11-malformed');
    await page.getByTestId('url-notice-dismiss').click();
    await expect(notice).toHaveCount(0);
  });

  test('from after to falls back to the default window, with a notice', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: TO, to: FROM });
    await expect(page.getByTestId('url-notice')).toContainText('"from" must be before "to"');
    await expect(page.getByTestId('time-range-label')).toHaveText('Last 24 hours');
  });

  test('a label filter from a link (with : & and unicode in the value) round-trips', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const odd = 'a:b&c=d zürich 取引所';
    await timeline.open({ from: FROM, to: TO, label: [`exchange:${odd}`, 'exchange_x:coinbase'] });
    await expect(page.getByTestId('url-notice')).toHaveCount(0);
    await expect(page.getByTestId('label-filter').first()).toHaveText(`exchange=${odd}✕`);
    expect(timeline.url().searchParams.getAll('label')).toEqual([`exchange:${odd}`, 'exchange_x:coinbase']);
    // Nothing matches that exchange: the panels say why.
    await expect(timeline.panel('order_latency_ms').getByTestId('panel-empty')).toContainText('match');
    await page.getByTestId('label-filter').nth(1).getByRole('button').click();
    await expect.poll(() => timeline.url().searchParams.getAll('label')).toEqual([`exchange:${odd}`]);
  });

  test('picking a quick range keeps the window relative in the URL', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO });
    await page.getByTestId('time-picker-button').click();
    await expect(page.getByTestId('time-picker')).toBeVisible();
    await timeline.screenshots('12-time-picker');
    await page.getByTestId('quick-range-last-6h').click();
    await timeline.waitForParam('from', (v) => v === 'now-6h');
    expect(timeline.param('to')).toBeNull(); // `now` is the default
    await expect(page.getByTestId('time-range-label')).toHaveText('Last 6 hours');

    await test.step('absolute input is read on the view’s zone and written as epoch ms', async () => {
      await page.getByTestId('time-picker-button').click();
      await page.getByTestId('time-from').fill('2026-01-15 05:00');
      await page.getByTestId('time-to').fill('2026-01-15 07:00');
      await page.getByTestId('time-apply').click();
      await timeline.waitForParam('from', (v) => v === String(Date.parse('2026-01-15T05:00:00Z')));
      expect(timeline.param('to')).toBe(String(Date.parse('2026-01-15T07:00:00Z')));
    });
    await test.step('a bad input says why and changes nothing', async () => {
      await page.getByTestId('time-picker-button').click();
      await page.getByTestId('time-from').fill('yesterday-ish');
      await page.getByTestId('time-apply').click();
      await expect(page.getByTestId('time-error')).toContainText('From');
      expect(timeline.param('from')).toBe(String(Date.parse('2026-01-15T05:00:00Z')));
    });
  });
});
