import type { SpanRow } from '@/lib/clickhouse/ingest-rows';
import { spanRow } from '@/test/fixtures/rows';
import { readRealdata } from './root';

/**
 * Zipkin v2 JSON spans (openzipkin/zipkin's zipkin-lens test data) mapped to
 * otel_traces rows as SOURCES.md describes. Times are µs since the epoch.
 */

export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  timestamp?: number;
  duration?: number;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
  annotations?: { timestamp: number; value: string }[];
  shared?: boolean;
}

export function readZipkin(file: string): ZipkinSpan[] {
  return JSON.parse(readRealdata(`traces/${file}`)) as ZipkinSpan[];
}

const KINDS: Record<string, string> = { CLIENT: 'Client', SERVER: 'Server', PRODUCER: 'Producer', CONSUMER: 'Consumer' };

/** Zipkin leaves `kind` out on local spans and on fragments: OTel's name for that is Unspecified. */
export const otelKind = (s: ZipkinSpan) => (s.kind ? KINDS[s.kind] : undefined) ?? 'Unspecified';

/** A span is an error when it carries the `error` tag (its value is the message, e.g. "404"). */
export const isError = (s: ZipkinSpan) => s.tags?.error !== undefined;

/**
 * The span's start in µs. Zipkin lets a fragment of a span (e.g. a late
 * annotation-only report) omit `timestamp`; Zipkin itself merges it into the
 * other reports of the same id, so it takes their earliest start here. Every
 * fragment in these files has such a sibling; a span without one is an error.
 */
export function startUs(span: ZipkinSpan, spans: ZipkinSpan[]): number {
  if (span.timestamp !== undefined) return span.timestamp;
  const siblings = spans.filter((s) => s.id === span.id && s.timestamp !== undefined).map((s) => s.timestamp as number);
  if (siblings.length === 0) throw new Error(`span ${span.id} has no timestamp and no timestamped report of the same id`);
  return Math.min(...siblings);
}

/** One otel_traces row per Zipkin span (no merging: every report stays a row). */
export function zipkinRows(spans: ZipkinSpan[]): SpanRow[] {
  return spans.map((s) => {
    const us = startUs(s, spans);
    return spanRow({
      traceId: s.traceId,
      spanId: s.id,
      parentSpanId: s.parentId ?? '',
      t: Math.floor(us / 1000),
      startNs: (us % 1000) * 1000,
      // A fragment has no duration: 0, as Zipkin draws it.
      durationNs: (s.duration ?? 0) * 1000,
      name: s.name ?? '',
      service: s.localEndpoint?.serviceName ?? '',
      kind: otelKind(s),
      status: isError(s) ? 'Error' : 'Unset',
      statusMessage: s.tags?.error ?? '',
      attributes: s.tags ?? {},
      events: (s.annotations ?? []).map((a) => ({ timeNs: BigInt(a.timestamp) * 1000n, name: a.value, attributes: {} })),
    });
  });
}
