import { expect, test } from '@playwright/test';
import { FOREIGN_METRICS } from './support/foreign-data';
import { TimelinePage } from './support/timeline';

/**
 * `/` on an engine holding only data Flashback did not make (the second web
 * server: a generated CSV of web services' metrics, imported with
 * `npm run import`, no seed): the panels are chosen from the catalog by
 * naming convention and drawn, without editing the URL, and the URL stays
 * clean until the user changes the panels.
 */

const foreign = process.env.E2E_FOREIGN_BASE_URL;
test.skip(!foreign, 'no foreign-data server (E2E_FOREIGN_BASE_URL unset: testing a running server via E2E_BASE_URL)');
test.use({ baseURL: foreign });

const [latency, busiest] = FOREIGN_METRICS;

test('/ on foreign data opens on its latency and busiest metrics, drawn', async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.open({});
  const panels = timeline.metricPanels();
  await expect(panels).toHaveCount(2);
  await expect(panels.locator('h2')).toHaveText([`${latency} p50/p95/p99`, `${busiest} avg`]);
  for (const panel of await panels.all()) {
    await expect(panel).toHaveAttribute('data-status', 'ready');
    expect(Number(await panel.getAttribute('data-points'))).toBeGreaterThan(100);
  }
  // No grouping: one line per percentile.
  await expect(timeline.panel(latency)).toHaveAttribute('data-series', '3');
  expect(timeline.param('panel')).toBeNull();

  for (const width of [1440, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await timeline.settled();
    await timeline.screenshots(`foreign-first-screen-${width}`);
  }

  await test.step('changing the panels writes them (defaults included) to the URL', async () => {
    await timeline.panel(busiest).getByTestId('panel-remove').click();
    await timeline.waitForParam('panel', (v) => v !== null);
    expect(timeline.url().searchParams.getAll('panel')).toEqual([`${latency};p50,p95,p99`]);
    await expect(panels).toHaveCount(1);
  });
});
