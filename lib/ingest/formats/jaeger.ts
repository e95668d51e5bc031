import type { SpanRow } from '@/lib/clickhouse/ingest-rows';
import { parseTimestamp } from '../timestamp';
import { isObject, RecordError, text, type Emit, type FormatSpec } from '../types';

/**
 * Jaeger UI JSON downloads (`{"data":[{traceID, spans, processes}]}`) →
 * otel_traces. Times are µs; the process is the resource (service.name and
 * its tags); the span's `span.kind`, `error` and `otel.*` tags become kind,
 * status and scope as Jaeger's own OTLP translation does; the first CHILD_OF
 * reference is the parent and the other references are links; logs are events.
 */

type Tag = { key: string; value: unknown };
const tagsOf = (v: unknown): Tag[] => (Array.isArray(v) ? v.filter(isObject).filter((t): t is Tag => typeof t.key === 'string') : []);
const tagMap = (tags: Tag[]) => Object.fromEntries(tags.map((t) => [t.key, text(t.value)]));

const KINDS: Record<string, string> = { server: 'Server', client: 'Client', producer: 'Producer', consumer: 'Consumer', internal: 'Internal' };
/** Tags the translation turns into columns, so they are not repeated as attributes. */
const CONSUMED = new Set(['span.kind', 'otel.status_code', 'otel.status_description', 'otel.scope.name', 'otel.scope.version', 'otel.library.name', 'otel.library.version']);

const us = (v: unknown, what: string): bigint => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RecordError(`${what} is not a number of microseconds`);
  return BigInt(Math.round(v)) * 1000n;
};

function statusOf(tags: Record<string, string>): SpanRow['statusCode'] {
  const code = tags['otel.status_code']?.toUpperCase();
  if (code === 'ERROR' || tags.error === 'true') return 'Error';
  if (code === 'OK') return 'Ok';
  return 'Unset';
}

function spanRow(span: Record<string, unknown>, processes: Record<string, unknown>): SpanRow {
  const tagList = tagsOf(span.tags);
  const tags = tagMap(tagList);
  const process = isObject(processes[text(span.processID)]) ? (processes[text(span.processID)] as Record<string, unknown>) : {};
  const service = text(process.serviceName);
  const refs = (Array.isArray(span.references) ? span.references : []).filter(isObject);
  const parent = refs.find((r) => r.refType === 'CHILD_OF') ?? refs.find((r) => r.refType === 'FOLLOWS_FROM');
  const startNs = us(span.startTime, 'startTime');
  return {
    startNs,
    traceId: text(span.traceID).toLowerCase(),
    spanId: text(span.spanID).toLowerCase(),
    parentSpanId: parent ? text(parent.spanID).toLowerCase() : '',
    traceState: '',
    name: text(span.operationName),
    kind: KINDS[tags['span.kind'] ?? ''] ?? 'Unspecified',
    service,
    resourceAttributes: { 'service.name': service, ...tagMap(tagsOf(process.tags)) },
    scopeName: tags['otel.scope.name'] ?? tags['otel.library.name'] ?? '',
    scopeVersion: tags['otel.scope.version'] ?? tags['otel.library.version'] ?? '',
    attributes: Object.fromEntries(tagList.filter((t) => !CONSUMED.has(t.key)).map((t) => [t.key, text(t.value)])),
    durationNs: us(span.duration ?? 0, 'duration'),
    statusCode: statusOf(tags),
    statusMessage: tags['otel.status_description'] ?? '',
    events: (Array.isArray(span.logs) ? span.logs : []).filter(isObject).map((log) => {
      const fields = tagMap(tagsOf(log.fields));
      const { event, ...attributes } = fields;
      return { timeNs: parseTimestamp(log.timestamp) ?? startNs, name: event ?? 'log', attributes };
    }),
    links: refs
      .filter((r) => r !== parent)
      .map((r) => ({ traceId: text(r.traceID).toLowerCase(), spanId: text(r.spanID).toLowerCase(), traceState: '', attributes: { 'jaeger.refType': text(r.refType) } })),
  };
}

export function jaegerRows(record: unknown): Emit[] {
  if (!isObject(record) || !Array.isArray(record.data)) throw new RecordError('not a Jaeger download (no "data" array of traces)');
  const rows: Emit[] = [];
  for (const trace of record.data) {
    if (!isObject(trace) || !Array.isArray(trace.spans)) throw new RecordError('a Jaeger trace without "spans"');
    const processes = isObject(trace.processes) ? trace.processes : {};
    for (const span of trace.spans.filter(isObject)) rows.push({ table: 'traces', row: spanRow(span, processes) });
  }
  return rows;
}

export const jaeger: FormatSpec = {
  name: 'jaeger',
  reader: 'json',
  describe: 'Jaeger UI JSON download ({"data":[{"traceID","spans","processes"}]})',
  create: () => ({ map: (record) => jaegerRows(record) }),
};
