import 'server-only';
import type { ClickHouseClient } from '@clickhouse/client';
import { readTables, tableParams } from '@/lib/config';
import { getClickHouse, type ReadonlyLevel } from './client';
import { classifyError } from './errors';
import { sqlFolder } from './sql-files';

/**
 * Applies `sql/schema/*.sql` (each one idempotent `CREATE … IF NOT EXISTS`) in
 * file-name order, once per process, before the first query. The seed and the
 * tests go through here too, so there is one definition of the tables. It
 * also reads the account's `readonly` level, which decides the read guards.
 */

async function accountReadonly(client: ClickHouseClient): Promise<ReadonlyLevel> {
  const result = await client.query({ query: "SELECT toUInt8(getSetting('readonly')) AS level", format: 'JSONEachRow' });
  const [row] = await result.json<{ level: number }>();
  return row?.level === 1 || row?.level === 2 ? row.level : 0;
}

async function applySchema(client: ClickHouseClient): Promise<ReadonlyLevel> {
  const params = tableParams(readTables());
  for (const file of sqlFolder('schema')) {
    try {
      await client.command({ query: file.text, query_params: params });
    } catch (error) {
      const failure = classifyError(error);
      // A read-only account on a server cannot create tables; it may read ones that exist,
      // and a query on one that does not says so (see errors.ts).
      if (failure.kind !== 'readonly') throw failure;
      console.warn(`[flashback] ${file.name}: no right to create tables here; assuming they exist.`);
    }
  }
  try {
    return await accountReadonly(client);
  } catch (error) {
    throw classifyError(error);
  }
}

/** Resolves once the tables exist, to the account's `readonly` level (which settings reads may add). */
export async function ensureSchema(): Promise<ReadonlyLevel> {
  const handle = await getClickHouse();
  // A failed attempt is forgotten so that the next request retries (e.g. once ClickHouse is back).
  handle.schemaReady ??= applySchema(handle.client).catch((error: unknown) => {
    handle.schemaReady = undefined;
    throw error;
  });
  return handle.schemaReady;
}
