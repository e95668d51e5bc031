/**
 * `tsx scripts/bench/load.ts <size> --url … --pid <server pid> --log <query log>`:
 * against a production server with its default read cache,
 *   1. load: 50 connections for 30 s, each request one of the timeline's
 *      (series, density, traces, security events, anomalies, snapshot) on a
 *      window placed at random in the last week, so answers are not cached;
 *      throughput, latency percentiles, errors; /api/health latency polled
 *      meanwhile; the server's RSS before and after;
 *   2. viewers: the page of one pinned link and the API requests it makes
 *      (captured in Chromium), made by 50 viewers arriving within 10 s; how
 *      many queries ClickHouse ran, against how many distinct ones.
 */
import { readFileSync, statSync } from 'node:fs';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { arg, percentile, readResults, writeResults } from './common';

const size = process.argv[2] ?? '';
const base = arg('url');
const pid = arg('pid');
const log = arg('log');
const H = 3_600_000;

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

function timelineRequest(end: number): string {
  const to = end - Math.floor(Math.random() * 7 * 24 * H);
  const from = to - [H, 6 * H, 24 * H][Math.floor(Math.random() * 3)]!;
  const w = `from=${from}&to=${to}`;
  const paths = [
    `/api/series?metric=order_latency_ms&agg=p50&agg=p95&agg=p99&${w}`,
    `/api/series?metric=fill_rate&metric=reject_rate&${w}`,
    `/api/series?metric=order_latency_ms&agg=p95&groupBy=exchange&${w}`,
    `/api/density?buckets=200&${w}`,
    `/api/traces?${w}`,
    `/api/security-events?${w}`,
    `/api/anomalies?only_anomalies=true&${w}`,
    `/api/snapshot?at=${to}`,
  ];
  return paths[Math.floor(Math.random() * paths.length)]!;
}

async function load(end: number) {
  const rssBefore = rssMb();
  const health: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const started = performance.now();
      await fetch(`${base}/api/health`).then((r) => r.arrayBuffer()).catch(() => undefined);
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await autocannon({
    url: base,
    connections: 50,
    duration: 30,
    requests: [{ setupRequest: (request) => ({ ...request, path: timelineRequest(end) }) }],
  });
  polling = false;
  await poller;
  const figures = {
    requests: result.requests.total,
    throughput: result.requests.average,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    health: { p50: percentile(health, 50), p99: percentile(health, 99), max: Math.max(...health), n: health.length },
    rssMb: { before: rssBefore, after: rssMb() },
  };
  console.log(
    `load: ${figures.requests} requests in 30 s (${figures.throughput.toFixed(1)}/s), p50 ${figures.latency.p50} ms, p99 ${figures.latency.p99} ms, ` +
      `errors ${figures.errors}, non-2xx ${figures.non2xx}; /api/health p50 ${figures.health.p50.toFixed(1)} ms p99 ${figures.health.p99.toFixed(1)} ms; ` +
      `RSS ${figures.rssMb.before.toFixed(0)} → ${figures.rssMb.after.toFixed(0)} MB`,
  );
  return figures;
}

/** The API requests the page makes when a pinned link is opened. */
async function firstScreenRequests(link: string): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const urls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/health') urls.push(url.pathname + url.search);
  });
  await page.goto(`${base}${link}`);
  await page.waitForLoadState('networkidle');
  await browser.close();
  return [...new Set(urls)];
}

async function viewers(end: number) {
  const link = `/?from=${end - 24 * H}&to=${end}`;
  // The page itself runs the first view's queries on the server (streamed with it), so each viewer
  // loads the page and then whatever API requests the browser still made.
  const requests = [link, ...(await firstScreenRequests(link))];
  await new Promise((r) => setTimeout(r, 16_000)); // past the read cache's lifetime (15 s): the viewers start cold
  const offset = statSync(log).size;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      await new Promise((r) => setTimeout(r, Math.random() * 10_000));
      const responses = await Promise.all(requests.map((p) => fetch(`${base}${p}`).then(async (r) => (await r.arrayBuffer(), r.status))));
      statuses.push(...responses);
    }),
  );
  await new Promise((r) => setTimeout(r, 300));
  const lines = readFileSync(log).subarray(offset).toString('utf8').split('\n').filter(Boolean);
  const reads = lines.map((l) => JSON.parse(l) as { sql: string; params: unknown }).filter((q) => !q.sql.startsWith('rollups/'));
  const distinct = new Set(reads.map((q) => JSON.stringify([q.sql, q.params]))).size;
  const figures = { link, requestsPerViewer: requests.length, viewers: 50, httpRequests: statuses.length, non200: statuses.filter((s) => s !== 200).length, queriesRun: reads.length, distinctQueries: distinct };
  console.log(`viewers: 50 × ${requests.length} requests for ${link} → ${reads.length} ClickHouse queries for ${distinct} distinct ones; non-200: ${figures.non200}`);
  return figures;
}

async function main(): Promise<void> {
  const { end } = readResults(size) as { end?: number };
  if (!end) throw new Error('run the direct step first (it records the data extent)');
  writeResults(size, { load: await load(end), viewers: await viewers(end) });
}

await main();
