import { readFileSync } from 'node:fs';
import { closeClickHouse, getClickHouse } from '@/lib/clickhouse/client';
async function main() {
  const { client } = await getClickHouse();
  for (const stmt of readFileSync(process.argv[2]!, 'utf8').split(';\n').map((s) => s.trim()).filter(Boolean)) {
    const t0 = performance.now();
    await client.command({ query: stmt });
    console.log((performance.now() - t0).toFixed(0), 'ms', stmt.slice(0, 60));
  }
}
try { await main(); } finally { await closeClickHouse(); }
