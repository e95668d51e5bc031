import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { SnapshotResponse } from '@/lib/api/types';
import { HOUR, SEED, TimelinePage } from './support/timeline';

/** Pins: kept in the URL, drawn on every lane and the overview, exported as Markdown with the state at each. */

const AT = SEED.outage.start + 60_000;
const LATER = SEED.outage.start + 40 * 60_000;
const FROM = SEED.outage.start - HOUR;
const TO = SEED.outage.start + HOUR;

test('pins in the URL, on every lane, and the exported timeline', async ({ page, request }) => {
  const timeline = new TimelinePage(page);
  await timeline.open({ from: FROM, to: TO, at: LATER });

  await test.step('pin two moments, one with a note', async () => {
    await page.getByTestId('pins-button').click();
    await page.getByTestId('pin-add').click();
    await expect(page.getByTestId('pin-item')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await timeline.open({ from: FROM, to: TO, at: AT, pin: timeline.url().searchParams.getAll('pin') });
    await page.getByTestId('pins-button').click();
    await page.getByTestId('pin-note').fill('coinbase feed lost');
    await page.getByTestId('pin-add').click();
    await expect.poll(() => timeline.url().searchParams.getAll('pin').sort()).toEqual([String(LATER), `${AT}:coinbase feed lost`].sort());
    await expect(page.getByTestId('pin-item')).toHaveCount(2);
    await expect(page.getByTestId('pin-item').first()).toHaveAttribute('data-t', String(AT));
  });

  await test.step('each pin shows on every lane and in the overview', async () => {
    const plots = await page.locator('[data-testid^="plot-"]').count();
    await expect(page.locator(`[data-testid="pin-marker"][data-t="${AT}"]`)).toHaveCount(plots + 1);
    await expect(page.getByTestId('overview').locator(`[data-testid="pin-marker"][data-t="${LATER}"]`)).toHaveCount(1);
    await timeline.screenshots('pins');
  });

  await test.step('the Markdown lists the pins in order with the state of the world at each', async () => {
    const snapshot = (await (await request.get(`/api/snapshot?at=${AT}&lookback=300000`)).json()) as SnapshotResponse;
    const latency = snapshot.metrics.find((m) => m.metric === 'order_latency_ms');
    expect(latency).toBeDefined();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-download').click();
    const md = await readFile((await (await download).path()) ?? '', 'utf8');
    const first = md.indexOf('## 1. 2026-01-15 06:01:00 — coinbase feed lost');
    const second = md.indexOf('## 2. 2026-01-15 06:40:00');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    const section = md.slice(first, second);
    expect(section).toContain('**Metrics**');
    expect(section).toContain(`| order_latency_ms | ${Object.entries(latency?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')} |`);
    expect(section).toContain('**Security events**');
    expect(section).toContain('**Failing spans**');
    expect(md).toContain('[open in Flashback](');
  });

  await test.step('a pin is removable', async () => {
    await page.getByTestId('pin-remove').first().click();
    await expect.poll(() => timeline.url().searchParams.getAll('pin')).toEqual([String(LATER)]);
  });
});
