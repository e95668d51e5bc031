/**
 * UI benchmark (a script, not a test): against a running Flashback on the
 * demo dataset, in Debian's Chromium at 1280×720, prints
 *
 *   1. time to charts drawn: from navigation start to the last chart's final
 *      draw (the `chart-drawn:*` Performance API marks the chart wrapper sets),
 *      cold (first load) and warm (later loads);
 *   2. playhead move → every panel updated: from the input event (key or
 *      pointer move, stamped in the page) to the moment every panel's playhead
 *      and the inspector show the new instant (a MutationObserver), and to the
 *      next animation frame after it.
 *
 *   3. while dragging the playhead across the whole window: each frame's
 *      main-thread work and the intervals between frames (dropped frames),
 *      and the API requests made (should be 0; see fullScrub);
 *   4. JS heap (after a garbage collection) after that full scrub, after
 *      ten window changes (pan left) and after ten more between two windows
 *      already seen (a leak grows there; a cache does not), and the largest
 *      contentful paint cold.
 *
 * Usage: npx tsx scripts/bench/ui.ts [--url http://localhost:3000] [--path '/?from=now-6h'] [--runs 5] [--size 1e6]
 * With --size the figures are added to bench-results/<size>.json. No assertions.
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { percentile, writeResults } from './common';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const baseUrl = arg('url', process.env.BENCH_URL ?? 'http://localhost:3000');
const path = arg('path', '/');
const runs = Number(arg('runs', '5'));
const size = arg('size', '');

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const summary = (values: number[]) =>
  `p50 ${fmt(quantile(values, 0.5))} · p95 ${fmt(quantile(values, 0.95))} · max ${fmt(Math.max(...values))} (n=${values.length})`;

/** Waits until no panel is loading, then reads when each chart last drew. */
async function chartsDrawn(page: Page) {
  await page.waitForFunction(
    `(() => { const p = [...document.querySelectorAll('[data-status]')]; return p.length > 0 && p.every((e) => e.getAttribute('data-status') !== 'loading'); })()`,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  await page.waitForTimeout(300); // let the last draw land
  return page.evaluate<{ lastDraw: number; charts: number; responseEnd: number }>(`(() => {
    const last = new Map();
    for (const mark of performance.getEntriesByType('mark')) {
      if (mark.name.startsWith('chart-drawn:')) last.set(mark.name, Math.max(last.get(mark.name) || 0, mark.startTime));
    }
    const nav = performance.getEntriesByType('navigation')[0];
    return { lastDraw: Math.max(...last.values()), charts: last.size, responseEnd: nav ? nav.responseEnd : NaN };
  })()`);
}

/**
 * The in-page probe that times playhead moves, as source text (evaluated as
 * is, so no bundler helper leaks into the page).
 */
const PROBE = `(() => {
  const probe = { start: null, last: null, dom: [], frame: [] };
  window.__probe = probe;
  const stamp = () => { probe.start = performance.now(); };
  window.addEventListener('keydown', stamp, { capture: true });
  window.addEventListener('pointermove', (e) => { if (e.buttons) stamp(); }, { capture: true });
  const check = () => {
    if (probe.start === null) return;
    const els = [...document.querySelectorAll('[data-testid="playhead"]'), document.querySelector('[data-testid="inspector-time"]')];
    const values = els.map((el) => el && el.getAttribute('data-at'));
    const first = values[0];
    if (!first || first === probe.last || !values.every((v) => v === first)) return;
    const start = probe.start;
    probe.start = null;
    probe.last = first;
    probe.dom.push(performance.now() - start);
    requestAnimationFrame(() => probe.frame.push(performance.now() - start));
  };
  new MutationObserver(check).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-at'], childList: true });
})()`;

async function installProbe(page: Page) {
  await page.evaluate(PROBE);
}

async function playheadMoves(page: Page) {
  await installProbe(page);
  // Keyboard: one bucket at a time.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForTimeout(60);
  }
  // Pointer: drag the playhead of the first chart across a third of the window.
  const playhead = page.getByTestId('playhead').first();
  const box = await playhead.boundingBox();
  const plot = await playhead.locator('..').boundingBox();
  if (box && plot) {
    const y = plot.y + plot.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    const startX = box.x + box.width / 2;
    const endX = Math.max(plot.x + 5, startX - plot.width / 3);
    for (let i = 1; i <= 40; i++) {
      await page.mouse.move(startX + ((endX - startX) * i) / 40, y);
      await page.waitForTimeout(20);
    }
    await page.mouse.up();
  }
  await page.waitForTimeout(200);
  return page.evaluate<{ dom: number[]; frame: number[] }>('window.__probe');
}

/**
 * A playhead scrub: puts the playhead at the first chart's right edge, waits
 * until the inspector's snapshot for it has answered (the one request a rest
 * makes, so it is not counted as the drag's), grabs the playhead and drags it
 * to the left edge in 60 moves, one per frame. Per frame: the interval
 * between frames (vsync-bound: ~16.7 ms at 60 Hz however little work a frame
 * holds; one over 1.5 intervals is a dropped frame) and the main-thread work
 * of the frame — from its first pointer event (or its animation frame) to the
 * end of its rendering (a message posted from requestAnimationFrame runs once
 * style, layout and paint are done), which must stay under 16.7 ms.
 */
