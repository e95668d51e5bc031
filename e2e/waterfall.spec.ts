import { expect, test } from '@playwright/test';
import type { AnomaliesResponse, TraceResponse, TracesResponse } from '@/lib/api/types';
import { SEED, TimelinePage } from './support/timeline';

/**
 * The trace waterfall opens in view, with the focus on it, and carries a time
 * ruler; the anomaly lane's names never cover its markers. At 1440, 1280×720
 * and 900 px, screenshots in both themes.
 */

const MINUTE = 60_000;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 900, height: 800 },
];

/** A ruler label back to milliseconds: "0", "250 µs", "25 ms", "1.5 s". */
function labelMs(label: string): number {
  if (label === '0') return 0;
  const match = /^([\d.]+) (µs|ms|s)$/.exec(label);
  if (!match) throw new Error(`not a ruler label: ${label}`);
  return Number(match[1]) * { µs: 0.001, ms: 1, s: 1000 }[match[2] as 'µs' | 'ms' | 's'];
}

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} a trace opened from the traces lane is in view, focused, with a ruler`, async ({ page, request }) => {
    await page.setViewportSize(size);
    const timeline = new TimelinePage(page);
    const from = SEED.outage.start - 30 * MINUTE;
    const to = SEED.outage.start + 30 * MINUTE;
    await timeline.open({ from, to });
    const failed = ((await (await request.get(`/api/traces?from=${from}&to=${to}&status=error&limit=1000`)).json()) as TracesResponse).traces;
    const trace = failed.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    await page.evaluate(() => window.scrollTo(0, 0));
    await timeline.clickTrace(trace, from, to);

    const waterfall = page.getByTestId('waterfall');
    await expect(waterfall).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('waterfall-trace-id')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('waterfall-ruler')).toBeInViewport({ ratio: 1 });
    await expect(waterfall).toBeFocused();

    // Ticks are placed by their own labels' offsets against the trace's extent computed here from its spans.
    const { spans } = (await (await request.get(`/api/traces/${trace.traceId}`)).json()) as TraceResponse;
    const total = Math.max(...spans.map((s) => s.start + s.durationMs)) - Math.min(...spans.map((s) => s.start));
    const ticks = page.getByTestId('ruler-tick');
    const labels = await ticks.allTextContents();
    expect(labels[0]).toBe('0');
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const offsets = labels.map(labelMs);
    const step = (offsets[1] ?? 0) - (offsets[0] ?? 0);
    offsets.forEach((o, i) => expect(o).toBeCloseTo(i * step, 6));
    expect(offsets.at(-1)).toBeLessThanOrEqual(total + 1e-6);
    expect(offsets.at(-1)! + step).toBeGreaterThan(total);
    const column = await page.getByTestId('waterfall-ruler').locator('span').nth(1).boundingBox();
    if (!column) throw new Error('no ruler column');
    for (const [i, tick] of (await ticks.all()).entries()) {
      const box = (await tick.boundingBox())!;
      const x = column.x + ((offsets[i] ?? 0) / total) * column.width;
      // A tick's mark is its left edge, or its right edge for the last one hanging left.
      expect(Math.min(Math.abs(box.x - x), Math.abs(box.x + box.width - x))).toBeLessThanOrEqual(1.5);
    }
    await timeline.screenshots(`waterfall-${size.width}`);
  });

  test(`at ${size.width}×${size.height} the anomaly lane's names do not overlap its markers`, async ({ page, request }) => {
    await page.setViewportSize(size);
    const timeline = new TimelinePage(page);
    // The window opens on the outage's first anomalies: markers at the left edge, where names used to be drawn.
    const from = SEED.outage.start;
    const to = SEED.outage.start + 30 * MINUTE;
    await timeline.open({ from, to });
    const { anomalies } = (await (await request.get('/api/anomalies', { params: { from, to, only_anomalies: 'true', limit: 10000 } })).json()) as AnomaliesResponse;
    expect(anomalies.length).toBeGreaterThan(0);
    const metrics = [...new Set(anomalies.map((a) => a.metric))].sort();
    const lane = page.getByTestId('anomaly-lane');
    await lane.scrollIntoViewIfNeeded();
    const labels = lane.getByTestId('anomaly-label');
    await expect(labels).toHaveCount(metrics.length);
    // Category rows count from the bottom: the list is drawn bottom-up, so its DOM order is the metrics' order.
    expect(await labels.evaluateAll((els) => els.map((e) => e.getAttribute('title')))).toEqual(metrics);

    const plot = await timeline.plotBox(lane);
    const rows = await lane.getByTestId('anomaly-labels').boundingBox();
    if (!rows) throw new Error('no label gutter');
    const rowHeight = rows.height / metrics.length;
    const markers = anomalies.map((a) => {
      const size = Math.min(14, 5 + Math.abs(a.deviationScore));
      const cx = plot.x + ((a.timestamp - from) / (to - from)) * plot.width;
      const cy = rows.y + rows.height - (metrics.indexOf(a.metric) + 0.5) * rowHeight;
      return { x: cx - size / 2, y: cy - size / 2, width: size, height: size };
    });
    const nameBoxes = await labels.locator('span').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
    for (const name of nameBoxes) {
      expect(name.width).toBeGreaterThan(0);
      expect(markers.filter((m) => intersects(name, m))).toEqual([]);
    }
    await timeline.screenshots(`anomaly-lane-${size.width}`, lane);
  });
}
