import { expect, type Locator, type Page, type Response } from '@playwright/test';
import type { SeriesResponse } from '@/lib/api/types';

/**
 * The timeline page object, on data-testids. The e2e data set is seeded with a
 * fixed end (e2e/support/serve.sh), so tests deep-link to known instants.
 */

const ms = (iso: string) => Date.parse(iso);

export const SEED = {
  end: ms('2026-01-15T12:00:00Z'),
  /** Coinbase connectivity loss: 06:00–06:12 on the last day. */
  outage: { start: ms('2026-01-15T06:00:00Z'), end: ms('2026-01-15T06:12:00Z') },
  /** Credential-stuffing burst: 21:00–21:20 the day before. */
  burst: { start: ms('2026-01-14T21:00:00Z'), end: ms('2026-01-14T21:20:00Z') },
};

export const HOUR = 3_600_000;

export type ViewQuery = Record<string, string | number | readonly string[]>;

export function viewUrl(query: ViewQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.append(key, String(value));
  }
  return `/?${search.toString()}`;
}

export function alignDown(t: number, step: number): number {
  return Math.floor(t / step) * step;
}

/**
 * Screenshots are for people looking at what they changed: taken by every local run,
 * and in CI only with E2E_SCREENSHOTS=1 (about 80 of them, a minute of the suite).
 */
const TAKE_SCREENSHOTS = !process.env.CI || !!process.env.E2E_SCREENSHOTS;

