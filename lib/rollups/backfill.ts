import 'server-only';
import { z } from 'zod';
import { runStatement } from '@/lib/clickhouse/command';
import { queryRows } from '@/lib/clickhouse/query';
import { sqlFile } from '@/lib/clickhouse/sql-files';
import { readTables, type Tables } from '@/lib/config';
import { num } from '@/lib/queries/common';
import { forgetRollups } from '@/lib/queries/rollups';

/**
 * `npm run rollups:backfill`: fills the rollups for rows written before
 * their views existed. Per source table and partition: empty the rollups'
 * partition of the same id (they are partitioned like their sources), run
 * each view's own SELECT over that one source partition into the view's
 * target, and record the partition, so a rerun skips what is done (unless
 * its row count changed, or `force`). The hourly rollups refill
 * themselves: their views read the inserts into the per-minute ones (and
 * the per-label hourly one the hourly one's). The hourly counts are
 * partitioned by month, so no day of theirs can be emptied: the views add a
 * refilled day's hours again, and the derived rollups' check at the end
 * (completeDerivedRollups) finds them over their source and refills them.
 */

interface Family {
  /** The key of the source in `Tables`. */
  source: 'metrics' | 'security' | 'anomalies' | 'traces';
  /**
   * The name progress is recorded under (default: the source): a family added
   * later has its own, so a dataset backfilled before it existed gets it.
   */
  ledger?: string;
  /** The schema files of the views whose SELECT is replayed. */
  views: string[];
  /** Every rollup to empty before a partition is refilled. */
  targets: (tables: Tables) => string[];
}

const FAMILIES: Family[] = [
  { source: 'metrics', views: ['schema/051_metrics_1m_mv'], targets: (t) => [t.rollups.metrics1m, t.rollups.metrics1mByLabel, t.rollups.metrics1h, t.rollups.metrics1hByLabel] },
  { source: 'security', views: ['schema/061_security_1m_mv'], targets: (t) => [t.rollups.security1m] },
  { source: 'anomalies', views: ['schema/071_anomalies_1m_mv'], targets: (t) => [t.rollups.anomalies1m] },
  {
    source: 'traces',
    views: ['schema/081_spans_1m_mv', 'schema/091_trace_summary_mv'],
    targets: (t) => [t.rollups.spans1m, t.rollups.traceSummary],
  },
  {
    source: 'traces',
    ledger: 'traces/changes',
    views: ['schema/101_span_changes_1m_mv'],
    targets: (t) => [t.rollups.spanChanges1m, t.rollups.spanChanges1h],
  },
];

/**
 * A view's definition as an INSERT of its SELECT into its target: the one
 * definition of each rollup serves both the view and the backfill.
 */
export function viewAsInsert(file: string): string {
  const text = sqlFile(file);
  const target = /\bTO (\{\w+:Identifier\})/.exec(text)?.[1];
  const select = text.indexOf('AS SELECT');
  if (!target || select < 0) throw new Error(`${file} is not a "CREATE MATERIALIZED VIEW … TO {…} AS SELECT …" file`);
  return `INSERT INTO ${target}\n${text.slice(select + 3)}`;
}

const partitionRow = z.object({ partition_id: z.string(), rows: num });

/**
 * The clause that confines a SELECT to one partition of `table`, as a
 * query-level SETTINGS clause (a session-wide setting would outlive the
 * statement on the embedded engine). ClickHouse binds no parameter inside a
 * setting; the table name is configuration (validated as an identifier) and
 * partition ids of these tables are digits (toDate / toYYYYMM), checked here.
 */
function partitionClause(table: string, partitionId: string): string {
  if (!/^\d{6,8}$/.test(partitionId)) throw new Error(`unexpected partition id "${partitionId}" of ${table}`);
  return `SETTINGS additional_table_filters = {'${table}': '_partition_id = \\'${partitionId}\\''}`;
}

