/**
 * Load (and soak) against a running production server: 50 clients, each
 * repeating the requests the timeline makes for its first screen, for
 * LOAD_SECONDS (30; 600 for the soak). Meanwhile /api/health is sampled
 * every 100 ms. Prints throughput, latency percentiles, errors and the
 * server's RSS (LOAD_PID) before, during and after.
 *
 *   npm run load                     # LOAD_URL=http://127.0.0.1:3000 LOAD_PID=<next-server pid>
 *   LOAD_SECONDS=600 npm run load    # the soak
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const base = process.env.LOAD_URL ?? 'http://127.0.0.1:3000';
const pid = process.env.LOAD_PID ? Number(process.env.LOAD_PID) : undefined;
const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 50);

function rssMb(): number | undefined {
  if (pid === undefined) return undefined;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : undefined;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const summarize = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) };
};

/** The first screen's requests for the data's last 24 hours (what the timeline asks for on open). */
async function timelineRequests(): Promise<string[]> {
  const catalog = (await (await fetch(`${base}/api/catalog?from=now-24h&to=now`)).json()) as { metrics?: { name: string }[] };
  const metrics = (catalog.metrics ?? []).map((m) => m.name).slice(0, 4);
  if (metrics.length === 0) throw new Error('the catalog lists no metrics in the last 24 h: seed the demo data first (npm run seed)');
  const w = 'from=now-24h&to=now';
  return [
    ...metrics.map((m, i) => `/api/series?${w}&metric=${encodeURIComponent(m)}&maxPoints=900${i === 0 ? '&agg=p50&agg=p95&agg=p99' : ''}`),
    `/api/density?${w}&buckets=900`,
    `/api/security-events?${w}&limit=200`,
    `/api/anomalies?${w}&only_anomalies=true`,
    `/api/traces?${w}&limit=100`,
    `/api/catalog?${w}`,
    `/api/snapshot?at=now-1h`,
  ];
}

const paths = await timelineRequests();
const rssBefore = rssMb();
const rssSamples: number[] = [];
const latencies: number[] = [];
const statuses = new Map<number, number>();
const healthLatencies: number[] = [];
let healthFailures = 0;
let running = true;

const healthLoop = (async () => {
  while (running) {
    const started = performance.now();
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) healthFailures += 1;
    } catch {
      healthFailures += 1;
    }
    healthLatencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();
const rssTimer = setInterval(() => {
  const rss = rssMb();
  if (rss !== undefined) rssSamples.push(rss);
}, 10_000);

const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    { url: base, connections, duration: seconds, requests: paths.map((path) => ({ method: 'GET' as const, path })) },
    (error, done) => (error ? reject(error) : resolve(done)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
});
running = false;
clearInterval(rssTimer);
await healthLoop;

const errors = result.errors + result.timeouts + [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
console.log(
  JSON.stringify(
    {
      url: base,
      connections,
      seconds,
      requestsPerRun: paths.length,
      requests: latencies.length,
      throughputPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
      latencyMs: summarize(latencies),
      statuses: Object.fromEntries(statuses),
      errors,
      health: { ...summarize(healthLatencies), failures: healthFailures },
      rssMb: { before: rssBefore, during: rssSamples, after: rssMb() },
    },
    null,
    2,
  ),
);
process.exit(errors === 0 ? 0 : 1);
