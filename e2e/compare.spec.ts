import { expect, test, type Page } from '@playwright/test';
import type { ChangesResponse } from '@/lib/api/types';
import { grafanaDataLinks } from '@/lib/grafana/data-links';
import { INCIDENT_SIGNALS } from '@/lib/seed/incidents';
import { fillGrafanaTemplate } from '@/test/grafana-data-links';
import { CLIPBOARD, readClipboard } from './support/links';
import { E2E_GRAFANA_PANEL, E2E_GRAFANA_URL } from './support/server-env';
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
    const answer = page.waitForResponse((r) => r.url().includes('/api/changes') && r.ok());
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
  await timeline.screenshots('60-compare-changes', page.getByTestId('changes'));
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
  const answer = page.waitForResponse((r) => r.url().includes('/api/changes') && r.ok());
  await timeline.open({ from: SEED.burst.start, to: SEED.burst.end, compare: 'previous' });
  const body = (await (await answer).json()) as ChangesResponse;
  const index = body.changes.findIndex((c) => c.signal === 'security' && c.field === 'sourceIp');
  const row = body.changes[index];
  expect(row?.signal === 'security' && (burst.sourceIps as readonly string[]).includes(row.value)).toBe(true);
  // The burst's service and actions follow from its addresses and types: listed after a divider that says so.
  const explained = page.getByTestId('changes-explained');
  await explained.scrollIntoViewIfNeeded();
  await expect(explained).toBeVisible();
  await timeline.screenshots('66-compare-explained', page.getByTestId('changes'));
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

test('a second brush on the overview picks the baseline window, drawn as a muted band', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const { start: from, end: to } = SEED.outage;
  await timeline.open({ from, to, at: from + 6 * MINUTE, panel: 'exchange_connected;avg;@exchange' });
  await expect(page.getByTestId('overview-baseline')).toHaveCount(0);
  const strip = await overviewGeometry(page);

  await test.step('"Pick baseline" then a drag sets compare= to the window brushed; the window stays', async () => {
    const toggle = page.getByTestId('pick-baseline');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('overview-plot')).toHaveAttribute('data-picking', 'true');
    const [t0, t1] = [from - 22 * MINUTE, from - 10 * MINUTE];
    await page.mouse.move(strip.xAt(t0), strip.y);
    await page.mouse.down();
    await page.mouse.move(strip.xAt(t1), strip.y, { steps: 6 });
    await expect(page.getByTestId('overview-brush')).toHaveAttribute('data-kind', 'baseline');
    await timeline.screenshots('63-compare-brushing');
    await page.mouse.up();
    await timeline.waitForParam('compare', (v) => v !== null);
    const [a, b] = (timeline.param('compare') ?? '').split('~').map(Number) as [number, number];
    expect(Math.abs(a - t0)).toBeLessThanOrEqual(2 * strip.pixel);
    expect(Math.abs(b - t1)).toBeLessThanOrEqual(2 * strip.pixel);
    expect([Number(timeline.param('from')), Number(timeline.param('to'))]).toEqual([from, to]);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    // What the user sees: the band where they brushed, the list and the panels against that window.
    const band = page.getByTestId('overview-baseline');
    await expect(band).toHaveAttribute('data-visible', 'true');
    await expect(band).toHaveAttribute('data-from', String(a));
    const box = await band.boundingBox();
    expect(Math.abs((box?.x ?? 0) - strip.xAt(a))).toBeLessThanOrEqual(2);
    await expect(page.getByTestId('changes-list')).toHaveAttribute('data-baseline-from', String(a));
    await expect(page.getByTestId('changes-list')).toHaveAttribute('data-baseline-to', String(b));
    await expect(page.getByTestId('compare-select')).toHaveValue(`${a}~${b}`);
    await expect(timeline.panel('exchange_connected')).toHaveAttribute('data-baseline', /[1-9]/);
  });

  await test.step('Shift+drag picks another without the toggle; a plain drag still zooms', async () => {
    const [t0, t1] = [to + 4 * MINUTE, to + 16 * MINUTE];
    await page.keyboard.down('Shift');
    await page.mouse.move(strip.xAt(t0), strip.y);
    await page.mouse.down();
    await page.mouse.move(strip.xAt(t1), strip.y, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await timeline.waitForParam('compare', (v) => Math.abs(Number(v?.split('~')[0]) - t0) <= 2 * strip.pixel);
    expect([Number(timeline.param('from')), Number(timeline.param('to'))]).toEqual([from, to]);
    await expect(page.getByTestId('overview-baseline')).toHaveAttribute('data-visible', 'true');
  });

  for (const width of [1440, 1280, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await timeline.settled();
    await timeline.screenshots(`64-compare-baseline-band-${width}`);
  }

  await test.step('a baseline outside the strip is marked at the edge it lies beyond', async () => {
    await page.getByTestId('compare-select').selectOption('-1d');
    await expect(page.getByTestId('overview-baseline')).toHaveAttribute('data-visible', 'false');
    await expect(page.getByTestId('overview-baseline')).toHaveText('◀ baseline');
  });
});

