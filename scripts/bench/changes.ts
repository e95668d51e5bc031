/**
 * `tsx --conditions=react-server scripts/bench/changes.ts <size> [iterations]`:
 * /api/changes in-process on the dataset in FLASHBACK_DATA_DIR, for the last
 * hour against the hour before and against the 7 days before, with the time
 * of each signal's query. Adds `changes` to bench-results/<size>.json.
 */
import { z } from 'zod';
import { GET } from '@/app/api/changes/route';
import { closeClickHouse } from '@/lib/clickhouse/client';
import { queryRows } from '@/lib/clickhouse/query';
import { num } from '@/lib/queries/common';
import { search, timing, writeResults } from './common';

// Every iteration runs its queries (the read cache would answer the repeats).
process.env.FLASHBACK_READ_CACHE_SECONDS = '0';

const size = process.argv[2] ?? '';
const iterations = Number(process.argv[3] ?? 3);
const H = 3_600_000;

async function main(): Promise<void> {
  const [extent] = await queryRows({ sql: 'catalog/extent', row: z.object({ first_ms: num, last_ms: num, rows: num }) });
  if (!extent || extent.rows === 0) throw new Error('no metrics: the dataset step comes first');
  const to = Math.floor((extent.last_ms + 1) / H) * H;
  const from = to - H;
  const cases = { '1h vs previous hour': { from, to }, '1h vs 7 days': { from, to, baselineFrom: from - 7 * 24 * H, baselineTo: from } };
  const results: Record<string, unknown> = {};
  for (const [id, query] of Object.entries(cases)) {
    const times: number[] = [];
    let listed = 0;
    for (let i = 0; i < iterations; i += 1) {
      const started = performance.now();
      const res = await GET(new Request(`http://bench/api/changes?${search(query)}`));
      const body = (await res.json()) as { total?: number };
      if (res.status !== 200) throw new Error(`${id}: HTTP ${res.status} ${JSON.stringify(body)}`);
      times.push(performance.now() - started);
      listed = body.total ?? 0;
    }
    results[id] = { ...timing(times), listed };
    console.log(`${id.padEnd(22)} p50 ${timing(times).p50.toFixed(0)} ms / p95 ${timing(times).p95.toFixed(0)} ms, ${listed} rows listed`);
  }
  writeResults(size, { changes: results });
}

try {
  await main();
} finally {
  await closeClickHouse();
}
