import { expect, test } from '@playwright/test';
import type { TraceResponse, TracesResponse } from '@/lib/api/types';
import { CLIPBOARD, readClipboard } from './support/links';
import { HOUR, SEED, TimelinePage, viewUrl } from './support/timeline';

// Links to a trace carry its time: the window bounds the trace lookup, so no full-table scan is needed.

const FROM = SEED.outage.start - HOUR;
const TO = SEED.outage.start + HOUR;
const MINUTE = 60_000;

test.use({ permissions: CLIPBOARD });

test.describe('trace links', () => {
  test('a trace deep link opens the waterfall, looked up within its window; Copy trace link pins the window around it', async ({ page, request, browser }) => {
    const failed = ((await (await request.get(`/api/traces?from=${FROM}&to=${TO}&status=error&limit=5`)).json()) as TracesResponse).traces;
    const trace = failed[0];
    if (!trace) throw new Error('the e2e data set has no failed trace around the outage');

    await test.step('the trace request carries the window (plus the 15-minute hint margin)', async () => {
      const lookup = page.waitForRequest((r) => new URL(r.url()).pathname === `/api/traces/${trace.traceId}`);
      await page.goto(viewUrl({ from: FROM, to: TO, trace: trace.traceId }));
      const url = new URL((await lookup).url());
      expect(Number(url.searchParams.get('from'))).toBe(FROM - 15 * MINUTE);
      expect(Number(url.searchParams.get('to'))).toBe(TO + 15 * MINUTE);
      await expect(page.getByTestId('waterfall')).toHaveAttribute('data-status', 'ready');
      await expect(page.getByTestId('waterfall')).toHaveAttribute('data-spans', String(trace.spanCount));
    });

    const { spans } = (await (await request.get(`/api/traces/${trace.traceId}`)).json()) as TraceResponse;
    const start = Math.floor(Math.min(...spans.map((s) => s.start)));
    const end = Math.ceil(Math.max(...spans.map((s) => s.start + s.durationMs)));
    const link = await test.step('Copy trace link: five minutes either side, playhead on the trace start', async () => {
      await page.getByTestId('copy-trace-link').click();
      await expect(page.getByTestId('copy-trace-link')).toHaveText('✓ Link copied');
      const copied = new URL(await readClipboard(page));
      expect(Object.fromEntries(copied.searchParams)).toEqual({ from: String(start - 5 * MINUTE), to: String(end + 5 * MINUTE), at: String(start), trace: trace.traceId });
      return copied.toString();
    });

    await test.step('opened in a fresh context, it shows the trace around its time', async () => {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      const lookup = fresh.waitForRequest((r) => new URL(r.url()).pathname === `/api/traces/${trace.traceId}`);
      await fresh.goto(link);
      expect(new URL((await lookup).url()).searchParams.get('from')).toBe(String(start - 20 * MINUTE));
      await expect(fresh.getByTestId('waterfall')).toHaveAttribute('data-status', 'ready');
      expect(await new TimelinePage(fresh).playheadAt()).toBe(start);
      await context.close();
    });
  });

  test('opening a trace from a relative window pins the window, so the address still finds the trace later', async ({ page, request }) => {
    const timeline = new TimelinePage(page);
    const failed = ((await (await request.get(`/api/traces?from=${FROM}&to=${TO}&status=error&limit=1`)).json()) as TracesResponse).traces;
    const trace = failed[0];
    if (!trace) throw new Error('the e2e data set has no failed trace around the outage');
    // A relative window reaching back to the data set, playhead inside the trace: the inspector lists its spans in flight.
    await timeline.open({ from: 'now-1y', at: Math.round(trace.start) + 1 });
    const window = { from: await page.getByTestId('panels').getAttribute('data-from'), to: await page.getByTestId('panels').getAttribute('data-to') };
    await page.getByTestId('snapshot-spans').getByTitle(`Open trace ${trace.traceId}`).first().click();
    await timeline.waitForParam('trace', (v) => v === trace.traceId);
    expect({ from: timeline.param('from'), to: timeline.param('to') }).toEqual(window);
    await expect(page.getByTestId('waterfall')).toHaveAttribute('data-status', 'ready');
  });
});
