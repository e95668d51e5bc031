import { expect, test, type Page } from '@playwright/test';
import { HOUR, SEED, TimelinePage } from './support/timeline';

/**
 * The playhead has one owner, the URL's `at`: every copy drawn (the
 * inspector, each panel's playhead or off-screen marker, the overview, the
 * playback bar) shows it, and no window change drops it. These checks would
 * fail if any copy could disagree with the URL once a gesture has ended.
 */

const AT = SEED.outage.start + 60_000; // 06:01:00
const FROM = SEED.outage.start - HOUR;
const TO = SEED.outage.start + HOUR;

/** Every rendered copy of the playhead shows the URL's `at`. */
async function expectOneplayhead(page: Page, timeline: TimelinePage, at: number) {
  await timeline.waitForParam('at', (v) => Number(v) === at);
  await expect(page.getByTestId('inspector-time')).toHaveAttribute('data-at', String(at));
  const copies = page.locator('[data-testid="playhead"], [data-testid="playhead-offscreen"]');
  await expect(copies.first()).toBeAttached();
  for (const copy of await copies.all()) await expect(copy).toHaveAttribute('data-at', String(at));
}

test.describe('the playhead stays', () => {
  test('pan, zoom, brush, picker and back/forward keep `at`; off-screen it is a marker that brings it back', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO, at: AT });
    await expectOneplayhead(page, timeline, AT);

    await test.step('pan right twice: the playhead is off-screen to the left, named, and kept in the URL', async () => {
      await page.getByTestId('pan-step').selectOption(String(HOUR));
      await page.getByTestId('pan-right').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM + HOUR);
      await page.getByTestId('pan-right').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM + 2 * HOUR);
      await timeline.settled();
      const marker = timeline.panel('order_latency_ms').getByTestId('playhead-offscreen');
      await expect(marker).toHaveText('◂ 06:01:00 playhead');
      await expect(marker).toHaveAttribute('data-side', 'before');
      await expect(timeline.panel('order_latency_ms').getByTestId('playhead')).toHaveCount(0);
      await expectOneplayhead(page, timeline, AT);
    });
    await timeline.screenshots('playhead-offscreen');

    await test.step('back and forward (toolbar and browser) keep it', async () => {
      await page.getByTestId('window-back').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM + HOUR);
      await expectOneplayhead(page, timeline, AT);
      await page.goBack();
      await timeline.waitForParam('from', (v) => Number(v) === FROM);
      await expectOneplayhead(page, timeline, AT);
      await page.getByTestId('window-forward').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM + HOUR);
      await expectOneplayhead(page, timeline, AT);
    });

    await test.step('the marker brings the playhead back: the window centres on it', async () => {
      await page.getByTestId('pan-right').click();
      await timeline.waitForParam('from', (v) => Number(v) === FROM + 2 * HOUR);
      await timeline.panel('pnl_usd').getByTestId('playhead-offscreen').click();
      await timeline.waitForParam('from', (v) => Number(v) === AT - HOUR);
      expect(Number(timeline.param('to'))).toBe(AT + HOUR);
      await expect(timeline.panel('order_latency_ms').getByTestId('playhead')).toBeVisible();
      await expectOneplayhead(page, timeline, AT);
    });

    await test.step('zoom out keeps it', async () => {
      await page.getByTestId('zoom-out').click();
      await timeline.waitForParam('from', (v) => Number(v) === AT - 2 * HOUR);
      await expectOneplayhead(page, timeline, AT);
    });

    await test.step('a brush that leaves it outside keeps it, as a marker on the right', async () => {
      await timeline.settled();
      const latency = timeline.panel('order_latency_ms');
      const box = await timeline.plotBox(latency);
      const from = Number(timeline.param('from'));
      const to = Number(timeline.param('to'));
      const y = box.y + box.height / 2;
      await page.mouse.move(await timeline.xOf(latency, from + 10 * 60_000, from, to), y);
      await page.mouse.down();
      await page.mouse.move(await timeline.xOf(latency, from + 40 * 60_000, from, to), y, { steps: 5 });
      await page.mouse.up();
      await timeline.waitForParam('from', (v) => Number(v) !== from);
      await expect(latency.getByTestId('playhead-offscreen')).toHaveAttribute('data-side', 'after');
      await expectOneplayhead(page, timeline, AT);
    });

    await test.step('the picker keeps it (a quick range far from it)', async () => {
      await page.getByTestId('time-picker-button').click();
      await page.getByTestId('quick-range-last-7d').click();
      await timeline.waitForParam('from', (v) => v === 'now-7d');
      await expectOneplayhead(page, timeline, AT);
    });
  });

  test('scrubbing and playing end with the URL holding what is drawn', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: FROM, to: TO, at: AT });
    const latency = timeline.panel('order_latency_ms');
    const box = await timeline.plotBox(latency);
    const y = box.y + box.height / 2;

    await test.step('drag the playhead', async () => {
      await page.mouse.move(await timeline.xOf(latency, AT, FROM, TO), y);
      await page.mouse.down();
      await page.mouse.move(await timeline.xOf(latency, AT + 20 * 60_000, FROM, TO), y, { steps: 8 });
      await page.mouse.up();
      await timeline.waitForParam('at', (v) => Math.abs(Number(v) - (AT + 20 * 60_000)) < 30_000);
      await expectOneplayhead(page, timeline, Number(timeline.param('at')));
    });

    await test.step('play, then pause: whole seconds in the URL, every copy agreeing', async () => {
      await page.getByTestId('play-speed').selectOption('600');
      await page.getByTestId('play-toggle').click();
      await expect(page.getByTestId('play-toggle')).toHaveText('❚❚ Pause');
      const before = Number(timeline.param('at'));
      await expect.poll(async () => Number(await page.getByTestId('inspector-time').getAttribute('data-at'))).toBeGreaterThan(before + 60_000);
      // The button keeps one line while playing.
      const button = await page.getByTestId('play-toggle').boundingBox();
      expect(button?.height).toBeLessThan(30);
      await page.getByTestId('play-toggle').click();
      await timeline.waitForParam('at', (v) => Number(v) > before);
      const at = Number(timeline.param('at'));
      expect(at % 1000).toBe(0);
      await expectOneplayhead(page, timeline, at);
    });

    await test.step('played to the end: the last bucket, not …:59.999', async () => {
      await page.getByTestId('play-toggle').click();
      await timeline.waitForParam('at', (v) => Number(v) === TO - 10_000);
      await expect(page.getByTestId('playhead-time')).not.toContainText('.999');
    });
  });
});
