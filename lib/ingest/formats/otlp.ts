import type { SpanRow } from '@/lib/clickhouse/ingest-rows';
import { isObject, RecordError, text, type Emit, type FormatSpec, type Mapper } from '../types';

/**
 * OTLP traces (ExportTraceServiceRequest) → otel_traces, the way the
 * Collector's ClickHouse exporter writes them: ServiceName from the resource's
 * service.name, resource and scope attributes kept, kinds and status codes by
 * their short names, attribute values as text (arrays and maps as JSON). The
 * JSON file exporter writes ids as hex; the protobuf decoder hands them here
 * as hex too, so one mapping serves both encodings.
 */

const KINDS = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];
const STATUS = ['Unset', 'Ok', 'Error'] as const;

function kindOf(kind: unknown): string {
  if (typeof kind === 'number') return KINDS[kind] ?? 'Unspecified';
  if (typeof kind === 'string') {
    const short = kind.replace(/^SPAN_KIND_/, '').toLowerCase();
    return KINDS.find((k) => k.toLowerCase() === short) ?? 'Unspecified';
  }
  return 'Unspecified';
}

function statusOf(code: unknown): SpanRow['statusCode'] {
  if (typeof code === 'number') return STATUS[code] ?? 'Unset';
  if (typeof code === 'string') {
    const short = code.replace(/^STATUS_CODE_/, '').toLowerCase();
    return STATUS.find((s) => s.toLowerCase() === short) ?? 'Unset';
  }
  return 'Unset';
}

/** An AnyValue as the exporter stores it: scalars as text, arrays and maps as JSON. */
export function anyValueText(v: unknown): string {
  if (!isObject(v)) return text(v);
  if ('stringValue' in v) return text(v.stringValue);
  if ('boolValue' in v) return String(Boolean(v.boolValue));
  if ('intValue' in v) return text(v.intValue);
  if ('doubleValue' in v) return text(v.doubleValue);
  if ('bytesValue' in v) return text(v.bytesValue);
  if ('arrayValue' in v) return JSON.stringify((isObject(v.arrayValue) && Array.isArray(v.arrayValue.values) ? v.arrayValue.values : []).map(anyValueText));
  if ('kvlistValue' in v) return JSON.stringify(attributesOf(isObject(v.kvlistValue) ? v.kvlistValue.values : []));
  return '';
}

export function attributesOf(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) if (isObject(kv) && typeof kv.key === 'string') out[kv.key] = anyValueText(kv.value);
  return out;
}

const HEX_ID = /^[0-9a-fA-F]*$/;

/** Hex as the file exporter writes it; base64 (the protobuf JSON mapping) is turned into hex. */
export function idText(v: unknown, what: string): string {
  const s = text(v);
  if (HEX_ID.test(s)) return s.toLowerCase();
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return Buffer.from(s, 'base64').toString('hex');
  throw new RecordError(`${what} "${s.slice(0, 40)}" is neither hex nor base64`);
}

function nanos(v: unknown, what: string): bigint {
  const s = text(v) || '0';
  if (!/^\d+$/.test(s)) throw new RecordError(`${what} "${s.slice(0, 40)}" is not a count of nanoseconds`);
  return BigInt(s);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function spanRow(span: Record<string, unknown>, resource: Record<string, string>, scope: Record<string, unknown>): SpanRow {
  const startNs = nanos(span.startTimeUnixNano, 'startTimeUnixNano');
  const endNs = nanos(span.endTimeUnixNano ?? span.startTimeUnixNano, 'endTimeUnixNano');
  if (startNs === 0n) throw new RecordError(`span ${text(span.spanId)} has no startTimeUnixNano`);
  const status = isObject(span.status) ? span.status : {};
  return {
    startNs,
    traceId: idText(span.traceId, 'traceId'),
    spanId: idText(span.spanId, 'spanId'),
    parentSpanId: idText(span.parentSpanId ?? '', 'parentSpanId'),
    traceState: text(span.traceState),
    name: text(span.name),
    kind: kindOf(span.kind),
    service: resource['service.name'] ?? '',
    resourceAttributes: resource,
    scopeName: text(scope.name),
    scopeVersion: text(scope.version),
    attributes: attributesOf(span.attributes),
    durationNs: endNs > startNs ? endNs - startNs : 0n,
    statusCode: statusOf(status.code),
    statusMessage: text(status.message),
    events: list(span.events).filter(isObject).map((e) => ({ timeNs: nanos(e.timeUnixNano, 'event timeUnixNano'), name: text(e.name), attributes: attributesOf(e.attributes) })),
    links: list(span.links).filter(isObject).map((l) => ({
      traceId: idText(l.traceId, 'link traceId'),
      spanId: idText(l.spanId, 'link spanId'),
      traceState: text(l.traceState),
      attributes: attributesOf(l.attributes),
    })),
  };
}

/** Every span of one request (or of one of its resourceSpans, as the document reader hands them). */
export function otlpRows(request: unknown): Emit[] {
  if (!isObject(request) || !Array.isArray(request.resourceSpans)) throw new RecordError('not an OTLP ExportTraceServiceRequest (no resourceSpans)');
  const rows: Emit[] = [];
  for (const rs of request.resourceSpans.filter(isObject)) {
    const resource = attributesOf(isObject(rs.resource) ? rs.resource.attributes : undefined);
    // `instrumentationLibrarySpans` is what OTLP before 0.15 called scopeSpans.
    for (const ss of list(rs.scopeSpans ?? rs.instrumentationLibrarySpans).filter(isObject)) {
      const scope = isObject(ss.scope) ? ss.scope : isObject(ss.instrumentationLibrary) ? ss.instrumentationLibrary : {};
      const scopeAttributes = attributesOf(scope.attributes);
      // The table has no column for scope attributes: they are kept with the resource attributes rather than lost.
      const attrs = Object.keys(scopeAttributes).length > 0 ? { ...resource, ...scopeAttributes } : resource;
      for (const span of list(ss.spans).filter(isObject)) rows.push({ table: 'traces', row: spanRow(span, attrs, scope) });
    }
  }
  return rows;
}

const mapper = (): Mapper => ({ map: (record) => otlpRows(record) });

export const otlpJson: FormatSpec = {
  name: 'otlp-json',
  reader: 'json',
  describe: 'OpenTelemetry OTLP/JSON traces (collector file exporter: one ExportTraceServiceRequest per line, or one document)',
  create: mapper,
};

export const otlpProto: FormatSpec = {
  name: 'otlp-proto',
  reader: 'protobuf',
  describe: 'OpenTelemetry OTLP/protobuf traces (.pb/.binpb ExportTraceServiceRequest)',
  create: mapper,
};
