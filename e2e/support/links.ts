import type { Page } from '@playwright/test';

/** Helpers for the link specs: the clipboard, and the view a page shows as one comparable object. */

export const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** What a viewer sees of the view state, read from the page (not from its URL). */
export async function shownView(page: Page) {
  const panels = page.getByTestId('panels');
  const pressed = async (testId: string) => (await page.getByTestId(testId).getAttribute('aria-pressed')) === 'true';
  return {
    from: Number(await panels.getAttribute('data-from')),
    to: Number(await panels.getAttribute('data-to')),
    at: Number(await page.getByTestId('inspector-time').getAttribute('data-at')),
    tz: await page.getByTestId('tz-select').inputValue(),
    panels: await page.getByTestId('metric-panel').evaluateAll((els) => els.map((e) => e.getAttribute('data-panel'))),
    labels: await page.getByTestId('label-filter').allTextContents(),
    severities: { critical: await pressed('filter-severity-critical'), warning: await pressed('filter-severity-warning'), info: await pressed('filter-severity-info') },
    minThreat: await page.getByTestId('filter-min-threat').inputValue(),
    trace: (await page.getByTestId('waterfall-trace-id').count()) > 0 ? await page.getByTestId('waterfall-trace-id').textContent() : null,
  };
}