/**
 * Rollups made from another rollup by a view (states merged, not raw rows
 * sketched again). A rollup added after the data was rolled up, e.g. on a
 * cached dataset, is filled from its source rollup partition by partition
 * when it does not account for every row: far cheaper than a full backfill.
 */
interface Derived {
  target: (t: Tables) => string;
  /** Each source and the view that fills the target from it: a rollup, or a raw table whose view copies some of its rows (the flagged anomalies); the density strip has one per kind. */
  from: { source: (t: Tables) => string; view: string }[];
  /** The coverage query, and its column that counts the rows the target accounts for (default `derived`). */
  coverage: string;
  counted?: string;
  /**
   * The target's schema file and the partition key it gives: a table made
   * before with another key (the hourly counts were by day) is dropped with
   * its view and made again, then refilled like an empty one. It is derived
   * from its source rollup, so nothing is lost.
   */
  remake?: { table: string; partitionKey: string };
}

const DERIVED: Derived[] = [
  {
    target: (t) => t.rollups.metrics1mByLabel,
    from: [{ source: (t) => t.rollups.metrics1m, view: 'schema/137_metrics_1m_by_label_mv' }],
    coverage: 'rollups/coverage_metrics_1m_by_label',
  },
  {
    target: (t) => t.rollups.metrics1hByLabel,
    from: [{ source: (t) => t.rollups.metrics1h, view: 'schema/131_metrics_1h_by_label_mv' }],
    coverage: 'rollups/coverage_metrics_by_label',
  },
  {
    target: (t) => t.rollups.security1h,
    from: [{ source: (t) => t.rollups.security1m, view: 'schema/133_security_1h_mv' }],
    coverage: 'rollups/coverage_security_1h',
    remake: { table: 'schema/132_security_1h', partitionKey: 'toYYYYMM(t)' },
  },
  {
    target: (t) => t.rollups.spans1h,
    from: [{ source: (t) => t.rollups.spans1m, view: 'schema/135_spans_1h_mv' }],
    coverage: 'rollups/coverage_spans_1h',
    remake: { table: 'schema/134_spans_1h', partitionKey: 'toYYYYMM(t)' },
  },
  // The density strip: per minute from each kind's per-minute counts, then per hour from those
  // (after them, so a refilled minute table's hours, added again by its view, are refilled too).
  {
    target: (t) => t.rollups.density1m,
    from: [
      { source: (t) => t.rollups.security1m, view: 'schema/151_density_1m_security_mv' },
      { source: (t) => t.rollups.anomalies1m, view: 'schema/152_density_1m_anomalies_mv' },
      { source: (t) => t.rollups.spans1m, view: 'schema/153_density_1m_spans_mv' },
    ],
    coverage: 'rollups/coverage_density',
    counted: 'minute',
  },
  {
    target: (t) => t.rollups.density1h,
    from: [{ source: (t) => t.rollups.density1m, view: 'schema/155_density_1h_mv' }],
    coverage: 'rollups/coverage_density',
    counted: 'hour',
  },
  {
    target: (t) => t.rollups.anomaliesFlagged,
    from: [{ source: (t) => t.anomalies, view: 'schema/139_anomalies_flagged_mv' }],
    coverage: 'rollups/coverage_anomalies_flagged',
  },
];
const partitionKeyRow = z.object({ partition_key: z.string() });

/** Makes a derived rollup again when it exists with another partition key than its schema file gives (see Derived). */
async function remakeIfRepartitioned(derived: Derived, target: string, log?: (line: string) => void): Promise<void> {
  if (!derived.remake) return;
  const [current] = await queryRows({ sql: 'rollups/partition_key', params: { table: target }, row: partitionKeyRow });
  if (!current || current.partition_key === derived.remake.partitionKey) return;
  await runStatement('rollups/drop_table', { table: `${target}_mv` }); // a rollup's view is named after it (config.ts)
  await runStatement('rollups/drop_table', { table: target });
  await runStatement(derived.remake.table);
  for (const { view } of derived.from) await runStatement(view);
  log?.(`${target}: made again, partitioned by ${derived.remake.partitionKey} (was ${current.partition_key})`);
}
const coverageCounts = z.record(z.string(), num);

