import { expect, test, type Page } from '@playwright/test';
import { HOUR, SEED, TimelinePage, viewUrl, type ViewQuery } from './support/timeline';

/**
 * The first screen's data comes with the page (lib/server/first-screen.ts):
 * the browser draws a link's first view without asking the API for what the
 * server already fetched, under the same query keys. Only a change of view
 * asks again.
 */

const FROM = SEED.outage.start - 3 * HOUR;
const TO = SEED.outage.start + 3 * HOUR;

// What a first screen must not ask for: the charts, lanes, overview and the view's own resolution.
const FIRST_SCREEN_ROUTES = ['/api/series', '/api/density', '/api/anomalies', '/api/catalog', '/api/extent', '/api/security-events', '/api/traces'];

/** The API paths the page asks for from navigation until every panel has settled. */
async function openCounting(page: Page, url: string): Promise<string[]> {
  const paths: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) paths.push(pathname);
  });
  await page.goto(url);
  await new TimelinePage(page).settled();
  return paths;
}

const firstScreenAsks = (paths: string[]) => paths.filter((p) => FIRST_SCREEN_ROUTES.some((route) => p === route || p.startsWith(`${route}/`)));

test('a pinned link draws its charts from the page’s own data; a window change asks the API', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const asked = await openCounting(page, viewUrl({ from: FROM, to: TO }));
  expect(firstScreenAsks(asked)).toEqual([]);
  for (const panel of await timeline.metricPanels().all()) {
    await expect(panel).toHaveAttribute('data-status', 'ready');
    expect(Number(await panel.getAttribute('data-points'))).toBeGreaterThan(100);
    await expect(panel.locator('[data-chart]')).toHaveAttribute('data-rendered', /\d+/);
  }
  await expect(page.getByTestId('security-lane')).toHaveAttribute('data-status', 'ready');

  const series = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/series');
  await page.getByTestId('pan-right').click();
  await series;
  await timeline.settled();
});

const cases: { name: string; query: ViewQuery; embed?: boolean }[] = [
  // The server resolves the window from the data's extent and picks the panels from the catalog, as the browser does.
  { name: 'a bare link (extent and catalog decide)', query: {} },
  // Resolved against the server's clock, which the browser then uses too.
  { name: 'a relative window', query: { from: 'now-6h', panel: 'order_latency_ms;p95' } },
  { name: 'an embed', query: { from: FROM, to: TO }, embed: true },
];

for (const { name, query, embed } of cases) {
  test(`${name}: nothing of the first screen is asked again`, async ({ page }) => {
    const url = embed ? viewUrl(query).replace(/^\/\?/, '/embed?') : viewUrl(query);
    const asked = await openCounting(page, url);
    expect(firstScreenAsks(asked)).toEqual([]);
    await expect(new TimelinePage(page).metricPanels().first()).toHaveAttribute('data-status', /ready|empty/);
  });
}
