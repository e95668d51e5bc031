import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';

/** A file a test writes for itself, in the test run's temporary root. */
export function writeTemp(name: string, content: string | Buffer): string {
  const root = process.env.FLASHBACK_TEST_ROOT;
  if (!root) throw new Error('FLASHBACK_TEST_ROOT is unset: run tests through vitest');
  const dir = mkdtempSync(path.join(root, 'import-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export async function countOf(client: ClickHouseClient, table: string): Promise<number> {
  const rs = await client.query({ query: 'SELECT toUInt32(count()) AS n FROM {t:Identifier}', query_params: { t: table }, format: 'JSONEachRow' });
  const [row] = (await rs.json()) as { n: number }[];
  return row?.n ?? -1;
}