async function fullScrub(page: Page) {
  const plot = await page.getByTestId('chart-box').first().boundingBox();
  if (!plot) return { work: [] as number[], intervals: [] as number[], requests: [] as string[] };
  const y = plot.y + plot.height / 2;
  const right = plot.x + plot.width - 2;
  await page.mouse.click(right, y);
  await page.waitForFunction(
    `(() => { const at = document.querySelector('[data-testid="inspector-time"]')?.getAttribute('data-at'); return at && document.querySelector('[data-testid="snapshot"]')?.getAttribute('data-at') === at; })()`,
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  const grip = await page.getByTestId('playhead').first().boundingBox();
  const startX = grip ? grip.x + grip.width / 2 : right;
  const requests: string[] = [];
  const count = (r: { url(): string }) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) requests.push(r.url());
  };
  await page.evaluate(`(() => {
    const s = { intervals: [], work: [], frameStart: null, last: null, on: true };
    window.__scrub = s;
    addEventListener('pointermove', () => { if (s.frameStart === null) s.frameStart = performance.now(); }, { capture: true });
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => { s.work.push(performance.now() - e.data); };
    const tick = (t) => {
      if (s.last !== null) s.intervals.push(t - s.last);
      s.last = t;
      const start = Math.min(s.frameStart ?? performance.now(), performance.now());
      s.frameStart = null;
      channel.port2.postMessage(start);
      if (s.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(startX, y);
  page.on('request', count);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(startX - ((startX - plot.x - 2) * i) / 60, y);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
  }
  await page.mouse.up();
  page.off('request', count);
  const { work, intervals } = await page.evaluate<{ work: number[]; intervals: number[] }>('(() => { window.__scrub.on = false; return window.__scrub; })()');
  return { work, intervals, requests };
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function lcp(page: Page): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    new PerformanceObserver((list) => { const e = list.getEntries(); resolve(e[e.length - 1].startTime); }).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => resolve(NaN), 2000);
  })`);
}

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const url = new URL(path, baseUrl).toString();
  console.log(`Flashback UI benchmark: ${url} in Chromium 1280×720, ${runs} loads`);

  const loads: number[] = [];
  let panels = 0;
  let coldLcp = NaN;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url);
    const drawn = await chartsDrawn(page);
    if (i === 0) coldLcp = await lcp(page);
    loads.push(drawn.lastDraw);
    panels = drawn.charts;
    console.log(`  load ${i + 1}: charts drawn at ${fmt(drawn.lastDraw)} after navigation start (${drawn.charts} charts; HTML at ${fmt(drawn.responseEnd)})`);
    if (i < runs - 1) await page.close();
    else {
      const moves = await playheadMoves(page);
      console.log('');
      console.log(`Time to charts drawn: cold ${fmt(loads[0] ?? NaN)}, warm ${summary(loads.slice(1))}`);
      console.log(`Playhead move → all ${panels} panels + inspector updated (DOM): ${summary(moves.dom)}`);
      console.log(`Playhead move → next frame after the update:                 ${summary(moves.frame)}`);
      const frame = 1000 / 60;
      console.log(`Moves updated within one frame (${fmt(frame)}): ${moves.dom.filter((d) => d <= frame).length}/${moves.dom.length}`);
      const scrub = await fullScrub(page);
      const heapAfterScrub = await heapMb(page);
      const heapAfterChanges: number[] = [];
      for (let w = 0; w < 10; w++) {
        await page.getByTestId('pan-left').click();
        await chartsDrawn(page);
        heapAfterChanges.push(await heapMb(page));
      }
      // Back and forth between two windows already seen: their answers are cached, so growth here would be a leak
      // (the growth above is React Query's cache of new windows, released gcTime after they are left).
      const heapRevisiting: number[] = [];
      for (let w = 0; w < 10; w++) {
        await page.getByTestId(w % 2 ? 'pan-left' : 'pan-right').click();
        await chartsDrawn(page);
        heapRevisiting.push(await heapMb(page));
      }
      const vsync = quantile(scrub.intervals, 0.5);
      const dropped = scrub.intervals.filter((d) => d > 1.5 * vsync).length;
      console.log(`Full scrub: main-thread work per frame ${summary(scrub.work)}; frame interval ${summary(scrub.intervals)}, ${dropped} dropped`);
      console.log(`API requests while dragging: ${scrub.requests.length}${scrub.requests.map((r) => `\n  ${r}`).join('')}`);
      console.log(`JS heap: ${heapAfterScrub.toFixed(1)} MB after the scrub; after each of ten window changes: ${heapAfterChanges.map((h) => h.toFixed(1)).join(', ')} MB`);
      console.log(`JS heap revisiting two cached windows ten times: ${heapRevisiting.map((h) => h.toFixed(1)).join(', ')} MB`);
      console.log(`LCP (cold): ${fmt(coldLcp)}`);
      if (size) {
        writeResults(size, {
          ui: {
            path,
            panels,
            chartsDrawn: { cold: loads[0], warmP50: quantile(loads.slice(1), 0.5), warmMax: Math.max(...loads.slice(1)) },
            lcpCold: coldLcp,
            playheadMove: { p50: quantile(moves.dom, 0.5), p95: quantile(moves.dom, 0.95) },
            scrubFrames: { p50: percentile(scrub.work, 50), p95: percentile(scrub.work, 95), max: Math.max(...scrub.work), n: scrub.work.length },
            scrubIntervals: { p50: percentile(scrub.intervals, 50), p95: percentile(scrub.intervals, 95), max: Math.max(...scrub.intervals), dropped },
            requestsWhileScrubbing: scrub.requests.length,
            heapMb: { afterScrub: heapAfterScrub, afterTenWindowChanges: heapAfterChanges, revisitingTwoWindows: heapRevisiting },
          },
        });
      }
    }
  }
  await browser.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
