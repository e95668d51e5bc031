import { expect, test, type APIRequestContext } from '@playwright/test';
import type { AnomaliesResponse, SecurityEventsResponse, TracesResponse } from '@/lib/api/types';
import { apiRequestsDuring, HOUR, SEED, TimelinePage } from './support/timeline';

/**
 * `[`/`]` on a window too busy for the lists the browser loads:
 * the e2e data's three days hold about 1,500 security events, more than the
 * lane's page of 1,000, so the oldest are not in the browser and the jump
 * asks the server. Expected instants come from the list APIs, paged in full.
 */

const DAY = 24 * HOUR;
const FROM = SEED.end - 3 * DAY;
const TO = SEED.end;

async function securityTimes(request: APIRequestContext, extra = ''): Promise<number[]> {
  const times: number[] = [];
  let cursor = '';
  for (let page = 0; page < 100; page += 1) {
    const body = (await (await request.get(`/api/security-events?from=${FROM}&to=${TO}&limit=1000${extra}${cursor}`)).json()) as SecurityEventsResponse;
    times.push(...body.events.map((e) => e.timestamp));
    if (!body.nextCursor) return times;
    cursor = `&cursor=${body.nextCursor}`;
  }
  throw new Error('security events did not end');
}

async function anomalyTimes(request: APIRequestContext): Promise<number[]> {
  const body = (await (await request.get(`/api/anomalies?from=${FROM}&to=${TO}&only_anomalies=true&limit=10000`)).json()) as AnomaliesResponse;
  expect(body.anomalies.length).toBeLessThan(10_000);
  return body.anomalies.map((a) => a.timestamp);
}

/** Failed traces by their start's millisecond (the seed's root span is the one that fails). */
async function failedTraceTimes(request: APIRequestContext): Promise<number[]> {
  const body = (await (await request.get(`/api/traces?from=${FROM}&to=${TO}&status=error&limit=1000`)).json()) as TracesResponse;
  expect(body.traces.length).toBeLessThan(1000);
  return body.traces.map((t) => Math.floor(t.start));
}

const sortedUnique = (times: number[]) => [...new Set(times)].sort((a, b) => a - b);

const adjacentRequests = (urls: string[]) => urls.filter((u) => new URL(u).pathname === '/api/events/adjacent');

test.describe('keyboard jumps on a busy window', () => {
  test('[ and ] step through every event of three days, oldest included, one request per key', async ({ page, request }) => {
    const timeline = new TimelinePage(page);
    const firstPage = (await (await request.get(`/api/security-events?from=${FROM}&to=${TO}&limit=1000`)).json()) as SecurityEventsResponse;
    expect(firstPage.nextCursor, 'the lane’s page of 1000 must leave older events out').not.toBeNull();
    const all = sortedUnique([...(await securityTimes(request)), ...(await anomalyTimes(request)), ...(await failedTraceTimes(request))]);
    const events = all.filter((t) => t > FROM && t < TO);
    // The oldest events are older than anything the lane loaded.
    const oldestLoaded = Math.min(...firstPage.events.map((e) => e.timestamp));
    expect(events[0]).toBeLessThan(oldestLoaded);

    await timeline.open({ from: FROM, to: TO, at: FROM });

    await test.step('] from the window’s start lands on its first event', async () => {
      const requests = await apiRequestsDuring(page, async () => {
        await page.keyboard.press(']');
        await timeline.waitForParam('at', (v) => Number(v) === events[0]);
      });
      expect(adjacentRequests(requests)).toHaveLength(1);
    });

    await test.step('] again: the second event; [ back to the first', async () => {
      await page.keyboard.press(']');
      await timeline.waitForParam('at', (v) => Number(v) === events[1]);
      const requests = await apiRequestsDuring(page, async () => {
        await page.keyboard.press('[');
        await timeline.waitForParam('at', (v) => Number(v) === events[0]);
      });
      expect(adjacentRequests(requests)).toHaveLength(1);
    });

    await test.step('[ before the first event stays put', async () => {
      await page.keyboard.press('[');
      await page.waitForTimeout(500);
      expect(Number(timeline.param('at'))).toBe(events[0]);
    });
  });

  test('a window whose lists are complete jumps without asking the server', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open({ from: SEED.burst.start - HOUR, to: SEED.burst.start + HOUR, at: SEED.burst.start - HOUR });
    const requests = await apiRequestsDuring(page, async () => {
      await page.keyboard.press(']');
      await timeline.waitForParam('at', (v) => Number(v) > SEED.burst.start - HOUR);
      await page.keyboard.press('n');
      await page.waitForTimeout(300);
    });
    expect(adjacentRequests(requests)).toEqual([]);
  });
});
