import 'server-only';
import path from 'node:path';

/**
 * Server configuration, read once from the environment.
 * Table names are identifiers bound into SQL as `{name:Identifier}`; they come
 * from here (the operator), never from a request.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

function tableName(envName: string, fallback: string): string {
  const value = process.env[envName]?.trim() || fallback;
  if (!IDENTIFIER.test(value)) {
    throw new Error(`${envName}="${value}" is not a valid ClickHouse table name (letters, digits, _; optionally db.table)`);
  }
  return value;
}

export interface Tables {
  metrics: string;
  security: string;
  anomalies: string;
  traces: string;
  /** TraceId → [Start, End] lookup filled by a materialized view, as the OTel exporter creates it. */
  traceIdTs: string;
  /** The import ledger: one row per batch the ingest door wrote, so a re-import skips it. */
  imports: string;
  /** Rollups kept by materialized views (sql/schema/05x–09x), named after their source table. */
  rollups: RollupTables;
}

export interface RollupTables {
  /** Per (metric, service, label set) and minute / hour: count, sum, min, max, last and a quantile sketch. */
  metrics1m: string;
  metrics1h: string;
  /** The per-minute and hourly ones per (metric, service, label key, label value), with label key '' for all of a metric's rows. */
  metrics1mByLabel: string;
  metrics1hByLabel: string;
  /** Security events per minute, severity and event type. */
  security1m: string;
  /** The same per hour (merged from the per-minute counts), for the catalog. */
  security1h: string;
  /** Detected anomalies per minute and metric. */
  anomalies1m: string;
  /** The verdicts with is_anomaly = 1, as rows, for lists of anomalies. */
  anomaliesFlagged: string;
  /** Spans and error spans per minute and service. */
  spans1m: string;
  /** The same per hour (merged from the per-minute counts), for the catalog. */
  spans1h: string;
  /** One row per trace (per insert; merged at read): start, end, root span, span and error counts, services. */
  traceSummary: string;
  /** "What changed" spans per minute / hour, operation, attribute cell and self-time class (sql/schema/100–103). */
  spanChanges1m: string;
  spanChanges1h: string;
  /**
   * The overview strip's counts of every kind (security events by severity, anomalies, spans and
   * error spans) per minute / hour (sql/schema/150–155), merged from the per-kind per-minute counts.
   */
  density1m: string;
  density1h: string;
  /** Which source partitions `npm run rollups:backfill` has rolled up. */
  backfill: string;
}

export function readTables(): Tables {
  const traces = tableName('FLASHBACK_TABLE_TRACES', 'otel_traces');
  const metrics = tableName('FLASHBACK_TABLE_METRICS', 'metrics_events');
  const security = tableName('FLASHBACK_TABLE_SECURITY', 'security_events');
  const anomalies = tableName('FLASHBACK_TABLE_ANOMALIES', 'anomaly_detections');
  return {
    metrics,
    security,
    anomalies,
    traces,
    traceIdTs: tableName('FLASHBACK_TABLE_TRACE_ID_TS', `${traces}_trace_id_ts`),
    rollups: readRollupTables(metrics, security, anomalies, traces),
    imports: tableName('FLASHBACK_TABLE_IMPORTS', 'flashback_imports'),
  };
}

function readRollupTables(metrics: string, security: string, anomalies: string, traces: string): RollupTables {
  return {
    metrics1m: `${metrics}_1m`,
    metrics1h: `${metrics}_1h`,
    metrics1mByLabel: `${metrics}_1m_by_label`,
    metrics1hByLabel: `${metrics}_1h_by_label`,
    security1m: `${security}_1m`,
    security1h: `${security}_1h`,
    anomalies1m: `${anomalies}_1m`,
    anomaliesFlagged: `${anomalies}_flagged`,
    spans1m: `${traces}_1m`,
    spans1h: `${traces}_1h`,
    traceSummary: `${traces}_summary`,
    spanChanges1m: `${traces}_changes_1m`,
    spanChanges1h: `${traces}_changes_1h`,
    // Of every kind, named after the first (a raw-table configuration without them finds none).
    density1m: `${security}_density_1m`,
    density1h: `${security}_density_1h`,
    backfill: tableName('FLASHBACK_TABLE_BACKFILL', 'flashback_rollup_backfill'),
  };
}

