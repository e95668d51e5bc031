import { expect, test, type Page } from '@playwright/test';
import { SEED, TimelinePage } from './support/timeline';

/**
 * Import from the browser: a file dropped on the page is uploaded with
 * progress, the summary says what it wrote, and the view lands on the
 * imported data's window with its chart drawn. The data lies years before
 * the seeded e2e data, so other specs never see it; re-runs are no-ops for
 * the tables (the import ledger), not for this test.
 */

const START = Date.UTC(2019, 2, 1, 10, 0, 0);
const STEP = 5 * 60_000;
const POINTS = 13;
/** A NAB-like series: the metric is named after the file, the panel the view opens by default shows it. */
const CSV = ['timestamp,value', ...Array.from({ length: POINTS }, (_, i) => `${new Date(START + i * STEP).toISOString()},${20 + (i % 4) * 5}`)].join('\n');

async function dropFile(page: Page, name: string, content: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: 'text/csv' }));
      return dt;
    },
    { name, content },
  );
  await page.dispatchEvent('[data-testid="timeline-page"]', 'dragover', { dataTransfer });
  await expect(page.getByTestId('import-drop-zone')).toBeVisible();
  await page.dispatchEvent('[data-testid="timeline-page"]', 'drop', { dataTransfer });
}

/** Records every phase the import panel goes through (they can pass faster than a poll). */
async function recordPhases(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importPhases: string[] }).importPhases = seen;
    new MutationObserver(() => {
      const phase = document.querySelector('[data-testid="import-panel"]')?.getAttribute('data-phase');
      if (phase && seen.at(-1) !== phase) seen.push(phase);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
  });
}

test.describe('import from the browser', () => {
  test('a dropped CSV shows progress and its summary, then the view lands on its window with the chart drawn', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: SEED.end - 3_600_000, to: SEED.end });
    await recordPhases(page);

    await test.step('drop the file', () => dropFile(page, 'order_latency_ms.csv', CSV));

    await test.step('progress, then the summary', async () => {
      const panel = page.getByTestId('import-panel');
      await expect(panel).toHaveAttribute('data-phase', 'done');
      const phases = await page.evaluate(() => (window as unknown as { importPhases: string[] }).importPhases);
      expect(phases[0]).toBe('uploading');
      expect(phases.at(-1)).toBe('done');
      await expect(panel.getByTestId('import-table')).toHaveAttribute('data-rows', String(POINTS));
      await expect(panel.getByTestId('import-summary')).toContainText('Metric samples');
      await expect(panel.getByTestId('import-summary')).toContainText('2019-03-01 10:00:00 → 2019-03-01 11:00:00');
    });

    await test.step('the view moved to the data and drew it', async () => {
      await timeline.waitForParam('from', (v) => Number(v) <= START && Number(v) > START - 3_600_000);
      await timeline.waitForParam('to', (v) => Number(v) > START + (POINTS - 1) * STEP);
      await timeline.settled();
      const chart = timeline.panel('order_latency_ms');
      await expect(chart).toHaveAttribute('data-status', 'ready');
      expect(await timeline.paintedPixels(chart)).toBeGreaterThan(500);
    });

    for (const width of [1440, 1280, 900]) {
      await page.setViewportSize({ width, height: 900 });
      await timeline.screenshots(`import-${width}`);
    }
  });

  test('a file in no format Flashback reads gets a clear message and nothing moves', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const window = { from: SEED.end - 3_600_000, to: SEED.end };
    await timeline.open(window);
    await dropFile(page, 'notes.txt', 'just some words\n');
    await expect(page.getByTestId('import-panel')).toHaveAttribute('data-phase', 'failed');
    await expect(page.getByTestId('import-error')).toContainText('cannot tell its format');
    expect(Number(timeline.param('from'))).toBe(window.from);
    await page.getByTestId('import-close').click();
    await expect(page.getByTestId('import-panel')).toHaveCount(0);
  });
});
