import { expect, test } from '@playwright/test';
import { HOUR, SEED, TimelinePage } from './support/timeline';

/** A Grafana link carrying its template variables (`var-exchange=coinbase`) lands filtered by them. */

test('Grafana var-<label>=value becomes a label filter; $__all is no filter', async ({ page }) => {
  const timeline = new TimelinePage(page);
  await page.goto(`/?from=${SEED.outage.start - HOUR}&to=${SEED.outage.start + HOUR}&var-exchange=coinbase&var-symbol=$__all`);
  await timeline.settled();
  expect(timeline.url().searchParams.getAll('label')).toEqual(['exchange:coinbase']);
  expect([...timeline.url().searchParams.keys()].some((k) => k.startsWith('var-'))).toBe(false);
  await expect(page.getByTestId('label-filter')).toHaveText(['exchange=coinbase✕']);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
});