/** The SQL parameter stem of each rollup: `{metrics_1m_table:Identifier}`, `{metrics_1m_mv:Identifier}`. */
const ROLLUP_PARAMS = [
  ['metrics_1m', 'metrics1m'],
  ['metrics_1h', 'metrics1h'],
  ['metrics_1m_by_label', 'metrics1mByLabel'],
  ['metrics_1h_by_label', 'metrics1hByLabel'],
  ['security_1m', 'security1m'],
  ['security_1h', 'security1h'],
  ['anomalies_1m', 'anomalies1m'],
  ['anomalies_flagged', 'anomaliesFlagged'],
  ['spans_1m', 'spans1m'],
  ['spans_1h', 'spans1h'],
  ['trace_summary', 'traceSummary'],
  ['span_changes_1m', 'spanChanges1m'],
  ['span_changes_1h', 'spanChanges1h'],
  ['density_1m', 'density1m'],
  ['density_1h', 'density1h'],
] as const satisfies readonly (readonly [string, Exclude<keyof RollupTables, 'backfill'>])[];

/** Query parameters every SQL file may use to name its tables. */
export function tableParams(tables: Tables): Record<string, string> {
  return {
    metrics_table: tables.metrics,
    security_table: tables.security,
    anomalies_table: tables.anomalies,
    traces_table: tables.traces,
    trace_id_ts_table: tables.traceIdTs,
    trace_id_ts_mv: `${tables.traceIdTs}_mv`,
    ...Object.fromEntries(
      ROLLUP_PARAMS.flatMap(([param, key]) => [
        [`${param}_table`, tables.rollups[key]],
        [`${param}_mv`, `${tables.rollups[key]}_mv`],
      ]),
    ),
    // The per-minute strip is filled by one view per kind (sql/schema/151–153).
    ...Object.fromEntries(['security', 'anomalies', 'spans'].map((kind) => [`density_1m_${kind}_mv`, `${tables.rollups.density1m}_${kind}_mv`])),
    backfill_table: tables.rollups.backfill,
    imports_table: tables.imports,
  };
}

export type ConnectionConfig =
  | { kind: 'server'; url: string; username?: string; password?: string; database?: string }
  | { kind: 'embedded'; path: string };

export function readConnectionConfig(): ConnectionConfig {
  const url = process.env.CLICKHOUSE_URL?.trim();
  if (url) {
    return {
      kind: 'server',
      url,
      username: process.env.CLICKHOUSE_USER || undefined,
      password: process.env.CLICKHOUSE_PASSWORD || undefined,
      database: process.env.CLICKHOUSE_DATABASE || undefined,
    };
  }
  // The data dir is a run-time location, not a build input: keep the bundler from tracing it.
  return { kind: 'embedded', path: path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.FLASHBACK_DATA_DIR || '.data/clickhouse') };
}

function positiveInt(envName: string, fallback: number): number {
  const raw = process.env[envName];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${envName} must be a positive integer, got "${raw}"`);
  return value;
}

/** Guards applied to every query (settings) and to request input (validation). */
export function readLimits() {
  return {
    maxExecutionSeconds: positiveInt('FLASHBACK_MAX_EXECUTION_SECONDS', 15),
    maxResultRows: positiveInt('FLASHBACK_MAX_RESULT_ROWS', 200_000),
    /** The widest window a request may ask for (default: 400 days). */
    maxWindowMs: positiveInt('FLASHBACK_MAX_WINDOW_DAYS', 400) * 86_400_000,
  };
}
