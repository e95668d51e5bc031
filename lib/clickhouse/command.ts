import 'server-only';
import { readTables, tableParams } from '@/lib/config';
import { getClickHouse } from './client';
import { classifyError } from './errors';
import type { QueryParams } from './query';
import { ensureSchema } from './schema';
import { forgetSharedReads } from './shared-reads';
import { sqlFile } from './sql-files';

/**
 * The one door for writes (the demo seed, test fixtures): runs one statement
 * from `sql/<name>.sql` with the table names and the given values bound as
 * parameters, never spliced into the text. Not reachable from requests.
 */
export interface StatementOptions {
  /** The statement's text when it is derived from the file (the rollup backfill runs a view's SELECT). */
  text?: string;
}

export async function runStatement(sql: string, params: QueryParams = {}, options: StatementOptions = {}): Promise<void> {
  const { client } = await getClickHouse();
  await ensureSchema();
  try {
    await client.command({
      query: options.text ?? sqlFile(sql),
      query_params: { ...tableParams(readTables()), ...params },
      clickhouse_settings: { log_comment: `flashback:${sql}` },
    });
  } catch (error) {
    throw classifyError(error);
  } finally {
    forgetSharedReads(); // answers read before the write may be stale now (also after a failed write)
  }
}
