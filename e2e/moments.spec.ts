import { expect, test } from '@playwright/test';
import { HOUR, SEED, TimelinePage } from './support/timeline';

/**
 * Opening on a moment worth seeing: without `at` the playhead goes to the
 * window's most notable moment, and the ranked list of moments is one click
 * away. The truth is the seed's incidents (fixed instants), not the ranking code.
 */

const DAY = 24 * HOUR;
const incident = (t: number, slack: number) =>
  [SEED.outage, SEED.burst].some((i) => t >= i.start - slack && t < i.end + slack);

test.describe('notable moments', () => {
  test('the first screen opens on the incident with values in the inspector; the list names both incidents', async ({ page }) => {
    // Twelve screenshots (three widths, two themes, two states) on top of the checks.
    test.slow();
    const timeline = new TimelinePage(page);
    const from = SEED.end - 2 * DAY;
    const to = SEED.end;
    await timeline.open({ from, to });
    // 240 density buckets over two days: 12 min each.
    const slack = (to - from) / 240;
    let listed: number[] = []; // every moment of the list, most notable first
    let picked = 0;

    await test.step('the playhead is on an incident, not at the window’s end', async () => {
      await expect.poll(async () => incident(await timeline.playheadAt(), slack)).toBe(true);
      expect(timeline.param('at')).toBeNull();
      const value = timeline.page.locator('[data-testid="inspector-value"]').first();
      await expect(value).not.toHaveAttribute('data-value', '');
    });
    await timeline.screenshots('moments-first-screen');

    await test.step('the list ranks moments, each saying what it holds; both incidents are in the top three', async () => {
      await page.getByTestId('moments-button').click();
      const items = page.getByTestId('moment');
      await expect(items.first()).toBeVisible();
      listed = await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-at'))));
      const times = listed.slice(0, 3);
      expect(times.some((t) => t >= SEED.outage.start - slack && t < SEED.outage.end + slack)).toBe(true);
      expect(times.some((t) => t >= SEED.burst.start - slack && t < SEED.burst.end + slack)).toBe(true);
      await expect(items.first()).toContainText(/anomal|critical|failed span/);
      await timeline.screenshots('moments-list');
    });

    await test.step('picking one moves the playhead there', async () => {
      const second = page.getByTestId('moment').nth(1);
      picked = Number(await second.getAttribute('data-at'));
      await second.click();
      await timeline.waitForParam('at', (v) => Number(v) === picked);
      await expect(page.getByTestId('moments-list')).toHaveCount(0);
    });

    await test.step('n and p walk the moments in time order', async () => {
      // The list's moments in time order; each key is waited on before the next (the URL follows the playhead).
      const byTime = [...listed].sort((a, b) => a - b);
      const before = byTime.filter((t) => t < picked).at(-1);
      await page.keyboard.press('p');
      if (before !== undefined) await timeline.waitForParam('at', (v) => Number(v) === before);
      const after = byTime.find((t) => t > (before ?? picked));
      expect(after).toBeDefined();
      await page.keyboard.press('n');
      await timeline.waitForParam('at', (v) => Number(v) === after);
    });
  });
});