/** Fills the derived rollups that lack rows (see DERIVED); answers how many partitions it refilled. */
export async function completeDerivedRollups(log?: (line: string) => void): Promise<number> {
  const tables = readTables();
  let refilled = 0;
  for (const derived of DERIVED) {
    await remakeIfRepartitioned(derived, derived.target(tables), log);
    const [counts] = await queryRows({ sql: derived.coverage, row: coverageCounts });
    if (counts && counts.raw === counts[derived.counted ?? 'derived']) continue;
    const target = derived.target(tables);
    await runStatement('rollups/truncate', { table: target });
    for (const { source: sourceOf, view } of derived.from) {
      const source = sourceOf(tables);
      const partitions = await queryRows({ sql: 'rollups/partitions', params: { table: source }, row: partitionRow });
      for (const [index, partition] of partitions.entries()) {
        await runStatement(view, {}, { text: `${viewAsInsert(view)}\n${partitionClause(source, partition.partition_id)}` });
        log?.(`${target} ${partition.partition_id} ${index + 1}/${partitions.length} from ${source}`);
        refilled += 1;
      }
    }
  }
  forgetRollups();
  return refilled;
}

export interface BackfillProgress {
  source: string;
  partitionId: string;
  index: number;
  total: number;
  rows: number;
  seconds: number;
  skipped: boolean;
}

const countRow = z.object({ rows: num });
const rowCount = async (table: string) => (await queryRows({ sql: 'rollups/row_count', params: { table }, row: countRow }))[0]?.rows ?? 0;

export interface BackfillOptions {
  /** Redo every partition, recorded or not. */
  force?: boolean;
  /**
   * Only families whose rollups are empty (a rollup added after the data was
   * written) or whose backfill was begun (it resumes): the seed fills the
   * others by their views without recording them, so a full run would redo
   * them all.
   */
  onlyEmpty?: boolean;
  log?: (p: BackfillProgress) => void;
}

export async function backfillRollups(options: BackfillOptions = {}): Promise<{ partitions: number; rows: number }> {
  const tables = readTables();
  let partitions = 0;
  let rows = 0;
  for (const family of FAMILIES) {
    const table = tables[family.source];

    const ledger = family.ledger ?? family.source;
    const all = await queryRows({ sql: 'rollups/partitions', params: { table }, row: partitionRow });
    const done = new Map(
      (await queryRows({ sql: 'rollups/backfilled', params: { source: ledger }, row: partitionRow })).map((p) => [p.partition_id, p.rows]),
    );
    if (options.onlyEmpty && done.size === 0) {
      // Never backfilled: rows there came from the views (the seed), so only empty rollups need it.
      const filled = await Promise.all(family.targets(tables).map(rowCount));
      if (filled.some((n) => n > 0)) continue;
    }
    for (const [index, partition] of all.entries()) {
      const begun = performance.now();
      const skipped = !options.force && done.get(partition.partition_id) === partition.rows;
      if (!skipped) {
        for (const target of family.targets(tables)) {
          await runStatement('rollups/drop_partition', { table: target, partition_id: partition.partition_id });
        }
        for (const view of family.views) {
          await runStatement(view, {}, { text: `${viewAsInsert(view)}\n${partitionClause(table, partition.partition_id)}` });
        }
        await runStatement('rollups/record', { source: ledger, partition_id: partition.partition_id, rows: partition.rows });
        partitions += 1;
        rows += partition.rows;
      }
      options.log?.({
        source: ledger,
        partitionId: partition.partition_id,
        index: index + 1,
        total: all.length,
        rows: partition.rows,
        seconds: (performance.now() - begun) / 1000,
        skipped,
      });
    }
  }
  // Partitions skipped as done may predate a derived rollup: fill what it lacks.
  await completeDerivedRollups();
  forgetRollups();
  return { partitions, rows };
}
