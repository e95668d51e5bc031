import { expect, test, type APIResponse } from '@playwright/test';
import { HOUR, SEED } from './support/timeline';

/**
 * API answers are gzip-compressed only from 32 KiB (lib/api/json-answer.ts):
 * below that, compressing costs the server more than it saves on the wire.
 * Against the production server, asking for gzip as browsers do.
 */

const GZIP = { 'accept-encoding': 'gzip, deflate, br' };
const THRESHOLD = 32 * 1024;

async function answer(response: APIResponse) {
  return { status: response.status(), encoding: response.headers()['content-encoding'], cacheControl: response.headers()['cache-control'], size: (await response.body()).length };
}

test('a small answer goes out as it is; a chart of tens of KiB goes out gzipped; both say no-store', async ({ request }) => {
  const live = await answer(await request.get('/api/health/live', { headers: GZIP }));
  expect(live).toMatchObject({ status: 200, encoding: undefined, cacheControl: 'no-store, no-transform' });
  expect(live.size).toBeLessThan(THRESHOLD);

  const invalid = await answer(await request.get('/api/series?from=now-1h&to=now', { headers: GZIP }));
  expect(invalid).toMatchObject({ status: 400, encoding: undefined, cacheControl: 'no-store, no-transform' });

  const window = `from=${SEED.outage.start - 3 * HOUR}&to=${SEED.outage.start + 3 * HOUR}`;
  const chart = await request.get(`/api/series?${window}&metric=order_latency_ms&agg=p50&agg=p95&maxPoints=5000`, { headers: GZIP });
  const big = await answer(chart);
  expect(big.size).toBeGreaterThanOrEqual(THRESHOLD);
  expect(big).toMatchObject({ status: 200, encoding: 'gzip', cacheControl: 'no-store' });
  const body = (await chart.json()) as { series: { points: unknown[] }[] };
  expect(body.series.map((s) => s.points.length)).toEqual([4320, 4320]);
});
