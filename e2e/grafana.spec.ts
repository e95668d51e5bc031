import { expect, test, type Page } from '@playwright/test';
import { E2E_GRAFANA_PANEL, E2E_GRAFANA_URL } from './support/server-env';
import { HOUR, SEED, TimelinePage } from './support/timeline';

// Grafana inside Flashback: the configured panels (e2e/support/server-env.ts) follow the view's window and theme.

const FROM = SEED.outage.start - HOUR;
const TO = SEED.outage.start + HOUR;

/** Console errors, except the configured Grafana's (nothing listens there: its frames fail to load, on purpose). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes(E2E_GRAFANA_URL) && !message.location().url.startsWith(E2E_GRAFANA_URL)) errors.push(message.text());
  });
  return errors;
}

const frameSrc = async (page: Page) => new URL((await page.getByTestId('grafana-frame').getAttribute('src')) ?? '');

test.describe('Grafana panels', () => {
  test('show in the stack at the view’s window and theme, and follow a zoom', async ({ page }) => {
    const errors = consoleErrors(page);
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO });
    const panel = page.getByTestId('grafana-panel');
    await expect(panel).toHaveCount(1);
    await expect(panel.locator('h2')).toHaveText(E2E_GRAFANA_PANEL.title);
    await expect(panel).toContainText('no shared crosshair');

    await test.step('a d-solo frame at the resolved window, and links to the dashboard at the same window', async () => {
      const src = await frameSrc(page);
      expect(`${src.origin}${src.pathname}`).toBe(`${E2E_GRAFANA_URL}/d-solo/trading`);
      expect(Object.fromEntries(src.searchParams)).toEqual({ from: String(FROM), to: String(TO), timezone: 'utc', orgId: '1', panelId: '4', theme: 'light' });
      await expect(page.getByTestId('open-in-grafana')).toHaveAttribute('href', `${E2E_GRAFANA_URL}/d/trading?from=${FROM}&to=${TO}&timezone=utc`);
      await expect(panel.getByTestId('grafana-panel-open')).toHaveAttribute('href', `${E2E_GRAFANA_URL}/d/trading?from=${FROM}&to=${TO}&timezone=utc&viewPanel=4`);
    });
    await panel.scrollIntoViewIfNeeded();
    await timeline.screenshots('31-grafana-panel');

    await test.step('zooming out moves the frame and the toolbar link to the new window', async () => {
      await page.getByTestId('zoom-out').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM - HOUR);
      await expect.poll(async () => (await frameSrc(page)).searchParams.get('from')).toBe(String(FROM - HOUR));
      expect((await frameSrc(page)).searchParams.get('to')).toBe(String(TO + HOUR));
      await expect(page.getByTestId('open-in-grafana')).toHaveAttribute('href', `${E2E_GRAFANA_URL}/d/trading?from=${FROM - HOUR}&to=${TO + HOUR}&timezone=utc`);
    });
    await test.step('Back returns to the previous window at once (the frame adds no history entry of its own)', async () => {
      await page.goBack();
      await timeline.waitForParam('from', (v) => Number(v) === FROM);
      await expect.poll(async () => (await frameSrc(page)).searchParams.get('from')).toBe(String(FROM));
    });
    await test.step('the frame follows the theme', async () => {
      await timeline.setSystemTheme('dark');
      await expect.poll(async () => (await frameSrc(page)).searchParams.get('theme')).toBe('dark');
    });
    expect(errors).toEqual([]);
  });
});
