import { expect, test } from '@playwright/test';
import { HOUR, SEED, TimelinePage } from './support/timeline';

test.describe('states, layout and themes', () => {
  test('a window without data says so in every panel', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const from = Date.parse('2025-06-01T00:00:00Z');
    await timeline.open({ from, to: from + HOUR, panel: ['order_latency_ms;p50,p95,p99', 'pnl_usd;last'] });
    await expect(timeline.metricPanels()).toHaveCount(2);
    for (const panel of await timeline.metricPanels().all()) {
      await expect(panel).toHaveAttribute('data-status', 'empty');
      await expect(panel.getByTestId('panel-empty')).toContainText('in this window');
    }
    await expect(page.getByTestId('security-lane').getByTestId('panel-empty')).toHaveText('No security events in this window.');
    await expect(page.getByTestId('traces-lane').getByTestId('panel-empty')).toHaveText('No traces in this window.');
    await expect(page.getByTestId('anomaly-lane').getByTestId('panel-empty')).toContainText('no anomalies');
    await timeline.screenshots('20-empty');
    // Naming no panels, the view has no metric to choose its defaults from, and says so.
    await timeline.open({ from, to: from + HOUR });
    await expect(page.getByTestId('no-panels')).toContainText('No metrics in this window');
  });

  test('loading skeletons show while the API is slow', async ({ page }) => {
    const timeline = new TimelinePage(page);
    // The first screen's data comes with the page: the skeletons show for the next window asked.
    await timeline.open({ from: SEED.outage.start - HOUR, to: SEED.outage.start + HOUR });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/series?*', async (route) => {
      await gate;
      await route.continue();
    });
    await page.getByTestId('zoom-out').click();
    await expect(timeline.panel('order_latency_ms').getByTestId('panel-loading')).toBeVisible();
    await timeline.screenshots('21-loading');
    release();
    await expect(timeline.panel('order_latency_ms')).toHaveAttribute('data-status', 'ready');
  });

  test('fits 1280×720 without horizontal scrolling, and the theme toggle sticks', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: SEED.outage.start - 3 * HOUR, to: SEED.outage.start + 3 * HOUR });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The first chart and the inspector are on screen without scrolling.
    await expect(timeline.panel('order_latency_ms')).toBeInViewport();
    await expect(page.getByTestId('inspector-time')).toBeInViewport();

    const toggle = page.getByTestId('theme-toggle');
    await expect(toggle).toHaveAttribute('data-theme', 'light');
    await toggle.click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await timeline.settled();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(toggle).toHaveAttribute('data-theme', 'dark');
  });

  test('adding a metric panel from the catalog, with a label filter and a group-by', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: SEED.outage.start - HOUR, to: SEED.outage.start + HOUR, at: SEED.outage.start + 5 * 60_000 });
    await page.getByTestId('add-panel-button').click();
    const form = page.getByTestId('add-panel-form');
    await expect(form).toBeVisible();
    await page.getByTestId('add-metric').selectOption('exchange_connected');
    await page.getByTestId('add-agg-avg').click(); // deselect the default
    await page.getByTestId('add-agg-min').click();
    await page.getByTestId('add-filter-key').selectOption('exchange');
    await page.getByTestId('add-filter-value').fill('coinbase');
    await page.getByTestId('add-filter').click();
    await timeline.screenshots('22-add-panel');
    await page.getByTestId('add-submit').click();

    const added = timeline.panel('exchange_connected');
    await expect(added).toHaveAttribute('data-panel', 'exchange_connected;min;exchange:coinbase');
    await expect(added).toHaveAttribute('data-status', 'ready');
    await timeline.waitForParam('panel', () => timeline.url().searchParams.getAll('panel').length === 3);
    // The outage shows in the inspector: coinbase is disconnected at the playhead.
    const value = page.locator('[data-testid="inspector-panel"][data-panel="exchange_connected;min;exchange:coinbase"] [data-testid="inspector-value"]');
    await expect(value).toHaveAttribute('data-value', '0');
  });
});
