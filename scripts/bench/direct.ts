/**
 * `tsx --conditions=react-server scripts/bench/direct.ts <size> [iterations]`:
 * with no server holding the data dir, for every scenario
 *   1. calls the route handler in-process once, recording the reads it makes
 *      (SQL file and bound parameters, from the read door's statistics);
 *   2. times those same reads run directly through the client, as the route
 *      runs them (concurrently), with ClickHouse's rows/bytes read;
 *   3. times the query a Grafana ClickHouse panel would run for the chart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GET as catalog } from '@/app/api/catalog/route';
import { GET as density } from '@/app/api/density/route';
import { GET as series } from '@/app/api/series/route';
import { GET as traces } from '@/app/api/traces/route';
import { closeClickHouse, getClickHouse } from '@/lib/clickhouse/client';
import { observeQueries, queryRows, type QueryParams } from '@/lib/clickhouse/query';
import { sqlFile } from '@/lib/clickhouse/sql-files';
import { readTables, tableParams } from '@/lib/config';
import { num } from '@/lib/queries/common';
import { dateTime64 } from '@/lib/queries/common';
import { grafanaStepSeconds, readResults, scenarios, search, selected, timing, WINDOWS, writeResults, type Scenario } from './common';

const HANDLERS: Record<string, (r: Request) => Promise<Response>> = {
  '/api/series': series,
  '/api/density': density,
  '/api/catalog': catalog,
  '/api/traces': traces,
};

// As the HTTP step's server: every request runs its queries (two scenarios asking the same read
// would otherwise find the first one's answer in the read cache and record no read).
process.env.FLASHBACK_READ_CACHE_SECONDS = '0';
const size = process.argv[2] ?? '';
const iterations = Number(process.argv[3] ?? 7);
/** The raw Grafana-style queries take seconds to a minute at 1e8: fewer runs of them (BENCH_GRAFANA_ITERATIONS). */
const grafanaIterations = Number(process.env.BENCH_GRAFANA_ITERATIONS ?? Math.max(3, Math.floor(iterations / 2)));
const LIMIT_SECONDS = 60;

const statistics = z.object({ rows_read: z.coerce.number(), bytes_read: z.coerce.number() });

interface Read {
  text: string;
  params: QueryParams;
}

/** Runs reads as the route does (at once); wall time and ClickHouse's rows/bytes read summed. */
async function runReads(reads: Read[]): Promise<{ ms: number; rowsRead: number; bytesRead: number }> {
  const { client } = await getClickHouse();
  const started = performance.now();
  const answers = await Promise.all(
    reads.map(async (read) => {
      const result = await client.query({ query: read.text, query_params: read.params, format: 'JSON', clickhouse_settings: { max_execution_time: LIMIT_SECONDS } });
      const text = await result.text();
      return statistics.parse((JSON.parse(text.slice(Math.max(0, text.lastIndexOf('\n{\n')))) as { statistics: unknown }).statistics);
    }),
  );
  return {
    ms: performance.now() - started,
    rowsRead: answers.reduce((n, a) => n + a.rows_read, 0),
    bytesRead: answers.reduce((n, a) => n + a.bytes_read, 0),
  };
}

type Measured = { p50: number; p95: number; n: number; rowsRead: number; bytesRead: number; queries: number; timedOut?: boolean };

/** A read that exceeds the limit is recorded as such (its time as the limit), not as a crash of the run. */
async function measure(reads: Read[], n: number): Promise<Measured> {
  const first = await runReads(reads).catch((error: unknown) => {
    if (String((error as { message?: string }).message).includes('Timeout exceeded')) return undefined;
    throw error;
  });
  if (!first) return { p50: LIMIT_SECONDS * 1000, p95: LIMIT_SECONDS * 1000, n: 0, rowsRead: NaN, bytesRead: NaN, queries: reads.length, timedOut: true };
  // n = 0: the one run is the figure (the raw queries at 1e8 take up to a minute each).
  const times: number[] = n === 0 ? [first.ms] : [];
  for (let i = 0; i < n; i += 1) times.push((await runReads(reads)).ms);
  return { ...timing(times), rowsRead: first.rowsRead, bytesRead: first.bytesRead, queries: reads.length };
}

function grafanaRead(s: Scenario): Read {
  const from = Number(s.query.from);
  const to = Number(s.query.to);
  return {
    text: readFileSync(path.join('scripts/bench/grafana', `${s.grafana}.sql`), 'utf8'),
    params: {
      ...tableParams(readTables()),
      from: dateTime64(from),
      to: dateTime64(to),
      metric: 'order_latency_ms',
      step_s: grafanaStepSeconds(WINDOWS[s.window] ?? to - from),
    },
  };
}

async function main(): Promise<void> {
  const [extent] = await queryRows({ sql: 'catalog/extent', row: z.object({ first_ms: num, last_ms: num, rows: num }) });
  if (!extent || extent.rows === 0) throw new Error('no metrics: the dataset step comes first');
  const end = extent.last_ms + 1;
  const { list, keep } = selected(scenarios(end));
  const results: Record<string, unknown> = keep(readResults(size).direct);
  console.log(`${'scenario'.padEnd(30)} ${'direct p50/p95 ms'.padStart(18)} ${'rows read'.padStart(12)}   ${'grafana p50/p95 ms'.padStart(19)} ${'rows read'.padStart(12)}`);
  for (const s of list) {
    const reads: Read[] = [];
    const stop = observeQueries((q) => {
      if (!q.sql.startsWith('rollups/')) reads.push({ text: sqlFile(q.sql, q.arms), params: q.params });
    });
    const handler = HANDLERS[s.path];
    if (!handler) throw new Error(`no handler for ${s.path}`);
    const response = await handler(new Request(`http://bench${s.path}?${search(s.query)}`));
    stop();
    if (response.status !== 200) throw new Error(`${s.id}: HTTP ${response.status} ${await response.text()}`);
    const direct = await measure(reads, iterations);
    const grafana = await measure([grafanaRead(s)], grafanaIterations);
    results[s.id] = { direct, grafana, sql: reads.map((r) => r.text.split('\n').find((l) => !l.startsWith('--'))?.slice(0, 60)) };
    console.log(
      `${s.id.padEnd(30)} ${`${direct.p50.toFixed(1)} / ${direct.p95.toFixed(1)}`.padStart(18)} ${direct.rowsRead.toLocaleString('en-US').padStart(12)}   ` +
        `${`${grafana.p50.toFixed(1)} / ${grafana.p95.toFixed(1)}`.padStart(19)} ${grafana.rowsRead.toLocaleString('en-US').padStart(12)}`,
    );
  }
  writeResults(size, { direct: results, tableRows: extent.rows, end, runs: { direct: iterations, grafana: grafanaIterations } });
}

try {
  await main();
} finally {
  await closeClickHouse();
}
