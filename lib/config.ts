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
}

export function readTables(): Tables {
  const traces = tableName('FLASHBACK_TABLE_TRACES', 'otel_traces');
  return {
    metrics: tableName('FLASHBACK_TABLE_METRICS', 'metrics_events'),
    security: tableName('FLASHBACK_TABLE_SECURITY', 'security_events'),
    anomalies: tableName('FLASHBACK_TABLE_ANOMALIES', 'anomaly_detections'),
    traces,
    traceIdTs: tableName('FLASHBACK_TABLE_TRACE_ID_TS', `${traces}_trace_id_ts`),
    imports: tableName('FLASHBACK_TABLE_IMPORTS', 'flashback_imports'),
  };
}

/** Query parameters every SQL file may use to name its tables. */
export function tableParams(tables: Tables): Record<string, string> {
  return {
    metrics_table: tables.metrics,
    security_table: tables.security,
    anomalies_table: tables.anomalies,
    traces_table: tables.traces,
    trace_id_ts_table: tables.traceIdTs,
    trace_id_ts_mv: `${tables.traceIdTs}_mv`,
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
