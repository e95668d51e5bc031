import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as series } from '@/app/api/series/route';
import { testEngine } from '@/test/engine';
import { url } from '@/test/fixtures/request';
import { insertRows, metricRow } from '@/test/fixtures/rows';
import { runStatement } from './command';
import { observeQueries } from './query';

/**
 * Many viewers, one query: the read door's statistics listener counts the
 * queries ClickHouse actually ran, independently of the sharing layer.
 */

testEngine();
const T0 = Date.UTC(2024, 2, 1);
const request = url('/api/series', { metric: 'lat', from: T0, to: T0 + 3_600_000, agg: ['p95', 'max'], step: '1m' });

beforeAll(async () => {
  await insertRows('metrics', Array.from({ length: 500 }, (_, i) => metricRow({ t: T0 + i * 7000, metric: 'lat', value: i })));
});

afterEach(() => {
  process.env.FLASHBACK_READ_CACHE_SECONDS = '0';
});

/** How many series queries ClickHouse ran while `work` did. */
async function seriesQueries(work: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const stop = observeQueries((q) => {
    if (q.sql.startsWith('series/')) n += 1;
  });
  try {
    await work();
  } finally {
    stop();
  }
  return n;
}

describe('shared reads', () => {
  it('run one query for many identical requests in flight', async () => {
    await (await series(new Request(request))).text(); // schema and rollup lookup out of the way
    let bodies: string[] = [];
    const n = await seriesQueries(async () => {
      const responses = await Promise.all(Array.from({ length: 25 }, () => series(new Request(request))));
      expect(responses.map((r) => r.status)).toEqual(Array(25).fill(200));
      bodies = await Promise.all(responses.map((r) => r.text()));
    });
    expect(n).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] ?? '{}').series).toHaveLength(2);
  });

  it('keep a finished answer for a few seconds when the cache is on, until a write through the ingest door', async () => {
    process.env.FLASHBACK_READ_CACHE_SECONDS = '60';
    const twice = () => seriesQueries(async () => {
      await (await series(new Request(request))).text();
      await (await series(new Request(request))).text();
    });
    expect(await twice()).toBe(1);
    expect(await twice()).toBe(0); // still cached
    await runStatement('seed/truncate', { table: 'security_events' });
    expect(await twice()).toBe(1);
    process.env.FLASHBACK_READ_CACHE_SECONDS = '0';
    expect(await twice()).toBe(2);
  });

  it('let one caller go without cancelling the query for the others', async () => {
    const controller = new AbortController();
    const n = await seriesQueries(async () => {
      const leaving = series(new Request(request, { signal: controller.signal }));
      const staying = series(new Request(request));
      controller.abort();
      expect((await leaving).status).toBe(499);
      expect((await staying).status).toBe(200);
    });
    expect(n).toBe(1);
  });
});
