import type { IngestTable } from '@/lib/clickhouse/ingest-rows';
import { contentEventId } from '../event-id';
import { nsToMs, parseTimestamp } from '../timestamp';
import { isObject, RecordError, stringMap, text, type Emit, type FormatSpec, type MapContext, type Mapped } from '../types';

/**
 * CSV and JSON Lines for the three event tables, header-driven: a record's
 * keys name the table's columns (timestamp, metric_name, value, …), and
 * `--map value=latency_ms,timestamp=ts` says which source column feeds a
 * target column where the names differ. The table is --table, else inferred
 * from the columns present (threat_score/severity/event_type: security;
 * deviation_score/expected_value/is_anomaly: anomalies; else metrics).
 * Timestamps may be epoch s/ms/µs/ns or ISO. Columns that feed no target
 * become labels (metrics) or context (anomalies); a metric without a
 * metric_name column is named after the file, as NAB's series are.
 */

const TIME_COLUMNS = ['timestamp', 'time', 'ts', '@timestamp', 'date'];

const TARGETS: Record<IngestTable, string[]> = {
  metrics: ['timestamp', 'metric_name', 'service', 'value', 'labels'],
  security: ['timestamp', 'event_type', 'severity', 'source_ip', 'description', 'threat_score', 'action_taken', 'service', 'event_id'],
  anomalies: ['timestamp', 'metric_name', 'value', 'expected_value', 'deviation_score', 'is_anomaly', 'context'],
  traces: [],
};

export function inferTable(columns: string[], map: Record<string, string>): IngestTable {
  const present = new Set([...columns, ...Object.keys(map)]);
  if (['threat_score', 'severity', 'event_type', 'source_ip'].some((c) => present.has(c))) return 'security';
  if (['deviation_score', 'expected_value', 'is_anomaly'].some((c) => present.has(c))) return 'anomalies';
  return 'metrics';
}

function number(v: unknown, column: string, fallback?: number): number {
  if ((v === undefined || v === '') && fallback !== undefined) return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new RecordError(`${column} "${text(v)}" is not a number`);
  return n;
}

function bool(v: unknown): boolean {
  if (v === undefined || v === '') return true;
  if (typeof v === 'boolean') return v;
  const s = text(v).toLowerCase();
  if (['1', 'true', 'yes'].includes(s)) return true;
  if (['0', 'false', 'no'].includes(s)) return false;
  throw new RecordError(`is_anomaly "${s}" is not a boolean`);
}

export function createTableMapper(ctx: MapContext) {
  let table: IngestTable | undefined = ctx.table;
  const sourceOf = (target: string) => ctx.map[target] ?? target;

  return {
    map(record: unknown, line: number): Mapped {
      if (!isObject(record)) throw new RecordError('a record must be an object of columns');
      table ??= inferTable(Object.keys(record), ctx.map);
      const get = (target: string) => record[sourceOf(target)];
      const timeColumn = ctx.map.timestamp ?? TIME_COLUMNS.find((c) => c in record);
      if (!timeColumn) throw new RecordError(`no timestamp column (tried ${TIME_COLUMNS.join(', ')}; --map timestamp=<column> names it)`);
      const ns = parseTimestamp(record[timeColumn]);
      if (ns === null) throw new RecordError(`${timeColumn} "${text(record[timeColumn])}" is not a timestamp (epoch s/ms/µs/ns or ISO 8601)`);
      const timeMs = nsToMs(ns);
      const used = new Set([timeColumn, ...TARGETS[table].map(sourceOf)]);
      const rest = () => {
        const extra: Record<string, string> = {};
        for (const [k, v] of Object.entries(record)) if (!used.has(k)) extra[k] = text(v);
        return extra;
      };
      const service = text(get('service')) || ctx.service || 'import';
      let row: Emit;
      if (table === 'metrics') {
        row = {
          table,
          row: { timeMs, metric: text(get('metric_name')) || ctx.sourceName, service, value: number(get('value'), sourceOf('value')), labels: { ...rest(), ...stringMap(get('labels')) } },
        };
      } else if (table === 'security') {
        const eventType = text(get('event_type'));
        if (!eventType) throw new RecordError(`${sourceOf('event_type')} is empty`);
        row = {
          table,
          row: {
            timeMs,
            eventType,
            severity: text(get('severity')) || 'info',
            sourceIp: text(get('source_ip')),
            description: text(get('description')),
            threatScore: number(get('threat_score'), sourceOf('threat_score'), 0),
            actionTaken: text(get('action_taken')),
            service,
            eventId: text(get('event_id')) || contentEventId(record, line),
          },
        };
      } else if (table === 'anomalies') {
        const value = number(get('value'), sourceOf('value'));
        row = {
          table,
          row: {
            timeMs,
            metric: text(get('metric_name')) || ctx.sourceName,
            value,
            expected: number(get('expected_value'), sourceOf('expected_value'), value),
            score: number(get('deviation_score'), sourceOf('deviation_score'), 0),
            isAnomaly: bool(get('is_anomaly')),
            context: { ...rest(), ...stringMap(get('context')) },
          },
        };
      } else throw new RecordError('spans are imported from trace formats (OTLP, Jaeger, Zipkin), not CSV or JSON Lines');
      return [row];
    },
  };
}

export const csv: FormatSpec = {
  name: 'csv',
  reader: 'csv',
  describe: 'CSV with a header line, for metrics, security events or anomalies (--map target=source, --table)',
  create: createTableMapper,
};

export const jsonl: FormatSpec = {
  name: 'jsonl',
  reader: 'json',
  describe: 'JSON Lines of metrics, security events or anomalies (--map target=source, --table)',
  create: createTableMapper,
};
