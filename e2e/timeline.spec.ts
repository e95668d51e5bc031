import { expect, test } from '@playwright/test';
import type { TracesResponse } from '@/lib/api/types';
import { alignDown, apiRequestsDuring, HOUR, SEED, TimelinePage } from './support/timeline';

// Six hours around the Coinbase outage: 30 s buckets.
const FROM = SEED.outage.start - 3 * HOUR;
const TO = SEED.outage.start + 3 * HOUR;
const STEP = 30_000;

test.describe('timeline', () => {
  test('loads a window and draws its charts from real data', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const series = await timeline.openWithSeries({ from: FROM, to: TO }, 'order_latency_ms', 'p95');

    await test.step('the latency chart holds the API’s buckets and painted them', async () => {
      expect(series.step).toBe(STEP);
      const latency = timeline.panel('order_latency_ms');
      await expect(latency).toHaveAttribute('data-status', 'ready');
      const nonEmpty = series.series[0]?.points.filter((p) => p[1] !== null).length ?? 0;
      expect(nonEmpty).toBeGreaterThan(500);
      expect(Number(await latency.getAttribute('data-points'))).toBeGreaterThanOrEqual(nonEmpty);
      await expect(latency.locator('[data-chart]')).toHaveAttribute('data-rendered', /\d+/);
      expect(await timeline.paintedPixels(latency)).toBeGreaterThan(2000);
      await expect(timeline.panel('pnl_usd')).toHaveAttribute('data-status', 'ready');
    });

    await test.step('without `at` the playhead opens on the notable moment (the seeded outage), its bucket in the inspector', async () => {
      await expect.poll(() => timeline.playheadAt()).toBeGreaterThanOrEqual(SEED.outage.start - 2 * 60_000);
      const at = await timeline.playheadAt();
      expect(at).toBeLessThan(SEED.outage.end);
      const expected = series.series[0]?.points.find((p) => p[0] === alignDown(at, STEP))?.[1] ?? null;
      expect(await timeline.inspectorNumber('p95')).toBe(expected);
    });

    await timeline.screenshots('01-loaded');
  });

  test('dragging the playhead updates the inspector to the data at that instant', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const series = await timeline.openWithSeries({ from: FROM, to: TO, at: FROM + HOUR }, 'order_latency_ms', 'p95');
    const latency = timeline.panel('order_latency_ms');
    const box = await timeline.plotBox(latency);
    const y = box.y + box.height / 2;

    await test.step('drag from the playhead to the middle of the outage', async () => {
      const target = SEED.outage.start + 5 * 60_000 + 10_000;
      await page.mouse.move(await timeline.xOf(latency, FROM + HOUR, FROM, TO), y);
      await page.mouse.down();
      await page.mouse.move(await timeline.xOf(latency, target, FROM, TO), y, { steps: 12 });
      await page.mouse.up();
      await timeline.waitForParam('at', (v) => v !== null && Math.abs(Number(v) - target) < 2 * STEP);
    });

    await test.step('the inspector’s p95 is the bucket holding the new playhead', async () => {
      const at = Number(timeline.param('at'));
      expect(await timeline.playheadAt()).toBe(at);
      const expected = series.series[0]?.points.find((p) => p[0] === alignDown(at, STEP))?.[1];
      expect(expected).not.toBeNull();
      await expect.poll(() => timeline.inspectorNumber('p95')).toBe(expected);
      // Every panel draws the playhead at the same instant.
      for (const playhead of await page.getByTestId('playhead').all()) await expect(playhead).toHaveAttribute('data-at', String(at));
    });

    await test.step('once it rests, the snapshot shows the spans in flight at that instant', async () => {
      await expect(page.getByTestId('snapshot')).toHaveAttribute('data-at', timeline.param('at') ?? '');
      // The last samples at or before the playhead come from the snapshot too.
      await expect(page.getByTestId('snapshot-sample').first()).toBeVisible();
    });
    await timeline.screenshots('02-dragged');
  });

  test('scrubbing across the whole window makes no request; the snapshot is asked once it rests', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO, at: FROM + 60_000 });
    const latency = timeline.panel('order_latency_ms');
    const box = await timeline.plotBox(latency);
    const y = box.y + box.height / 2;
    const x = await timeline.xOf(latency, FROM + 60_000, FROM, TO);
    // A click sets the playhead and its snapshot waits for it to rest; grabbing it at once (as the bench
    // did) must cancel that wait rather than let the request leave in the middle of the drag.
    await page.mouse.click(x, y);
    await page.mouse.move(x, y);
    await page.mouse.down();
    const during = await apiRequestsDuring(page, async () => {
      for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + (box.width * i) / 60 - 1, y);
    });
    expect(during, during.join('\n')).toEqual([]);
    const after = await apiRequestsDuring(page, async () => {
      await page.mouse.up();
      await timeline.waitForParam('at', (v) => Number(v) > TO - 5 * 60_000);
      await expect(page.getByTestId('snapshot')).toHaveAttribute('data-at', timeline.param('at') ?? '');
    });
    expect(after.filter((r) => r.includes('/api/snapshot')), after.join('\n')).toHaveLength(1);
  });

  test('keyboard: n walks to the next notable moment (the burst), arrows by buckets, p back', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const from = SEED.burst.start - HOUR;
    const to = SEED.burst.end + HOUR;
    const at = from + 10 * 60_000;
    await timeline.open({ from, to, at });
    const moments = page.getByTestId('moments-button');
    await expect(moments).not.toHaveAttribute('data-count', '0');
    let moment = 0;

    await test.step('n lands inside the seeded burst, with its critical events in the inspector', async () => {
      await page.keyboard.press('n');
      await timeline.waitForParam('at', (v) => Number(v) > at);
      moment = Number(timeline.param('at'));
      // The density grid of a 2 h 20 min window is under a minute: the moment lies within the incident.
      expect(moment).toBeGreaterThanOrEqual(SEED.burst.start - 60_000);
      expect(moment).toBeLessThan(SEED.burst.end);
      await expect(page.locator('[data-testid="inspector-event"][data-severity="critical"]').first()).toBeVisible();
    });

    await test.step('→ moves one bucket, Shift+→ ten, ← back', async () => {
      const step = Number(await page.getByTestId('panels').getAttribute('data-step'));
      expect(step).toBe(10_000); // a 2 h 20 min window has 10 s buckets
      const start = alignDown(moment, step);
      await page.keyboard.press('ArrowRight');
      await timeline.waitForParam('at', (v) => Number(v) === start + step);
      await page.keyboard.press('Shift+ArrowRight');
      await timeline.waitForParam('at', (v) => Number(v) === start + 11 * step);
      await page.keyboard.press('ArrowLeft');
      await timeline.waitForParam('at', (v) => Number(v) === start + 10 * step);
    });

    await test.step('p goes back to the moment', async () => {
      await page.keyboard.press('p');
      await timeline.waitForParam('at', (v) => Number(v) <= moment);
      expect(Number(timeline.param('at'))).toBeGreaterThanOrEqual(SEED.burst.start - 60_000);
    });
    await timeline.screenshots('03-next-moment');
  });

  test('brushing a chart zooms the window; back restores it', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO, at: FROM + HOUR });
    const latency = timeline.panel('order_latency_ms');
    const box = await timeline.plotBox(latency);
    const y = box.y + box.height / 2;
    const t0 = SEED.outage.start - 20 * 60_000;
    const t1 = SEED.outage.start + 40 * 60_000;

    await test.step('drag across the outage', async () => {
      await page.mouse.move(await timeline.xOf(latency, t0, FROM, TO), y);
      await page.mouse.down();
      await page.mouse.move(await timeline.xOf(latency, (t0 + t1) / 2, FROM, TO), y, { steps: 5 });
      await expect(latency.getByTestId('brush')).toBeVisible();
      await page.mouse.move(await timeline.xOf(latency, t1, FROM, TO), y, { steps: 5 });
      await page.mouse.up();
    });

    await test.step('the URL holds the brushed window (to within a pixel)', async () => {
      const pixel = (TO - FROM) / box.width;
      await timeline.waitForParam('from', (v) => Math.abs(Number(v) - t0) <= 2 * pixel);
      expect(Math.abs(Number(timeline.param('to')) - t1)).toBeLessThanOrEqual(2 * pixel);
      await timeline.settled();
      await expect(page.getByTestId('overview-visible')).toBeVisible();
    });
    await timeline.screenshots('04-brushed');

    await test.step('the previous-window button and the browser’s back both return', async () => {
      await page.getByTestId('window-back').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM);
      expect(Number(timeline.param('to'))).toBe(TO);
      await page.getByTestId('window-forward').click();
      await timeline.waitForParam('from', (v) => Math.abs(Number(v) - t0) < 60_000);
      await page.goBack();
      await timeline.waitForParam('from', (v) => Number(v) === FROM);
    });
  });

  test('hovering one panel shows the crosshair in every panel at the same instant', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO });
    const latency = timeline.panel('order_latency_ms');
    const box = await timeline.plotBox(latency);
    await page.mouse.move(await timeline.xOf(latency, SEED.outage.start + 2 * 60_000, FROM, TO), box.y + box.height / 2);

    const plots = page.locator('[data-testid^="plot-"]');
    const crosshairs = page.getByTestId('crosshair');
    await expect(crosshairs).toHaveCount(await plots.count());
    const times = new Set(await crosshairs.evaluateAll((els) => els.map((e) => e.getAttribute('data-t'))));
    expect(times.size).toBe(1);
    // Aligned pixel for pixel: the same x in every panel.
    const xs = await crosshairs.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual(1);
    // Each panel labels its own value there.
    await expect(latency.getByTestId('crosshair-label')).toContainText('p95');
    await timeline.screenshots('05-crosshair');
  });

  test('clicking a failed trace opens its waterfall and marks it on the timeline', async ({ page, request }) => {
    const timeline = new TimelinePage(page);
    const from = SEED.outage.start - 30 * 60_000;
    const to = SEED.outage.start + 30 * 60_000;
    await timeline.open({ from, to });
    const failed = ((await (await request.get(`/api/traces?from=${from}&to=${to}&status=error&limit=1000`)).json()) as TracesResponse).traces;
    expect(failed.length).toBeGreaterThan(0);
    // The slowest failure stands out above the others.
    const trace = failed.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));

    await test.step('click its point', async () => {
      await timeline.clickTrace(trace, from, to);
      await timeline.waitForParam('trace', (v) => v === trace.traceId);
      const waterfall = page.getByTestId('waterfall');
      await expect(waterfall).toHaveAttribute('data-status', 'ready');
      await expect(waterfall).toHaveAttribute('data-spans', String(trace.spanCount));
      await expect(waterfall.locator('[data-testid="waterfall-span"][data-error="true"]').first()).toBeVisible();
      await expect(page.getByTestId('trace-band').first()).toBeVisible();
    });

    await test.step('a span’s attributes', async () => {
      const span = page.locator('[data-testid="waterfall-span"][data-error="true"]').last();
      await span.click();
      await expect(page.getByTestId('span-attributes')).toBeVisible();
      await page.getByTestId('waterfall').scrollIntoViewIfNeeded();
    });
    await timeline.screenshots('06-waterfall');

    await test.step('a deep link reopens it, and Close removes it from the URL', async () => {
      await page.reload();
      await expect(page.getByTestId('waterfall')).toHaveAttribute('data-status', 'ready');
      await page.getByTestId('waterfall-close').click();
      await timeline.waitForParam('trace', (v) => v === null);
      await expect(page.getByTestId('waterfall')).toHaveCount(0);
    });
  });

  test('a failing API shows its message in the panel, and Retry recovers', async ({ page }) => {
    const timeline = new TimelinePage(page);
    // The first window's series come with the page; the next one is asked of the failing API.
    await timeline.open({ from: FROM, to: TO });
    // Health answers 503 too, so the recovery watcher (which refetches once health is back) stays out of the way
    // and the panel can only come back through its Retry button.
    await page.route('**/api/health', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'down' } }) }),
    );
    await page.route('**/api/series?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'ClickHouse cannot be reached: connection refused' } }),
      }),
    );
    await page.getByTestId('zoom-out').click();
    const latency = timeline.panel('order_latency_ms');
    await expect(latency).toHaveAttribute('data-status', 'error');
    await expect(latency.getByTestId('panel-error-message')).toHaveText('ClickHouse cannot be reached: connection refused');
    // Other panels, on other routes, are unaffected.
    await expect(page.getByTestId('security-lane')).toHaveAttribute('data-status', 'ready');
    await timeline.screenshots('07-error');

    await page.unroute('**/api/series?*');
    await latency.getByTestId('panel-retry').click();
    await expect(latency).toHaveAttribute('data-status', 'ready');
    expect(await timeline.paintedPixels(latency)).toBeGreaterThan(2000);
  });

  test('the overview strip shows more than the window, brushes to zoom, and pans to a point outside the window', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const from = SEED.outage.start - HOUR;
    const to = SEED.outage.start + HOUR;
    await timeline.open({ from, to, at: SEED.outage.start });
    const overview = page.getByTestId('overview');
    const range = { from: Number(await overview.getAttribute('data-from')), to: Number(await overview.getAttribute('data-to')) };
    const plot = await page.getByTestId('overview-visible').locator('..').boundingBox();
    if (!plot) throw new Error('no overview');
    const xAt = (t: number) => plot.x + ((t - range.from) / (range.to - range.from)) * plot.width;
    const y = plot.y + plot.height / 2;
    const pixel = (range.to - range.from) / plot.width;

    await test.step('the strip spans a few windows around the view, the window marked', async () => {
      expect(range.to - range.from).toBeGreaterThanOrEqual(4 * (to - from));
      expect(range.from).toBeLessThan(from);
      expect(range.to).toBeGreaterThan(to);
      const visible = await page.getByTestId('overview-visible').boundingBox();
      expect(Math.abs((visible?.x ?? 0) - xAt(from))).toBeLessThanOrEqual(2);
    });
    await test.step('click inside the window moves the playhead', async () => {
      const target = SEED.outage.start + 20 * 60_000;
      await page.mouse.click(xAt(target), y);
      await timeline.waitForParam('at', (v) => Math.abs(Number(v) - target) <= 2 * pixel);
    });
    await test.step('drag across the strip zooms to the range brushed; the playhead stays', async () => {
      const at = Number(timeline.param('at'));
      const t0 = SEED.outage.start - 30 * 60_000;
      const t1 = SEED.outage.start + 30 * 60_000;
      await page.mouse.move(xAt(t0), y);
      await page.mouse.down();
      await page.mouse.move(xAt(t1), y, { steps: 6 });
      await expect(page.getByTestId('overview-brush')).toBeVisible();
      await page.mouse.up();
      await timeline.waitForParam('from', (v) => Math.abs(Number(v) - t0) <= 2 * pixel);
      expect(Math.abs(Number(timeline.param('to')) - t1)).toBeLessThanOrEqual(2 * pixel);
      expect(Number(timeline.param('at'))).toBe(at);
    });
    await test.step('click outside the window pans the view (same width) to the instant, with the playhead there', async () => {
      await timeline.settled();
      const wide = { from: Number(await overview.getAttribute('data-from')), to: Number(await overview.getAttribute('data-to')) };
      const box = await page.getByTestId('overview-visible').locator('..').boundingBox();
      if (!box) throw new Error('no overview');
      const target = wide.from + (wide.to - wide.from) * 0.05;
      await page.mouse.click(box.x + 0.05 * box.width, y);
      const width = Number(timeline.param('to')) - Number(timeline.param('from'));
      await timeline.waitForParam('from', (v) => Math.abs(Number(v) + width / 2 - target) < 2 * 60_000);
      expect(Math.abs(Number(timeline.param('at')) - target)).toBeLessThan(2 * 60_000);
    });
    await timeline.screenshots('05-overview-brushed');
  });

  test('panning back through the last windows draws them from the cache; a window left long ago is asked again', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO });
    const panels = page.getByTestId('panels');
    const froms = [Number(await panels.getAttribute('data-from'))];
    for (let i = 0; i < 10; i++) {
      await page.getByTestId('pan-left').click();
      await expect(panels).not.toHaveAttribute('data-from', String(froms.at(-1)));
      await timeline.settled();
      froms.push(Number(await panels.getAttribute('data-from')));
    }
    // Every series answer is held while the panel is looked at: a panel that has its window's answer
    // cached is ready at once (stale or not), one whose answer was dropped is loading until released.
    const held: (() => Promise<void>)[] = [];
    await page.route('**/api/series?*', (route) => void held.push(() => route.continue()));
    const latency = timeline.panel('order_latency_ms');
    const expected: Record<number, string> = { 1: 'ready', 2: 'ready', 10: 'loading' };
    for (let back = 1; back <= 10; back++) {
      await page.getByTestId('pan-right').click();
      await expect(panels).toHaveAttribute('data-from', String(froms[10 - back]));
      const status = expected[back];
      if (status) await expect(latency, `${back} windows back`).toHaveAttribute('data-status', status);
      await Promise.all(held.splice(0).map((release) => release()));
      await timeline.settled();
    }
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await Promise.all(held.splice(0).map((release) => release()));
  });

  test('play advances the playhead and the panels follow', async ({ page }) => {
    const timeline = new TimelinePage(page);
    const start = FROM + 30 * 60_000;
    await timeline.open({ from: FROM, to: TO, at: start });
    await page.getByTestId('play-speed').selectOption('600');
    await page.getByTestId('play-toggle').click();
    await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'true');
    // While playing, the panels' playheads move (every panel at the same instant).
    await expect.poll(async () => Number(await timeline.panel('pnl_usd').getByTestId('playhead').getAttribute('data-at'))).toBeGreaterThan(start + 120_000);
    await page.waitForTimeout(700);
    await page.getByTestId('play-toggle').click();
    await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
    await timeline.waitForParam('at', (v) => Number(v) > start + 300_000);
    const at = Number(timeline.param('at'));
    for (const playhead of await page.getByTestId('playhead').all()) await expect(playhead).toHaveAttribute('data-at', String(at));
  });
});
