import 'server-only';
import type { ClickHouseSettings } from '@clickhouse/client';
import type { z } from 'zod';
import { readLimits, readTables, tableParams } from '@/lib/config';
import { getClickHouse, type ReadonlyLevel } from './client';
import { DatabaseError, classifyError } from './errors';
import { observe } from './observed';
import { ensureSchema } from './schema';
import { sqlFile } from './sql-files';

/**
 * The one door for reads: every request-driven query passes here, so every
 * query is read-only, time- and size-limited, tagged, cancellable, and its
 * rows are validated before they reach the rest of the app. Each outcome is
 * reported to readiness (observed.ts), so health needs no query of its own.
 */

export type QueryParams = Record<string, string | number | boolean | string[] | number[] | null>;

export interface ReadQuery<Row extends z.ZodType> {
  /** A file under `sql/` without extension, e.g. `series/buckets`. */
  sql: string;
  params?: QueryParams;
  row: Row;
  /** Aborting (client disconnected) cancels the query in ClickHouse. */
  signal?: AbortSignal;
}

/**
 * The guards every read runs under, as a query-level `SETTINGS` clause: the
 * embedded engine applies `clickhouse_settings` as session-wide `SET`s (and
 * `readonly` can never be unset), whereas a clause binds to this one query on
 * both engines. SQL files for reads therefore end without their own SETTINGS
 * or FORMAT clause. An account that is read-only already may change fewer
 * settings: at level 2 all but `readonly`, at level 1 none (its profile's
 * limits apply).
 */
function guardedSql(name: string, account: ReadonlyLevel): string {
  const text = sqlFile(name).trimEnd().replace(/;$/, '');
  if (account === 1) return text;
  const limits = readLimits();
  const settings = [
    ...(account === 0 ? ['readonly = 2'] : []),
    `max_execution_time = ${limits.maxExecutionSeconds}`,
    `max_result_rows = ${limits.maxResultRows}`,
    "result_overflow_mode = 'throw'",
    `log_comment = 'flashback:${name.replace(/[^\w/-]/g, '')}'`,
  ];
  return `${text}\nSETTINGS ${settings.join(', ')}`;
}

/** HTTP-only: a dropped connection cancels the running read (the embedded engine cancels via the abort signal). */
const SERVER_SETTINGS: ClickHouseSettings = { cancel_http_readonly_queries_on_client_close: 1 };

export async function queryRows<Row extends z.ZodType>(query: ReadQuery<Row>): Promise<z.infer<Row>[]> {
  try {
    const rows = await readRows(query);
    observe();
    return rows;
  } catch (error) {
    if (error instanceof DatabaseError) observe(error);
    throw error;
  }
}

async function readRows<Row extends z.ZodType>(query: ReadQuery<Row>): Promise<z.infer<Row>[]> {
  const { client, engine } = await getClickHouse();
  const account = await ensureSchema();
  let raw: unknown[];
  try {
    const result = await client.query({
      query: guardedSql(query.sql, account),
      query_params: { ...tableParams(readTables()), ...query.params },
      format: 'JSONEachRow',
      clickhouse_settings: engine === 'server' && account !== 1 ? SERVER_SETTINGS : undefined,
      abort_signal: query.signal,
    });
    raw = await result.json();
  } catch (error) {
    if (query.signal?.aborted) throw error;
    throw classifyError(error);
  }
  const parsed = query.row.array().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DatabaseError(
      'unexpected_rows',
      `ClickHouse answered ${query.sql} with rows that do not match their schema (${issue ? `${issue.path.filter((p) => typeof p === 'string').join('.') || 'row'}: ${issue.message}` : 'unknown'}): check that the FLASHBACK_TABLE_* tables have the columns Flashback expects.`,
    );
  }
  return parsed.data;
}
