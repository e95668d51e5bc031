import { expect, test, type Page } from '@playwright/test';
import { E2E_FRAME_ANCESTORS } from './support/server-env';
import { HOUR, SEED, TimelinePage, viewUrl, type ViewQuery } from './support/timeline';

// Flashback inside Grafana: /embed is the timeline without the app around it, framed only where the operator allows.

const FROM = SEED.outage.start - HOUR;
const TO = SEED.outage.start + HOUR;
const AT = SEED.outage.start + 5 * 60_000;
const CHROME = ['toolbar', 'time-picker-button', 'playback', 'overview', 'inspector', 'add-panel-button', 'security-table', 'panel-remove'];

const embedUrl = (query: ViewQuery) => viewUrl(query).replace(/^\/\?/, '/embed?');

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test.describe('/embed', () => {
  test('renders the panels without the app chrome, keeping playhead and crosshair', async ({ page }) => {
    const errors = consoleErrors(page);
    await page.setViewportSize({ width: 800, height: 400 });
    const timeline = new TimelinePage(page);
    await page.goto(embedUrl({ from: FROM, to: TO, at: AT }));
    await timeline.settled();

    for (const testId of CHROME) await expect(page.getByTestId(testId), testId).toHaveCount(0);
    await expect(page.getByTestId('grafana-panel')).toHaveCount(0);
    await expect(timeline.metricPanels()).toHaveCount(2);
    await expect(timeline.panel('order_latency_ms')).toHaveAttribute('data-status', 'ready');
    expect(await timeline.paintedPixels(timeline.panel('order_latency_ms'))).toBeGreaterThan(2000);
    for (const lane of ['anomaly-lane', 'security-lane', 'traces-lane']) await expect(page.getByTestId(lane)).toHaveCount(1);
    await expect(timeline.panel('order_latency_ms').getByTestId('playhead')).toHaveAttribute('data-at', String(AT));

    const latency = timeline.panel('order_latency_ms');
    const box = await timeline.plotBox(latency);
    await page.mouse.move(await timeline.xOf(latency, SEED.outage.start + 2 * 60_000, FROM, TO), box.y + box.height / 2);
    await expect(latency.getByTestId('crosshair-label')).toContainText('p95');
    // The same state in the full view, in a new tab.
    const open = page.getByTestId('open-in-flashback');
    await expect(open).toHaveAttribute('href', `/?from=${FROM}&to=${TO}&at=${AT}`);
    await expect(open).toHaveAttribute('target', '_blank');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await timeline.screenshots('40-embed');
    expect(errors).toEqual([]);

    // The inspector on request.
    await page.goto(embedUrl({ from: FROM, to: TO, at: AT, inspector: 'true' }));
    await expect(page.getByTestId('inspector-time')).toHaveAttribute('data-at', String(AT));
  });

  test('only=security shows just that lane, filling the frame; theme= forces a theme', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 400 });
    const timeline = new TimelinePage(page);
    await page.goto(embedUrl({ from: SEED.burst.start - HOUR, to: SEED.burst.start + HOUR, only: 'security' }));
    await timeline.settled();
    const lane = page.getByTestId('security-lane');
    await expect(lane).toHaveAttribute('data-status', 'ready');
    for (const other of ['metric-panel', 'anomaly-lane', 'traces-lane', ...CHROME]) await expect(page.getByTestId(other), other).toHaveCount(0);
    expect((await lane.boundingBox())?.height).toBeGreaterThan(300);
    await timeline.screenshots('41-embed-security');

    await page.goto(embedUrl({ from: FROM, to: TO, only: 'security', theme: 'dark' }));
    await expect(page.locator('html')).toHaveClass(/dark/);
  });

  test('only=panel:0 fits a 600×300 frame; a bad only= says so and shows the whole stack', async ({ page }) => {
    await page.setViewportSize({ width: 600, height: 300 });
    const timeline = new TimelinePage(page);
    await page.goto(embedUrl({ from: FROM, to: TO, panel: ['fill_rate;avg;exchange:coinbase', 'pnl_usd;last'], only: 'panel:0' }));
    await timeline.settled();
    await expect(timeline.metricPanels()).toHaveCount(1);
    const panel = timeline.panel('fill_rate');
    await expect(panel).toHaveAttribute('data-status', 'ready');
    const box = await panel.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(300);
    expect(box?.width).toBe(600);
    expect(await timeline.paintedPixels(panel)).toBeGreaterThan(1000);
    await timeline.screenshots('42-embed-600x300');

    await page.goto(embedUrl({ from: FROM, to: TO, only: 'logs' }));
    await timeline.settled();
    await expect(page.getByTestId('url-notice')).toContainText('"only=logs" is not valid');
    await expect(timeline.metricPanels()).toHaveCount(2);
  });

  test('frame-ancestors follows FLASHBACK_FRAME_ANCESTORS on /embed; every other page stays same-origin', async ({ request }) => {
    const policy = async (path: string) => (await request.get(path)).headers()['content-security-policy'] ?? '';
    expect((await policy('/embed')).endsWith(`; frame-ancestors ${E2E_FRAME_ANCESTORS}`)).toBe(true);
    expect((await policy('/')).endsWith("; frame-ancestors 'self'")).toBe(true);
  });

  test('Chromium lets the allowed origin frame /embed, and nothing else', async ({ page, baseURL }) => {
    const host = (origin: string, path: string) =>
      page.route(`${origin}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe src="${baseURL}${path}" width="600" height="300"></iframe>` }),
      );
    // A public origin framing a loopback server needs Chromium's Local Network Access permission (a prompt for users).
    await page.context().grantPermissions(['local-network-access']);
    const embed = embedUrl({ from: FROM, to: TO, only: 'panel:0' });
    await host(E2E_FRAME_ANCESTORS, embed);
    await page.goto(`${E2E_FRAME_ANCESTORS}/d/trading`);
    await expect(page.frameLocator('iframe').getByTestId('metric-panel')).toHaveAttribute('data-status', 'ready');

    // Another origin, and the full view even from the allowed origin, are refused by the browser, citing the policy.
    const refusals = consoleErrors(page);
    for (const [origin, path] of [['https://elsewhere.example', embed], [`${E2E_FRAME_ANCESTORS}`, '/']] as const) {
      await page.unrouteAll();
      await host(origin, path);
      await page.goto(`${origin}/d/other`);
      await expect.poll(() => page.mainFrame().childFrames()[0]?.url() ?? '', { message: `${origin} framing ${path}` }).toMatch(/^chrome-error:/);
    }
    await expect.poll(() => refusals.filter((e) => e.includes('frame-ancestors')).length).toBe(2);
  });
});
