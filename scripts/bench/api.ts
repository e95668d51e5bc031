/**
 * `npx tsx --conditions=react-server scripts/bench/api.ts [iterations]`:
 * latency of every Query API route against the data in FLASHBACK_DATA_DIR
 * (or CLICKHOUSE_URL), e.g. the demo seed. Calls the route handlers
 * in-process, one request at a time, and prints p50/p95/max per scenario.
 * Windows are placed relative to the newest metric row. Figures only, no
 * assertions.
 */
import { z } from 'zod';
import { GET as anomalies } from '@/app/api/anomalies/route';
import { GET as catalog } from '@/app/api/catalog/route';
import { GET as density } from '@/app/api/density/route';
import { GET as securityEvents } from '@/app/api/security-events/route';
import { GET as series } from '@/app/api/series/route';
import { GET as snapshot } from '@/app/api/snapshot/route';
import { GET as trace } from '@/app/api/traces/[traceId]/route';
import { GET as traces } from '@/app/api/traces/route';
import { closeClickHouse, getClickHouse } from '@/lib/clickhouse/client';
import { queryRows } from '@/lib/clickhouse/query';
import { num } from '@/lib/queries/common';

type Handler = (request: Request, segment?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

interface Scenario {
  name: string;
  handler: Handler;
  path: string;
  query: Record<string, string | number | string[]>;
  params?: Record<string, string>;
}

const H = 3_600_000;
const iterations = Number(process.argv[2] ?? 20);

function requestFor(s: Scenario): Request {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(s.query)) for (const x of Array.isArray(v) ? v : [v]) search.append(k, String(x));
  return new Request(`http://bench${s.path}?${search}`);
}

async function once(s: Scenario): Promise<{ ms: number; status: number; bytes: number; body: unknown }> {
  const started = performance.now();
  const res = await s.handler(requestFor(s), s.params ? { params: Promise.resolve(s.params) } : undefined);
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, bytes: text.length, body: JSON.parse(text) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function measure(s: Scenario): Promise<void> {
  const first = await once(s); // warm-up (and the status/size shown)
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) times.push((await once(s)).ms);
  times.sort((a, b) => a - b);
  const cells = [
    s.name.padEnd(44),
    String(first.status).padStart(4),
    `${(first.bytes / 1024).toFixed(1)} KB`.padStart(10),
    percentile(times, 50).toFixed(1).padStart(8),
    percentile(times, 95).toFixed(1).padStart(8),
    (times[times.length - 1] ?? NaN).toFixed(1).padStart(8),
  ];
  console.log(cells.join(' '));
}

async function main(): Promise<void> {
  const { engine, location } = await getClickHouse();
  const [extent] = await queryRows({ sql: 'catalog/extent', row: z.object({ first_ms: num, last_ms: num, rows: num }) });
  if (!extent || extent.rows === 0) throw new Error(`no metrics in ${location}: seed it first (npm run seed)`);
  const end = extent.last_ms + 1;
  const day = { from: end - 24 * H, to: end };
  const hour = { from: end - H, to: end };
  console.log(`${engine} ClickHouse at ${location}: ${extent.rows} metric rows, ${new Date(extent.first_ms).toISOString()} .. ${new Date(end).toISOString()}`);
  console.log(`${iterations} sequential requests per scenario after one warm-up; milliseconds\n`);

  // A trace to open: the slowest of the last hour.
  const listed = (await once({ name: '', handler: traces, path: '/api/traces', query: { ...hour, limit: 1, min_duration_ms: 1 } })).body as {
    traces: { traceId: string; start: number }[];
  };
  const someTrace = listed.traces[0];
  const page1 = (await once({ name: '', handler: securityEvents, path: '/api/security-events', query: day })).body as { nextCursor: string | null };

  const scenarios: Scenario[] = [
    { name: 'catalog 24h', handler: catalog, path: '/api/catalog', query: day },
    { name: 'series 1h p99 (auto step, 5s)', handler: series, path: '/api/series', query: { ...hour, metric: 'order_latency_ms', agg: 'p99' } },
    { name: 'series 24h avg (auto step, 2m)', handler: series, path: '/api/series', query: { ...day, metric: 'order_latency_ms' } },
    { name: 'series 24h p95 groupBy=exchange', handler: series, path: '/api/series', query: { ...day, metric: 'order_latency_ms', agg: 'p95', groupBy: 'exchange' } },
    { name: 'series 24h max, label exchange:coinbase', handler: series, path: '/api/series', query: { ...day, metric: 'order_latency_ms', agg: 'max', label: 'exchange:coinbase' } },
    { name: 'series 3 metrics 24h last, 10000 points', handler: series, path: '/api/series', query: { ...day, metric: ['fill_rate', 'reject_rate', 'order_rate'], agg: 'last', maxPoints: 10_000 } },
    { name: 'series 24h rate groupBy=exchange', handler: series, path: '/api/series', query: { ...day, metric: 'order_rate', agg: 'rate', groupBy: 'exchange' } },
    { name: 'density 24h, 200 buckets', handler: density, path: '/api/density', query: day },
    { name: 'density 3d, 2000 buckets', handler: density, path: '/api/density', query: { from: end - 72 * H, to: end, buckets: 2000 } },
    { name: 'security-events 24h, first page (200)', handler: securityEvents, path: '/api/security-events', query: day },
    ...(page1.nextCursor
      ? [{ name: 'security-events 24h, second page', handler: securityEvents, path: '/api/security-events', query: { ...day, cursor: page1.nextCursor } }]
      : []),
    { name: 'security-events 24h critical, min_threat 0.8', handler: securityEvents, path: '/api/security-events', query: { ...day, severity: 'critical', min_threat: 0.8 } },
    { name: 'anomalies 24h only_anomalies', handler: anomalies, path: '/api/anomalies', query: { ...day, only_anomalies: 'true' } },
    { name: 'traces 1h (100)', handler: traces, path: '/api/traces', query: hour },
    { name: 'traces 24h status=error', handler: traces, path: '/api/traces', query: { ...day, status: 'error' } },
    ...(someTrace
      ? [
          { name: 'trace by id (lookup table)', handler: trace, path: `/api/traces/${someTrace.traceId}`, query: {}, params: { traceId: someTrace.traceId } },
          {
            name: 'trace by id (from/to hint)',
            handler: trace,
            path: `/api/traces/${someTrace.traceId}`,
            query: { from: Math.floor(someTrace.start) - 60_000, to: Math.ceil(someTrace.start) + 60_000 },
            params: { traceId: someTrace.traceId },
          },
        ]
      : []),
    { name: 'snapshot 6h ago, lookback 5m', handler: snapshot, path: '/api/snapshot', query: { at: end - 6 * H } },
    { name: 'snapshot 6h ago, one metric, lookback 1h', handler: snapshot, path: '/api/snapshot', query: { at: end - 6 * H, metric: 'order_latency_ms', lookback: '1h' } },
  ];

  console.log(`${'scenario'.padEnd(44)} ${'HTTP'.padStart(4)} ${'body'.padStart(10)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
  for (const s of scenarios) await measure(s);
}

try {
  await main();
} finally {
  await closeClickHouse();
}
