import { expect, test } from '@playwright/test';
import { SEED, TimelinePage } from './support/timeline';

// The security table's filters, and the catalog they draw on being fetched only when wanted.

const FROM = SEED.burst.start - 10 * 60_000;
const TO = SEED.burst.end + 10 * 60_000;

test('filtering the security table by event type, with the type list loaded on demand', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const catalogRequests: string[] = [];
  page.on('request', (r) => r.url().includes('/api/catalog') && catalogRequests.push(r.url()));
  // Panels named, so the view needs no catalog to choose its default panels from.
  await timeline.open({ from: FROM, to: TO, panel: ['order_latency_ms;p50,p95,p99'] });

  await test.step('loading the page does not ask for the catalog', async () => {
    expect(catalogRequests).toEqual([]);
  });

  await test.step('pointing at the filters loads the event types; picking one filters the rows and the URL', async () => {
    const table = page.getByTestId('security-table');
    await table.scrollIntoViewIfNeeded();
    const types = page.getByTestId('filter-event-types');
    await types.hover();
    await types.locator('summary').click();
    const option = types.locator('[data-testid="filter-event-type-option"][value="credential_stuffing"]');
    await expect(option).toHaveCount(1);
    expect(catalogRequests).toHaveLength(1);
    await option.check();
    await timeline.waitForParam('etype', (v) => v === 'credential_stuffing');
    // The filtered page arrives after the URL changes: wait for it rather than read the rows in between.
    const rowTypes = () => page.getByTestId('security-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-event-type')))]);
    await expect.poll(rowTypes).toEqual(['credential_stuffing']);
  });
});
