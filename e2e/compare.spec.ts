import { expect, test } from '@playwright/test';
import type { ChangesResponse } from '@/lib/api/types';
import { INCIDENT_SIGNALS } from '@/lib/seed/incidents';
import { CLIPBOARD, readClipboard } from './support/links';
import { HOUR, SEED, TimelinePage } from './support/timeline';

// Compare mode: a baseline under every metric panel, the inspector's deltas, and the ranked "What changed".

const MINUTE = 60_000;
const outage = INCIDENT_SIGNALS['coinbase-outage'];

test.use({ permissions: CLIPBOARD });

test('compare mode: turned on from the UI, drawn, ranked, clicked through, and kept by a copied link', async ({ page, browser }) => {
  const timeline = new TimelinePage(page);
  await timeline.open({ from: SEED.outage.start, to: SEED.outage.end, at: SEED.outage.start + 6 * MINUTE, panel: 'exchange_connected;avg;@exchange' });
  await expect(page.getByTestId('changes-off')).toBeVisible();

  const changes = await test.step('pick "the window before": the URL says so and the list is ranked', async () => {
    const answer = page.waitForResponse((r) => r.url().includes('/api/changes'));
    await page.getByTestId('compare-select').selectOption('previous');
    await timeline.waitForParam('compare', (v) => v === 'previous');
    const body = (await (await answer).json()) as ChangesResponse;
    expect(body.baseline).toEqual({ from: SEED.outage.start - 12 * MINUTE, to: SEED.outage.start });
    await expect(page.getByTestId('change-row').first()).toBeVisible();
    return body;
  });

  await test.step('the panel draws the baseline and the inspector shows it beside each value', async () => {
    const panel = timeline.panel('exchange_connected');
    await expect(panel).toHaveAttribute('data-baseline', /[1-9]/);
    await expect(panel).toHaveAttribute('data-series', await panel.getAttribute('data-baseline') ?? '');
    // At the playhead coinbase is disconnected (0) where the hour before it was connected (1).
    const coinbase = page.locator('[data-testid="inspector-value"][data-line="coinbase"]');
    await expect(coinbase).toHaveAttribute('data-value', '0');
    const base = page.getByTestId('inspector-baseline').nth(await indexOfLine(page, 'coinbase'));
    await expect(base).toHaveAttribute('data-baseline', '1');
    await expect(base).toContainText('Δ -1');
  });

  await test.step('the lanes draw the baseline counts as ghost bars', async () => {
    // The hour before the outage holds spans in every bucket; security events and flags are sparse at this scale.
    await expect(page.getByTestId('traces-lane')).toHaveAttribute('data-ghost', /^[1-9]\d*$/);
    await expect(page.getByTestId('security-lane')).toHaveAttribute('data-ghost', /^\d+$/);
    await expect(page.getByTestId('anomaly-lane')).toHaveAttribute('data-ghost', /^\d+$/);
  });

  await timeline.screenshots('60-compare');
  for (const width of [1440, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await timeline.screenshots(`60-compare-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  await test.step('a metric row names a coinbase series; its click adds that panel', async () => {
    const index = changes.changes.findIndex((c) => c.signal === 'metric' && c.label?.value === outage.exchange && c.metric === 'fill_rate');
    expect(index).toBeGreaterThanOrEqual(0);
    const row = page.locator(`[data-testid="change-row"][data-rank="${index}"]`);
    await expect(row).toHaveAttribute('title', /baseline/);
    await row.click();
    await timeline.waitForParam('panel', () => timeline.url().searchParams.getAll('panel').some((p) => p.startsWith('fill_rate;avg') && p.includes('exchange:coinbase')));
    await expect(page.locator('[data-testid="metric-panel"][data-metric="fill_rate"]')).toBeInViewport();
  });

  await test.step('Copy link keeps compare mode; a fresh browser reopens it', async () => {
    await page.getByTestId('copy-link').click();
    const link = await readClipboard(page);
    expect(new URL(link).searchParams.get('compare')).toBe('previous');
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const fresh = await context.newPage();
    await fresh.goto(link);
    await expect(fresh.getByTestId('compare-select')).toHaveValue('previous');
    await expect(fresh.getByTestId('change-row').first()).toBeVisible();
    await expect(fresh.locator('[data-testid="metric-panel"][data-metric="exchange_connected"]')).toHaveAttribute('data-baseline', /[1-9]/);
    await context.close();
  });
});

test('a security row filters the events to its value', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const burst = INCIDENT_SIGNALS['credential-stuffing'];
  const answer = page.waitForResponse((r) => r.url().includes('/api/changes'));
  await timeline.open({ from: SEED.burst.start, to: SEED.burst.end, compare: 'previous' });
  const body = (await (await answer).json()) as ChangesResponse;
  const index = body.changes.findIndex((c) => c.signal === 'security' && c.field === 'sourceIp');
  const row = body.changes[index];
  expect(row?.signal === 'security' && (burst.sourceIps as readonly string[]).includes(row.value)).toBe(true);
  await page.locator(`[data-testid="change-row"][data-rank="${index}"]`).click();
  await timeline.waitForParam('ip', (v) => row?.signal === 'security' && v === row.value);
  await expect(page.getByTestId('security-lane')).toBeInViewport();
});

test('two quiet hours: nothing stands out', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const from = SEED.end - 30 * HOUR;
  await timeline.open({ from, to: from + HOUR, compare: '-1h' });
  await expect(page.getByTestId('changes-none')).toContainText('Nothing stands out');
  await timeline.screenshots('61-compare-quiet', page.getByTestId('changes'));

  await test.step('an absolute baseline window of any length, typed like the time picker takes times', async () => {
    await page.getByTestId('compare-select').selectOption('custom');
    await page.getByTestId('baseline-from').fill(new Date(from - 48 * HOUR).toISOString());
    await page.getByTestId('baseline-to').fill(String(from - 24 * HOUR));
    await timeline.screenshots('62-compare-custom', page.getByTestId('changes'));
    await page.getByTestId('baseline-apply').click();
    await timeline.waitForParam('compare', (v) => v === `${from - 48 * HOUR}~${from - 24 * HOUR}`);
    await expect(page.getByTestId('changes-list')).toHaveAttribute('data-baseline-from', String(from - 48 * HOUR));
    await expect(page.getByTestId('changes-none').or(page.getByTestId('change-row').first())).toBeVisible();
  });
});

async function indexOfLine(page: import('@playwright/test').Page, line: string): Promise<number> {
  const lines = await page.getByTestId('inspector-value').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
  return lines.indexOf(line);
}