test('an embed with compare draws the baseline; "Embed" copies it with the view', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const { start: from, end: to } = SEED.outage;
  await timeline.open({ from, to, at: from + 6 * MINUTE, compare: 'previous', panel: ['exchange_connected;avg;@exchange', 'fill_rate;avg;@exchange'] });
  await page.getByTestId('copy-embed').click();
  await expect(page.getByTestId('copy-embed')).toHaveText('✓ Embed copied');
  const snippet = await readClipboard(page);
  const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const url = new URL(src);
  expect(url.pathname).toBe('/embed');
  expect(url.searchParams.get('compare')).toBe('previous');

  await page.goto(src);
  await timeline.settled();
  await expect(page.getByTestId('embed-compare')).toHaveText('vs the window before');
  await expect(page.getByTestId('embed-compare')).toHaveAttribute('data-baseline-from', String(from - (to - from)));
  for (const metric of ['exchange_connected', 'fill_rate']) {
    const panel = timeline.panel(metric);
    await expect(panel).toHaveAttribute('data-baseline', /[1-9]/);
    await expect(panel.getByText('baseline: the window before')).toBeVisible();
  }
  await expect(page.getByTestId('traces-lane')).toHaveAttribute('data-ghost', /^[1-9]\d*$/);
  await expect(page.getByTestId('open-in-flashback')).toHaveAttribute('href', /compare=previous/);
  for (const width of [1440, 1280, 900]) {
    await page.setViewportSize({ width, height: 600 });
    await timeline.screenshots(`65-compare-embed-${width}`);
  }
});

test('Grafana both ways: a data link opens compare mode; links out open the window and the baseline', async ({ page }) => {
  const timeline = new TimelinePage(page);
  const clicked = SEED.outage.start + 6 * MINUTE;
  const template = grafanaDataLinks('exchange').find((l) => l.id === 'compare-day')?.template ?? '';
  await page.goto(fillGrafanaTemplate(template, { from: 'now-6h', to: 'now', valueTime: clicked }));
  await timeline.settled();
  const [from, to] = [clicked - 5 * MINUTE, clicked + 5 * MINUTE];
  const day = 24 * HOUR;

  await test.step('the link lands on the clicked moment, compared with the same minutes a day earlier', async () => {
    expect([Number(timeline.param('from')), Number(timeline.param('to')), timeline.param('compare')]).toEqual([from, to, '-1d']);
    await expect(page.getByTestId('compare-select')).toHaveValue('-1d');
    await expect(page.getByTestId('changes-list')).toHaveAttribute('data-baseline-from', String(from - day));
    await expect(timeline.metricPanels().first()).toHaveAttribute('data-baseline', /[1-9]/);
  });

  await test.step('out to Grafana: the dashboard and each Grafana panel at the window, and again at the baseline', async () => {
    const range = async (testId: string) => {
      const href = new URL((await page.getByTestId(testId).first().getAttribute('href')) ?? '');
      expect(href.origin).toBe(new URL(E2E_GRAFANA_URL).origin);
      return { from: Number(href.searchParams.get('from')), to: Number(href.searchParams.get('to')), panel: href.searchParams.get('viewPanel') };
    };
    expect(await range('open-in-grafana')).toEqual({ from, to, panel: null });
    expect(await range('open-in-grafana-baseline')).toEqual({ from: from - day, to: to - day, panel: null });
    expect(await range('grafana-panel-open')).toEqual({ from, to, panel: String(E2E_GRAFANA_PANEL.panelId) });
    expect(await range('grafana-panel-open-baseline')).toEqual({ from: from - day, to: to - day, panel: String(E2E_GRAFANA_PANEL.panelId) });
  });

  await test.step('compare off: one link again', async () => {
    await page.getByTestId('compare-select').selectOption('');
    await timeline.waitForParam('compare', (v) => v === null);
    await expect(page.getByTestId('open-in-grafana-baseline')).toHaveCount(0);
    await expect(page.getByTestId('grafana-panel-open-baseline')).toHaveCount(0);
  });
});

/** The overview strip's time axis: the pixel of an instant, and how many ms one pixel spans. */
async function overviewGeometry(page: Page) {
  const overview = page.getByTestId('overview');
  const range = { from: Number(await overview.getAttribute('data-from')), to: Number(await overview.getAttribute('data-to')) };
  const plot = await page.getByTestId('overview-visible').locator('..').boundingBox();
  if (!plot) throw new Error('no overview');
  return {
    xAt: (t: number) => plot.x + ((t - range.from) / (range.to - range.from)) * plot.width,
    y: plot.y + plot.height / 2,
    pixel: (range.to - range.from) / plot.width,
  };
}

async function indexOfLine(page: import('@playwright/test').Page, line: string): Promise<number> {
  const lines = await page.getByTestId('inspector-value').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
  return lines.indexOf(line);
}
