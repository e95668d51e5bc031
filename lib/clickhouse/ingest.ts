import 'server-only';
import { createHash } from 'node:crypto';
import { readTables, tableParams } from '@/lib/config';
import { getClickHouse } from './client';
import { DatabaseError, classifyError } from './errors';
import { INGEST_TABLES, ROW_SCHEMAS, rowTimeMs, toColumns, type IngestTable, type RowOf } from './ingest-rows';
import { shuttingDown } from '@/lib/lifecycle/shutdown';
import { liveColumns } from './live-columns';
import { observeWrite } from './observed';
import { ensureSchema } from './schema';
import { sqlFile } from './sql-files';
import { forgetSharedReads } from './shared-reads';

/**
 * The one door for writing rows (importers, tests): every row is validated
 * against its table's schema, written in batches through @clickhouse/client
 * (JSONEachRow) with only the columns the live table has, and never through
 * the read door, which stays read-only.
 *
 * Re-importing does not duplicate rows. Batches are cut deterministically
 * (every `batchRows` rows of a table, in input order), and each batch's token
 * is the target table's name and a hash of the batch's content. Before writing a batch the door looks
 * its token up in the import ledger and skips it when found; after writing
 * it records it. So a second import of a file, or the rerun of one that
 * failed half-way, writes only what is missing. The same token goes out as
 * `insert_deduplication_token`, which makes ClickHouse itself drop the repeat
 * on tables with deduplication on (replicated tables, or a
 * `non_replicated_deduplication_window`), closing the gap left when a process
 * dies between a batch's insert and its ledger row.
 */

export class RowRejectedError extends Error {
  override name = 'RowRejectedError';
}

export interface TableWrite {
  rows: number;
  /** Rows of batches found in the ledger and not written again. */
  alreadyImported: number;
  /** Epoch ms of the earliest and latest row, null when none. */
  fromMs: number | null;
  toMs: number | null;
}

export interface IngestOptions {
  /** Names the data in the ledger (e.g. the file name). */
  source: string;
  format: string;
  /** Validate and count only: nothing is written. */
  dryRun?: boolean;
  /** Rows per insert (default 20,000). */
  batchRows?: number;
  /** Off for test fixtures that insert the same rows on purpose. */
  ledger?: boolean;
}

/** Columns a table must have for its rows to mean anything; the rest are written when present. */
const REQUIRED: Record<IngestTable, string[]> = {
  metrics: ['timestamp', 'metric_name', 'value'],
  security: ['timestamp', 'event_type', 'severity'],
  anomalies: ['timestamp', 'metric_name', 'value'],
  traces: ['Timestamp', 'TraceId', 'SpanId', 'Duration'],
};

interface Pending {
  columns: Record<string, unknown>[];
  hash: ReturnType<typeof createHash>;
}

export interface IngestWriter {
  /** Validates a row and queues it; writes a batch when one is full. */
  add<T extends IngestTable>(table: T, row: unknown): Promise<void>;
  /** Writes what is queued and returns the per-table counts. */
  finish(): Promise<Record<IngestTable, TableWrite>>;
}

const emptyWrite = (): TableWrite => ({ rows: 0, alreadyImported: 0, fromMs: null, toMs: null });

export async function openIngest(options: IngestOptions): Promise<IngestWriter> {
  const batchRows = options.batchRows ?? 20_000;
  const tables = readTables();
  const handle = await getClickHouse();
  await ensureSchema();
  const live = new Map<IngestTable, ReadonlySet<string>>();
  const pending = new Map<IngestTable, Pending>();
  const stats = Object.fromEntries(INGEST_TABLES.map((t) => [t, emptyWrite()])) as Record<IngestTable, TableWrite>;

  async function columnsOf(table: IngestTable): Promise<ReadonlySet<string>> {
    let names = live.get(table);
    if (!names) {
      names = (await liveColumns(tables[table])).names;
      const missing = REQUIRED[table].filter((c) => !names?.has(c));
      if (missing.length > 0) {
        throw new DatabaseError('query', `Table ${tables[table]} lacks the column(s) ${missing.join(', ')} that ${table} rows need; is FLASHBACK_TABLE_* right?`);
      }
      live.set(table, names);
    }
    return names;
  }

  async function ledgerHas(token: string): Promise<boolean> {
    const result = await handle.client.query({
      query: sqlFile('ingest/ledger-has'),
      query_params: { ...tableParams(tables), token },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ done: number }>();
    return row?.done === 1;
  }

  async function flush(table: IngestTable): Promise<void> {
    const batch = pending.get(table);
    pending.delete(table);
    if (!batch || batch.columns.length === 0 || options.dryRun) return;
    // The target's configured name is part of the token: the same file imported into another table is new there.
    const token = `${tables[table]}:${batch.hash.digest('hex')}`;
    const useLedger = options.ledger !== false;
    // Stopping between batches, never inside one: each is written with its ledger row, or not at all.
    if (shuttingDown()) {
      throw new DatabaseError('unavailable', 'Flashback is shutting down: the import stopped between two batches. Every batch written so far is kept; import the file again to write the rest.');
    }
    try {
      if (useLedger && (await ledgerHas(token))) {
        stats[table].alreadyImported += batch.columns.length;
        return;
      }
      await handle.client.insert({
        table: tables[table],
        values: batch.columns,
        format: 'JSONEachRow',
        // Set on every insert: the embedded engine keeps settings for the session, so none may linger.
        clickhouse_settings: { insert_deduplication_token: useLedger ? token : '' },
      });
      if (useLedger) {
        await handle.client.insert({
          table: tables.imports,
          values: [{ token, target_table: tables[table], rows: batch.columns.length, source: options.source, format: options.format }],
          format: 'JSONEachRow',
          clickhouse_settings: { insert_deduplication_token: '' },
        });
      }
      observeWrite();
    } catch (error) {
      const failure = classifyError(error);
      observeWrite(failure); // health reports a disk found full (reads may still work)
      throw failure;
    } finally {
      forgetSharedReads(); // answers read before the write may be stale now
    }
  }

  return {
    async add(table, row) {
      const parsed = ROW_SCHEMAS[table].safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new RowRejectedError(`${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`);
      }
      const valid = parsed.data as RowOf[typeof table];
      const columns = toColumns(table, valid, await columnsOf(table));
      let batch = pending.get(table);
      if (!batch) pending.set(table, (batch = { columns: [], hash: createHash('sha256') }));
      batch.columns.push(columns);
      batch.hash.update(JSON.stringify(columns)).update('\n');
      const s = stats[table];
      const t = rowTimeMs(table, valid);
      s.rows += 1;
      s.fromMs = s.fromMs === null ? t : Math.min(s.fromMs, t);
      s.toMs = s.toMs === null ? t : Math.max(s.toMs, t);
      if (batch.columns.length >= batchRows) await flush(table);
    },
    async finish() {
      for (const table of INGEST_TABLES) await flush(table);
      return stats;
    },
  };
}

/** Writes rows to one table in one go (test fixtures; no ledger: a test may insert the same rows twice). */
export async function writeRows<T extends IngestTable>(table: T, rows: readonly RowOf[T][], source = 'fixture'): Promise<void> {
  const writer = await openIngest({ source, format: 'rows', ledger: false, batchRows: Math.max(rows.length, 1) });
  for (const row of rows) await writer.add(table, row);
  await writer.finish();
}

