import 'server-only';
import type { ClickHouseClient } from '@clickhouse/client';
import { readTables, tableParams } from '@/lib/config';
import { getClickHouse } from './client';
import { classifyError } from './errors';
import { sqlFolder } from './sql-files';

/**
 * Applies `sql/schema/*.sql` (each one idempotent `CREATE … IF NOT EXISTS`) in
 * file-name order, once per process, before the first query. The seed and the
 * tests go through here too, so there is one definition of the tables.
 */

async function applySchema(client: ClickHouseClient): Promise<void> {
  const params = tableParams(readTables());
  for (const file of sqlFolder('schema')) {
    try {
      await client.command({ query: file.text, query_params: params });
    } catch (error) {
      throw classifyError(error);
    }
  }
}

export async function ensureSchema(): Promise<void> {
  const handle = await getClickHouse();
  // A failed attempt is forgotten so that the next request retries (e.g. once ClickHouse is back).
  handle.schemaReady ??= applySchema(handle.client).catch((error: unknown) => {
    handle.schemaReady = undefined;
    throw error;
  });
  return handle.schemaReady;
}
