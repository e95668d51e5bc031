/**
 * `tsx scripts/bench/http.ts <size> --url http://127.0.0.1:3310 --log <query log> [--iterations 7]`:
 * every scenario over HTTP against a production server (started with its
 * read cache off, so each request runs its queries): p50/p95, bytes
 * returned, and the rows/bytes ClickHouse read for one request, from the
 * server's query log (FLASHBACK_QUERY_LOG).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { arg, readResults, scenarios, search, selected, timing, writeResults } from './common';

const size = process.argv[2] ?? '';
const base = arg('url');
const log = arg('log');
const iterations = Number(arg('iterations', '7'));

interface LogLine {
  sql: string;
  rowsRead: number;
  bytesRead: number;
}

const logSize = () => (existsSync(log) ? statSync(log).size : 0);

/** The log's size once the server's asynchronous appends have stopped. */
async function settledLogSize(): Promise<number> {
  let last = -1;
  for (let i = 0; i < 20 && logSize() !== last; i += 1) {
    last = logSize();
    await new Promise((r) => setTimeout(r, 25));
  }
  return logSize();
}

/** Query-log lines written since byte `offset` (once they have settled). */
async function linesSince(offset: number): Promise<LogLine[]> {
  await settledLogSize();
  if (!existsSync(log)) return [];
  return readFileSync(log).subarray(offset).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);
}

async function get(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, status: response.status };
}

async function main(): Promise<void> {
  const { end } = readResults(size) as { end?: number };
  if (!end) throw new Error('run the direct step first (it records the data extent)');
  const { list, keep } = selected(scenarios(end));
  const results: Record<string, unknown> = keep(readResults(size).http);
  // A fresh server's first requests run cold code (module loading, the JIT, the engine's caches):
  // one untimed pass over every scenario first, so the first scenarios are not timed warming it up.
  for (const s of list) await get(`${base}${s.path}?${search(s.query)}`);
  console.log(`${'scenario'.padEnd(30)} ${'HTTP p50/p95 ms'.padStart(16)} ${'body'.padStart(9)} ${'rows read'.padStart(12)} ${'bytes read'.padStart(13)}  queries`);
  for (const s of list) {
    const url = `${base}${s.path}?${search(s.query)}`;
    // After the last scenario's timed runs have logged their reads: a late line would count here.
    const offset = await settledLogSize();
    const first = await get(url);
    if (first.status !== 200) {
      // Over the route's time limit on this machine: recorded as such, and the run goes on.
      results[s.id] = { status: first.status, p50: first.ms, p95: first.ms, n: 1, bytes: first.bytes, rowsRead: NaN, bytesRead: NaN, sql: [] };
      console.log(`${s.id.padEnd(30)} HTTP ${first.status} after ${first.ms.toFixed(0)} ms`);
      continue;
    }
    const reads = (await linesSince(offset)).filter((l) => !l.sql.startsWith('rollups/'));
    const times: number[] = [];
    for (let i = 0; i < iterations; i += 1) times.push((await get(url)).ms);
    const figures = {
      ...timing(times),
      bytes: first.bytes,
      rowsRead: reads.reduce((n, l) => n + l.rowsRead, 0),
      bytesRead: reads.reduce((n, l) => n + l.bytesRead, 0),
      sql: reads.map((l) => l.sql),
    };
    results[s.id] = figures;
    console.log(
      `${s.id.padEnd(30)} ${`${figures.p50.toFixed(1)} / ${figures.p95.toFixed(1)}`.padStart(16)} ${`${(figures.bytes / 1024).toFixed(1)} KB`.padStart(9)} ` +
        `${figures.rowsRead.toLocaleString('en-US').padStart(12)} ${figures.bytesRead.toLocaleString('en-US').padStart(13)}  ${figures.sql.join(', ')}`,
    );
  }
  writeResults(size, { http: results });
}

await main();
