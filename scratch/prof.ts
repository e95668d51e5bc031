import { z } from 'zod';
import { GET as density } from '@/app/api/density/route';
import { closeClickHouse, getClickHouse } from '@/lib/clickhouse/client';
import { observeQueries, queryRows, type QueryParams } from '@/lib/clickhouse/query';
import { sqlFile } from '@/lib/clickhouse/sql-files';
import { num } from '@/lib/queries/common';
import { tableParams, readTables } from '@/lib/config';
process.env.FLASHBACK_READ_CACHE_SECONDS = '0';
const variants = (process.env.VARIANTS ?? '').split(',').filter(Boolean);
async function main() {
  const [extent] = await queryRows({ sql: 'catalog/extent', row: z.object({ first_ms: num, last_ms: num, rows: num }) });
  const end = extent!.last_ms + 1, from = end - 30 * 86400000;
  const reads: { sql: string; params: QueryParams }[] = [];
  const stop = observeQueries((q) => { if (!q.sql.startsWith('rollups/')) reads.push({ sql: q.sql, params: q.params }); });
  const r = await density(new Request(`http://x/api/density?from=${from}&to=${end}&buckets=200`));
  stop();
  const body = await r.text();
  console.log(reads.map((x) => x.sql), JSON.stringify(reads[0]?.params));
  const { client } = await getClickHouse();
  const params = { ...tableParams(readTables()), ...reads[0]!.params };
  const texts: Record<string, string> = { route: sqlFile(reads[0]!.sql) };
  for (const v of variants) texts[v] = sqlFile(v);
  const res: Record<string, number[]> = {};
  const stats: Record<string, string> = {};
  for (let round = 0; round < Number(process.env.ROUNDS ?? 15); round++) {
    for (const [name, text] of Object.entries(texts)) {
      const t0 = performance.now();
      const q = await client.query({ query: text, query_params: params, format: 'JSON' });
      const j = JSON.parse(await q.text());
      (res[name] ??= []).push(performance.now() - t0);
      stats[name] = `rows ${j.rows} read ${j.statistics.rows_read}`;
      if (round === 0 && name !== 'route' && process.env.CHECK) {
        console.log(name, 'answer rows', j.rows);
      }
    }
  }
  for (const [name, times] of Object.entries(res)) {
    const s = times.slice(2).sort((a, b) => a - b);
    console.log(name.padEnd(40), 'p50', s[Math.floor(s.length / 2)]!.toFixed(1), 'min', s[0]!.toFixed(1), stats[name]);
  }
  void body;
}
try { await main(); } finally { await closeClickHouse(); }
