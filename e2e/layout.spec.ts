import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { TracesResponse } from '@/lib/api/types';
import { HOUR, SEED, TimelinePage } from './support/timeline';

/**
 * Layout and accessibility: at 900 px, 1280×720 and 1440 px nothing of the
 * chrome is cut off or off-screen (asserted from bounding boxes); axe finds
 * no serious or critical violation on / and /embed in either theme; every
 * control of the page (chrome, lanes' filters, security table, inspector,
 * what-changed panel, waterfall) is reachable by Tab and shows where the focus is.
 */

const VIEW = {
  from: SEED.outage.start - HOUR,
  to: SEED.outage.start + HOUR,
  at: SEED.outage.start + 60_000,
  pin: [`${SEED.outage.start + 60_000}:coinbase feed lost`],
};
const SIZES = [
  { width: 900, height: 800 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

/** Controls and labelled regions of the chrome whose box lies (even partly) outside the viewport horizontally. */
async function offscreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('button, select, input, a, [data-testid]')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // Chart internals scroll with their panel; only what a user must reach counts.
      if (el.closest('[data-chart]')) continue;
      if (box.left < -0.5 || box.right > width + 0.5) out.push(`${el.dataset.testid ?? el.tagName.toLowerCase()} [${Math.round(box.left)}, ${Math.round(box.right)}] of ${width}`);
    }
    return out;
  });
}

test.describe('layout', () => {
  for (const size of SIZES) {
    test(`nothing is cut off or off-screen at ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      const timeline = new TimelinePage(page);
      await timeline.open(VIEW);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(await offscreen(page)).toEqual([]);
      for (const id of ['theme-toggle', 'tz-select', 'copy-link', 'zoom-out', 'play-toggle', 'moments-button', 'pins-button', 'inspector-time']) {
        await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
      }
      await timeline.screenshots(`layout-${size.width}`);
      await page.getByTestId('moments-button').click();
      expect(await offscreen(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('pins-button').click();
      expect(await offscreen(page)).toEqual([]);
      await timeline.screenshots(`layout-${size.width}-pins`);
    });
  }
});

test.describe('accessibility', () => {
  for (const path of ['/', '/embed'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`axe finds no serious or critical violation on ${path} (${theme})`, async ({ page }) => {
        const timeline = new TimelinePage(page);
        await page.emulateMedia({ colorScheme: theme });
        const search = new URLSearchParams([['from', String(VIEW.from)], ['to', String(VIEW.to)], ['at', String(VIEW.at)], ['pin', VIEW.pin[0] ?? '']]);
        await page.goto(`${path}?${search.toString()}`);
        await timeline.settled();
        const results = await new AxeBuilder({ page }).exclude('iframe').analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(bad).toEqual([]);
      });
    }
  }

  test('every control of the page is reachable by keyboard, with a visible focus', async ({ page, request }) => {
    const timeline = new TimelinePage(page);
    // A trace open, so the waterfall's controls are on the page too.
    const traces = ((await (await request.get(`/api/traces?from=${VIEW.from}&to=${VIEW.to}&status=error&limit=1`)).json()) as TracesResponse).traces;
    await timeline.open({ ...VIEW, trace: traces[0]?.traceId ?? '' });
    await expect(page.getByTestId('waterfall')).toHaveAttribute('data-status', 'ready');
    await page.locator('body').focus();
    const regions = ['toolbar', 'playback', 'trace-filters', 'traces-lane', 'security-table', 'inspector', 'changes', 'waterfall'];
    const controls = await page.evaluate(() => document.querySelectorAll('button:not([disabled]), select:not([disabled]), input:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])').length);
    const seen = new Set<string>();
    const unmarked = new Set<string>();
    for (let i = 0; i < controls + 10; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate((ids) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.tagName === 'IFRAME') return null;
        const style = getComputedStyle(el);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        const region = ids.find((id) => el.closest(`[data-testid="${id}"]`)) ?? 'other';
        return { id: `${region}: ${el.dataset.testid ?? el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? ''}`, visible, region };
      }, regions);
      if (!focus) continue;
      seen.add(focus.region);
      if (!focus.visible) unmarked.add(focus.id);
    }
    expect([...unmarked]).toEqual([]);
    // Tab reaches every part of the page, not only the chrome.
    for (const region of regions) expect(seen).toContain(region);
  });
});
