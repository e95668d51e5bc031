import type { SpanRow } from '@/lib/clickhouse/ingest-rows';
import { isObject, RecordError, stringMap, text, type Emit, type FormatSpec, type Mapper } from '../types';

/**
 * Zipkin v2 JSON spans → otel_traces (../shared/realdata/SOURCES.md's
 * mapping): times and durations in µs, ServiceName from localEndpoint, kind
 * from `kind` (none: Unspecified), tags as attributes (the `error` tag makes
 * the span an error with its value as the message), annotations as events.
 *
 * Zipkin lets a late fragment of a span (e.g. annotations only) omit
 * `timestamp`; Zipkin merges it with the other reports of the same id. Here
 * every report stays a row, and a fragment takes the earliest start among
 * its siblings, resolved at the end of the file. Only the starts of the last
 * MAX_REMEMBERED span ids are kept, so memory stays bounded on any file.
 */

const KINDS: Record<string, string> = { CLIENT: 'Client', SERVER: 'Server', PRODUCER: 'Producer', CONSUMER: 'Consumer' };
const MAX_REMEMBERED = 200_000;

function row(span: Record<string, unknown>, startUs: number): SpanRow {
  const tags = stringMap(span.tags);
  const local = isObject(span.localEndpoint) ? span.localEndpoint : {};
  const service = text(local.serviceName);
  const annotations = (Array.isArray(span.annotations) ? span.annotations : []).filter(isObject);
  const duration = typeof span.duration === 'number' ? span.duration : 0;
  return {
    startNs: BigInt(Math.round(startUs)) * 1000n,
    traceId: text(span.traceId).toLowerCase(),
    spanId: text(span.id).toLowerCase(),
    parentSpanId: text(span.parentId).toLowerCase(),
    traceState: '',
    name: text(span.name),
    kind: KINDS[text(span.kind)] ?? 'Unspecified',
    service,
    resourceAttributes: service ? { 'service.name': service } : {},
    scopeName: '',
    scopeVersion: '',
    attributes: tags,
    // A fragment has no duration: 0, as Zipkin draws it.
    durationNs: BigInt(Math.round(duration)) * 1000n,
    statusCode: tags.error !== undefined ? 'Error' : 'Unset',
    statusMessage: tags.error ?? '',
    events: annotations.map((a) => ({ timeNs: BigInt(Math.round(Number(a.timestamp) || startUs)) * 1000n, name: text(a.value), attributes: {} })),
    links: [],
  };
}

function check(span: unknown): Record<string, unknown> {
  if (!isObject(span)) throw new RecordError('a Zipkin span must be a JSON object');
  if (typeof span.traceId !== 'string' || typeof span.id !== 'string') throw new RecordError('a Zipkin span needs "traceId" and "id"');
  if (span.timestamp !== undefined && (typeof span.timestamp !== 'number' || !Number.isFinite(span.timestamp))) {
    throw new RecordError('"timestamp" must be microseconds since the epoch');
  }
  return span;
}

export function createZipkinMapper(): Mapper {
  const starts = new Map<string, number>();
  const fragments: { span: Record<string, unknown>; line: number }[] = [];

  function one(raw: unknown, line: number): Emit[] {
    const span = check(raw);
    if (typeof span.timestamp !== 'number') {
      fragments.push({ span, line });
      return [];
    }
    const id = text(span.id);
    const known = starts.get(id);
    starts.delete(id);
    starts.set(id, known === undefined ? span.timestamp : Math.min(known, span.timestamp));
    if (starts.size > MAX_REMEMBERED) starts.delete(starts.keys().next().value as string);
    return [{ table: 'traces', row: row(span, span.timestamp) }];
  }

  return {
    map: (record, line) => (Array.isArray(record) ? record.flatMap((s) => one(s, line)) : one(record, line)),
    finish() {
      const rows: Emit[] = [];
      const errors: { line: number; message: string }[] = [];
      for (const { span, line } of fragments) {
        const start = starts.get(text(span.id));
        if (start === undefined) errors.push({ line, message: `span ${text(span.id)} has no timestamp and no timestamped report of the same id` });
        else rows.push({ table: 'traces', row: row(span, start) });
      }
      return { rows, errors };
    },
  };
}

export const zipkin: FormatSpec = {
  name: 'zipkin',
  reader: 'json',
  describe: 'Zipkin v2 JSON spans (an array, or one span or array a line)',
  create: createZipkinMapper,
};
