import 'server-only';
import type { ClickHouseSettings } from '@clickhouse/client';
import { appendFile } from 'node:fs/promises';
import { z } from 'zod';
import { readLimits, readTables, tableParams } from '@/lib/config';
import { getClickHouse, type ReadonlyLevel } from './client';
import { DatabaseError, classifyError } from './errors';
import { currentIdentity } from '@/lib/security/identity';
import { observe, readStarted } from './observed';
import { ensureSchema } from './schema';
import { withReadSlot } from './read-slots';
import { sharedRead } from './shared-reads';
import { sqlFile, type Arms } from './sql-files';

/**
 * The one door for reads: every request-driven query passes here, so every
 * query is read-only, time- and size-limited, tagged, cancellable, takes its
 * turn in a bounded queue in front of the engine (read-slots.ts), and its
 * rows are validated before they reach the rest of the app. Each outcome is
 * reported to readiness (observed.ts), so health needs no query of its own.
 */

export type QueryParams = Record<string, string | number | boolean | string[] | number[] | null>;

export interface ReadQuery<Row extends z.ZodType> {
  /** A file under `sql/` without extension, e.g. `series/buckets`. */
  sql: string;
  params?: QueryParams;
  row: Row;
  /** The arms of the file's `-- arm:` blocks that hold rows (a tiered read: lib/queries/tiers.ts tierArms); every arm when undefined. */
  arms?: Arms;
  /** Aborting (client disconnected) cancels the query in ClickHouse. */
  signal?: AbortSignal;
  /**
   * Share identical reads in flight and briefly cache answers (default). Off
   * for reads that measure the engine itself (health probes, and the
   * `test/` files that exercise cancellation on a busy engine).
   */
  share?: boolean;
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
function guardedSql(name: string, arms: Arms, account: ReadonlyLevel): string {
  const text = sqlFile(name, arms).trimEnd().replace(/;$/, '');
  if (account === 1) return text;
  const limits = readLimits();
  const user = currentIdentity(); // already reduced to characters safe in a string literal
  const settings = [
    ...(account === 0 ? ['readonly = 2'] : []),
    `max_execution_time = ${limits.maxExecutionSeconds}`,
    `max_result_rows = ${limits.maxResultRows}`,
    "result_overflow_mode = 'throw'",
    `log_comment = 'flashback:${name.replace(/[^\w/-]/g, '')}${user ? ` user=${user}` : ''}'`,
  ];
  return `${text}\nSETTINGS ${settings.join(', ')}`;
}

/** HTTP-only: a dropped connection cancels the running read (the embedded engine cancels via the abort signal). */
const SERVER_SETTINGS: ClickHouseSettings = { cancel_http_readonly_queries_on_client_close: 1 };

/** What ClickHouse reports about one read (the `statistics` of its JSON answer, on both engines). */
export interface QueryStatistics {
  sql: string;
  /** The arms of the file it ran (sqlFile): with `params`, what the benchmark needs to replay it. */
  arms: Arms;
  /** Every bound value, table names included (the benchmark replays reads with them). */
  params: QueryParams;
  rowsRead: number;
  bytesRead: number;
  elapsedMs: number;
  resultRows: number;
}

type StatisticsListener = (statistics: QueryStatistics) => void;
const listenersKey = Symbol.for('flashback.query-statistics');
type GlobalWithListeners = typeof globalThis & { [listenersKey]?: Set<StatisticsListener> };

/**
 * Calls `listener` after every read (tests assert rows read and query counts
 * with it; FLASHBACK_QUERY_LOG=<file> appends each read as a JSON line, for
 * the benchmark). Kept on globalThis: every bundle of this module shares it.
 * Returns the function that removes the listener.
 */
export function observeQueries(listener: StatisticsListener): () => void {
  const g = globalThis as GlobalWithListeners;
  const listeners = (g[listenersKey] ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function report(statistics: QueryStatistics): void {
  for (const listener of (globalThis as GlobalWithListeners)[listenersKey] ?? []) listener(statistics);
  const log = process.env.FLASHBACK_QUERY_LOG;
  if (log) void appendFile(log, `${JSON.stringify({ at: Date.now(), ...statistics })}\n`).catch(() => undefined);
}

const jsonAnswer = z.object({
  data: z.array(z.unknown()),
  statistics: z.object({ rows_read: z.coerce.number(), bytes_read: z.coerce.number(), elapsed: z.number() }).partial().optional(),
});

/**
 * The answer's JSON document. chdb 3.4 leaves the closing part of a failed
 * query's JSON output (an empty `data`) in front of the next answer of the
 * session; a top-level document starts a line with `{` (rows are indented).
 */
function lastDocument(text: string): unknown {
  const start = text.lastIndexOf('\n{\n');
  return JSON.parse(start >= 0 ? text.slice(start + 1) : text);
}

export async function queryRows<Row extends z.ZodType>(query: ReadQuery<Row>): Promise<z.infer<Row>[]> {
  const done = readStarted();
  try {
    const rows = await readRows(query);
    observe();
    return rows;
  } catch (error) {
    if (error instanceof DatabaseError) observe(error);
    throw error;
  } finally {
    done();
  }
}

async function readRows<Row extends z.ZodType>(query: ReadQuery<Row>): Promise<z.infer<Row>[]> {
  const { client, engine } = await getClickHouse();
  const account = await ensureSchema();
  let raw: unknown[];
  const params = { ...tableParams(readTables()), ...query.params };
  try {
    const share = query.share !== false && !query.sql.startsWith('test/');
    const read = async (signal: AbortSignal | undefined) => {
      // Unshared reads (health probes, engine tests) measure the engine itself: they take no turn.
      if (!share) return run(signal);
      return withReadSlot(engine, signal, () => run(signal));
    };
    const run = async (signal: AbortSignal | undefined) => {
      const result = await client.query({
        query: guardedSql(query.sql, query.arms, account),
        query_params: params,
        // JSON rather than JSONEachRow: the same rows plus the read's statistics.
        format: 'JSON',
        clickhouse_settings: engine === 'server' && account !== 1 ? SERVER_SETTINGS : undefined,
        abort_signal: signal,
      });
      const text = await result.text();
      const answer = jsonAnswer.parse(lastDocument(text));
      report({
        sql: query.sql,
        arms: query.arms,
        params,
        rowsRead: answer.statistics?.rows_read ?? 0,
        bytesRead: answer.statistics?.bytes_read ?? 0,
        elapsedMs: (answer.statistics?.elapsed ?? 0) * 1000,
        resultRows: answer.data.length,
      });
      return { value: answer.data, size: text.length };
    };
    raw = share ? await sharedRead(JSON.stringify([query.sql, query.arms, params, account]), query.signal, read) : (await read(query.signal)).value;
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
