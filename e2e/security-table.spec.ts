import { expect, test } from '@playwright/test';
import { SEED, TimelinePage } from './support/timeline';

// The security table's filters, and the catalog they draw on: it comes with the page (lib/client/view/first-view.ts), never asked again.

const FROM = SEED.burst.start - 10 * 60_000;
const TO = SEED.burst.end + 10 * 60_000;

test('filtering the security table by event type, from the type list that came with the page', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const catalogRequests: string[] = [];
  page.on('request', (r) => r.url().includes('/api/catalog') && catalogRequests.push(r.url()));
  // Panels named, so the view needs no catalog to choose its default panels from; it streams with the panels' answers.
  await timeline.open({ from: FROM, to: TO, panel: ['order_latency_ms;p50,p95,p99'] });

  await test.step('loading the page does not ask for the catalog', async () => {
    expect(catalogRequests).toEqual([]);
  });

  await test.step('a long list holds a screenful of rows in the DOM, the ones scrolled to', async () => {
    const total = Number(await page.getByTestId('security-count').getAttribute('data-total'));
    expect(total).toBeGreaterThan(100);
    const table = page.getByTestId('security-events');
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    const rows = page.getByTestId('security-row');
    expect(await rows.count()).toBeLessThan(total / 2);
    const scroller = page.getByTestId('security-rows');
    await scroller.scrollIntoViewIfNeeded();
    const half = await scroller.evaluate((el) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
      return el.scrollTop / el.scrollHeight;
    });
    // The row at the top of the viewport is rendered, and is where the scroll height puts it.
    const index = Math.floor(half * (total + 1)) + 1;
    await expect(page.locator(`[data-testid="security-row"][aria-rowindex="${index}"]`)).toBeInViewport();
    await timeline.screenshotsAtWidths('70-security-table-scrolled', page.getByTestId('security-table'));
  });

  await test.step('pointing at the filters lists the event types without a request; picking one filters the rows and the URL', async () => {
    const table = page.getByTestId('security-table');
    await table.scrollIntoViewIfNeeded();
    const types = page.getByTestId('filter-event-types');
    await types.hover();
    await types.locator('summary').click();
    const option = types.locator('[data-testid="filter-event-type-option"][value="credential_stuffing"]');
    await expect(option).toHaveCount(1);
    expect(catalogRequests).toEqual([]);
    await option.check();
    await timeline.waitForParam('etype', (v) => v === 'credential_stuffing');
    // The filtered page arrives after the URL changes: wait for it rather than read the rows in between.
    const rowTypes = () => page.getByTestId('security-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-event-type')))]);
    await expect.poll(rowTypes).toEqual(['credential_stuffing']);
  });
});
