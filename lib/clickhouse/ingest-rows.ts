import { z } from 'zod';

/**
 * The rows the ingest door writes, one zod schema per table, in the app's
 * own vocabulary (camelCase, epoch times); `toColumns` turns a valid row into
 * the table's columns. Times of the event tables are epoch ms; spans keep
 * nanoseconds as bigint. Text for DateTime64 columns is epoch seconds with
 * the fraction written out, so no time zone can shift it.
 */

const attributes = z.record(z.string(), z.string());
const time = z.number().int().nonnegative('times before 1970 are not stored');
const ns = z.bigint().nonnegative();

export const metricRowSchema = z.object({
  timeMs: time,
  metric: z.string().min(1, 'metric name is empty'),
  service: z.string(),
  value: z.number(),
  labels: attributes,
});

export const securityRowSchema = z.object({
  timeMs: time,
  eventType: z.string().min(1, 'event type is empty'),
  severity: z.string().min(1, 'severity is empty'),
  sourceIp: z.string(),
  description: z.string(),
  threatScore: z.number().min(0, 'threat score must be within 0..1').max(1, 'threat score must be within 0..1'),
  actionTaken: z.string(),
  service: z.string(),
  eventId: z.uuid().optional(),
});

export const anomalyRowSchema = z.object({
  timeMs: time,
  metric: z.string().min(1, 'metric name is empty'),
  value: z.number(),
  expected: z.number(),
  score: z.number(),
  isAnomaly: z.boolean(),
  context: attributes,
});

export const spanRowSchema = z.object({
  startNs: ns,
  traceId: z.string().min(1, 'trace id is empty'),
  spanId: z.string().min(1, 'span id is empty'),
  parentSpanId: z.string(),
  traceState: z.string(),
  name: z.string(),
  kind: z.string(),
  service: z.string(),
  resourceAttributes: attributes,
  scopeName: z.string(),
  scopeVersion: z.string(),
  attributes,
  durationNs: ns,
  statusCode: z.enum(['Unset', 'Ok', 'Error']),
  statusMessage: z.string(),
  events: z.array(z.object({ timeNs: ns, name: z.string(), attributes })),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string(), traceState: z.string(), attributes })),
});

export type MetricRow = z.infer<typeof metricRowSchema>;
export type SecurityRow = z.infer<typeof securityRowSchema>;
export type AnomalyRow = z.infer<typeof anomalyRowSchema>;
export type SpanRow = z.infer<typeof spanRowSchema>;

export interface RowOf {
  metrics: MetricRow;
  security: SecurityRow;
  anomalies: AnomalyRow;
  traces: SpanRow;
}
export type IngestTable = keyof RowOf;
export const INGEST_TABLES: readonly IngestTable[] = ['metrics', 'security', 'anomalies', 'traces'];

export const ROW_SCHEMAS: { [T in IngestTable]: z.ZodType<RowOf[T]> } = {
  metrics: metricRowSchema,
  security: securityRowSchema,
  anomalies: anomalyRowSchema,
  traces: spanRowSchema,
};

// Seconds are padded to 10 digits: ClickHouse reads shorter digit runs (times before 2001-09-09) as a calendar date.
/** Epoch ms → DateTime64(3) text. */
export const ms3 = (ms: number) => `${Math.floor(ms / 1000).toString().padStart(10, '0')}.${(ms % 1000).toString().padStart(3, '0')}`;
/** Epoch ns → DateTime64(9) text. */
export const ns9 = (ns: bigint) => `${(ns / 1_000_000_000n).toString().padStart(10, '0')}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;

/** A row's time as epoch ms (the import summary's time span). */
export function rowTimeMs<T extends IngestTable>(table: T, row: RowOf[T]): number {
  return table === 'traces' ? Number((row as SpanRow).startNs / 1_000_000n) : (row as MetricRow).timeMs;
}

type Columns = Record<string, unknown>;

const COLUMNS: { [T in IngestTable]: (row: RowOf[T]) => Columns } = {
  metrics: (r) => ({ timestamp: ms3(r.timeMs), metric_name: r.metric, service: r.service, value: r.value, labels: r.labels }),
  security: (r) => ({
    timestamp: ms3(r.timeMs),
    event_type: r.eventType,
    severity: r.severity,
    source_ip: r.sourceIp,
    description: r.description,
    threat_score: r.threatScore,
    action_taken: r.actionTaken,
    service: r.service,
    // Undefined is left out of the JSON: the column default (a fresh UUID) applies.
    event_id: r.eventId,
  }),
  anomalies: (r) => ({
    timestamp: ms3(r.timeMs),
    metric_name: r.metric,
    value: r.value,
    expected_value: r.expected,
    deviation_score: r.score,
    is_anomaly: r.isAnomaly ? 1 : 0,
    context: r.context,
  }),
  traces: (r) => ({
    Timestamp: ns9(r.startNs),
    TraceId: r.traceId,
    SpanId: r.spanId,
    ParentSpanId: r.parentSpanId,
    TraceState: r.traceState,
    SpanName: r.name,
    SpanKind: r.kind,
    ServiceName: r.service,
    ResourceAttributes: r.resourceAttributes,
    ScopeName: r.scopeName,
    ScopeVersion: r.scopeVersion,
    SpanAttributes: r.attributes,
    // Text: a UInt64 nanosecond count may exceed 2^53.
    Duration: r.durationNs.toString(),
    StatusCode: r.statusCode,
    StatusMessage: r.statusMessage,
    'Events.Timestamp': r.events.map((e) => ns9(e.timeNs)),
    'Events.Name': r.events.map((e) => e.name),
    'Events.Attributes': r.events.map((e) => e.attributes),
    'Links.TraceId': r.links.map((l) => l.traceId),
    'Links.SpanId': r.links.map((l) => l.spanId),
    'Links.TraceState': r.links.map((l) => l.traceState),
    'Links.Attributes': r.links.map((l) => l.attributes),
  }),
};

/**
 * A row as the table's columns, keeping only the ones the live table has
 * (an older exporter's otel_traces lacks ScopeName/ScopeVersion, for instance).
 */
export function toColumns<T extends IngestTable>(table: T, row: RowOf[T], live: ReadonlySet<string>): Columns {
  const columns = COLUMNS[table](row);
  let missing = absent.get(live);
  if (!missing) absent.set(live, (missing = Object.keys(columns).filter((key) => !live.has(key))));
  for (const key of missing) delete columns[key];
  return columns;
}

/** Per live column set, the columns a row has that the table lacks (computed once, not per row). */
const absent = new WeakMap<ReadonlySet<string>, string[]>();
