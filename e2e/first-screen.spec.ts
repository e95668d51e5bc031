import { expect, test } from '@playwright/test';
import { HOUR, SEED, TimelinePage } from './support/timeline';

/**
 * `/` with nothing in the URL, on data that ended long before now (the e2e
 * seed ends 2026-01-15 12:00): the window is the data's last 24 hours, with
 * a notice; the panels draw; the playhead sits on an incident with values
 * in the inspector.
 */

test('/ opens on the data’s last day, on a notable moment, with values', async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.open({});
  await expect(page.getByTestId('view-notice')).toContainText('The data ends at 2026-01-15 11:59');
  await expect(page.getByTestId('panels')).toHaveAttribute('data-to', String(SEED.end));
  await expect(page.getByTestId('panels')).toHaveAttribute('data-from', String(SEED.end - 24 * HOUR));
  // The demo's names follow the conventions the defaults are chosen by (lib/client/default-panels.ts); the URL stays clean.
  await expect(timeline.metricPanels().locator('h2')).toHaveText(['order_latency_ms p50/p95/p99', 'pnl_usd last']);
  expect(timeline.param('panel')).toBeNull();
  for (const panel of await timeline.metricPanels().all()) {
    await expect(panel).toHaveAttribute('data-status', 'ready');
    expect(Number(await panel.getAttribute('data-points'))).toBeGreaterThan(100);
  }
  const incidents = [SEED.outage, SEED.burst];
  // 240 density buckets over a day: 6 min each.
  await expect.poll(async () => {
    const at = await timeline.playheadAt();
    return incidents.some((i) => at >= i.start - 6 * 60_000 && at < i.end);
  }).toBe(true);
  await expect(page.locator('[data-testid="inspector-value"]').first()).not.toHaveAttribute('data-value', '');
  await timeline.screenshots('first-screen');

  await test.step('Copy link writes the window shown', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-link').click();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link.searchParams.get('from')).toBe(String(SEED.end - 24 * HOUR));
    expect(link.searchParams.get('to')).toBe(String(SEED.end));
  });
});