/** Two animation frames: what the page drew after a change of class is on screen. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

export class TimelinePage {
  constructor(readonly page: Page) {}

  readonly metricPanels = () => this.page.getByTestId('metric-panel');
  readonly inspector = () => this.page.getByTestId('inspector');

  panel(metric: string): Locator {
    return this.page.locator(`[data-testid="metric-panel"][data-metric="${metric}"]`);
  }

  /** Opens a view and waits until every panel has settled (drawn, empty or failed). */
  async open(query: ViewQuery) {
    await this.page.goto(viewUrl(query));
    await this.settled();
  }

  /**
   * Opens a view and returns the API's answer for one aggregation of a panel's
   * metric on the view's grid, asked apart (the first screen's own answers
   * come with the page, not over the network).
   */
  async openWithSeries(query: ViewQuery, metric: string, agg: string): Promise<SeriesResponse> {
    await this.open(query);
    const panels = this.page.getByTestId('panels');
    const [from, to, step] = await Promise.all(['data-from', 'data-to', 'data-step'].map((a) => panels.getAttribute(a)));
    const response = await this.page.request.get(`/api/series?metric=${metric}&agg=${agg}&from=${from}&to=${to}&step=${step}`);
    expect(response.ok()).toBe(true);
    return (await response.json()) as SeriesResponse;
  }

  /** Waits until the full view or an embed (/embed, no overview) has drawn every panel it shows. */
  async settled() {
    await expect(this.page.getByTestId('timeline-page').or(this.page.getByTestId('embed'))).toBeVisible();
    // Counted, not iterated: the panel set may change meanwhile (default panels follow the window's catalog).
    const loading = this.page.locator('[data-status="loading"]');
    for (const locator of [this.metricPanels(), this.page.getByTestId('security-lane'), this.page.getByTestId('traces-lane'), this.page.getByTestId('anomaly-lane'), this.page.getByTestId('overview')]) {
      await expect(locator.and(loading)).toHaveCount(0);
    }
  }

  url(): URL {
    return new URL(this.page.url());
  }

  param(key: string): string | null {
    return this.url().searchParams.get(key);
  }

  async waitForParam(key: string, predicate: (value: string | null) => boolean) {
    await expect.poll(() => predicate(this.param(key)), { message: `URL parameter ${key}` }).toBe(true);
  }

  /** The plot box (the area between the axis margins) of a panel's chart. */
  async plotBox(panel: Locator) {
    const box = await panel.getByTestId('chart-box').first().boundingBox();
    if (!box) throw new Error('panel plot is not visible');
    return box;
  }

  /** The x pixel of instant t in a panel whose window is [from, to). */
  async xOf(panel: Locator, t: number, from: number, to: number) {
    const box = await this.plotBox(panel);
    return box.x + ((t - from) / (to - from)) * box.width;
  }

  /** Clicks a trace's dot in the traces lane (x by its start, y on the lane's log duration axis) over the window [from, to). */
  async clickTrace(trace: { start: number; durationMs: number }, from: number, to: number) {
    const lane = this.page.getByTestId('traces-lane');
    await expect(lane).toHaveAttribute('data-status', 'ready');
    await lane.scrollIntoViewIfNeeded();
    const [yMin, yMax, top, bottom] = await Promise.all(['data-y-min', 'data-y-max', 'data-grid-top', 'data-grid-bottom'].map(async (a) => Number(await lane.getAttribute(a))));
    const chart = await lane.locator('[data-chart]').boundingBox();
    const plot = await this.plotBox(lane);
    if (!chart || yMin === undefined || yMax === undefined || top === undefined || bottom === undefined) throw new Error('no traces chart');
    const log = (d: number) => Math.log10(Math.max(d, yMin));
    const y = chart.y + top + (1 - (log(trace.durationMs) - log(yMin)) / (log(yMax) - log(yMin))) * (chart.height - top - bottom);
    await this.page.mouse.click(plot.x + ((trace.start - from) / (to - from)) * plot.width, y);
  }

  inspectorValue(line: string): Locator {
    return this.page.locator(`[data-testid="inspector-value"][data-line="${line}"]`);
  }

  async inspectorNumber(line: string): Promise<number | null> {
    const raw = await this.inspectorValue(line).first().getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  async playheadAt(): Promise<number> {
    return Number(await this.page.getByTestId('inspector-time').getAttribute('data-at'));
  }

  /** Pixels of a panel's canvas that are not transparent (the chart drew something). */
  async paintedPixels(panel: Locator): Promise<number> {
    return panel
      .locator('canvas')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext('2d');
        if (!ctx) return 0;
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
        return painted;
      });
  }

  /** Switches the system colour scheme, which the app follows while the user has not chosen a theme. */
  async setSystemTheme(theme: 'light' | 'dark') {
    await this.page.emulateMedia({ colorScheme: theme });
    // The <html> class (the full view and /embed both apply it).
    await expect(this.page.locator('html')).toHaveClass(theme === 'dark' ? /(^|\s)dark(\s|$)/ : /^(?!.*(^|\s)dark(\s|$))/);
  }

  /**
   * Saves test-results/screenshots/<name>-<theme>.png in both themes (the page,
   * or just `only`), without clicking anything (an open popover stays open),
   * then returns to light.
   */
  async screenshots(name: string, only?: Locator) {
    if (!TAKE_SCREENSHOTS) return;
    for (const theme of ['light', 'dark'] as const) {
      await this.setSystemTheme(theme);
      await nextFrames(this.page); // charts redraw with the theme's palette
      const path = `test-results/screenshots/${name}-${theme}.png`;
      await (only ? only.screenshot({ path }) : this.page.screenshot({ path }));
    }
    await this.setSystemTheme('light');
  }

  /** `screenshots` at each width (the height kept), for a page whose layout follows the width; the width is restored after. */
  async screenshotsAtWidths(name: string, only?: Locator, widths = [1440, 1280, 900]) {
    if (!TAKE_SCREENSHOTS) return;
    const before = this.page.viewportSize() ?? { width: 1280, height: 720 };
    for (const width of widths) {
      await this.page.setViewportSize({ width, height: before.height });
      await nextFrames(this.page);
      await this.screenshots(`${name}-${width}`, only);
    }
    await this.page.setViewportSize(before);
  }
}

/** Requests to the API made while `action` runs. */
export async function apiRequestsDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (request: { url: () => string }) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(request.url());
  };
  page.on('request', listener);
  try {
    await action();
  } finally {
    page.off('request', listener);
  }
  return seen;
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
