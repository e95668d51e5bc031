import 'server-only';
import { z } from 'zod';
import { NotFoundError } from './errors';
import type { Span, TraceResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { dateTime64, num, stringMap } from './common';

/**
 * One trace's spans. The span scan is always bounded in time: by the
 * caller's from/to hint, or by the TraceId → [Start, End] lookup table, so
 * opening a trace reads the partitions of its own time range only.
 */

export interface TraceQuery {
  traceId: string;
  /** The caller's window hint; without it the lookup table bounds the scan. */
  hint?: { from: number; to: number };
}

/** Spans beyond this many are left out (the UI cannot draw more usefully). */
export const MAX_SPANS = 10_000;

const rangeRow = z.object({ start_s: z.number(), end_s: z.number() });

const spanRow = z.object({
  span_id: z.string(),
  parent_span_id: z.string(),
  name: z.string(),
  service: z.string(),
  kind: z.string(),
  start_ms: num,
  duration_ms: num,
  status_code: z.string(),
  status_message: z.string(),
  attributes: stringMap,
});

function toSpan(row: z.infer<typeof spanRow>): Span {
  return {
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    name: row.name,
    service: row.service,
    kind: row.kind,
    start: row.start_ms,
    durationMs: row.duration_ms,
    statusCode: row.status_code,
    statusMessage: row.status_message,
    attributes: row.attributes,
  };
}

async function timeRange(traceId: string, signal?: AbortSignal): Promise<{ from: number; to: number } | undefined> {
  const [range] = await queryRows({ sql: 'traces/lookup', params: { trace_id: traceId }, row: rangeRow, signal });
  // Start and End are whole seconds (rounded down): the range ends a second after End.
  return range && { from: range.start_s * 1000, to: (range.end_s + 1) * 1000 };
}

export async function fetchTrace(query: TraceQuery, signal?: AbortSignal): Promise<TraceResponse> {
  const { traceId } = query;
  const range = query.hint ?? (await timeRange(traceId, signal));
  const spans = range
    ? await queryRows({
        sql: 'traces/spans',
        params: { trace_id: traceId, from: dateTime64(range.from), to: dateTime64(range.to), limit: MAX_SPANS },
        row: spanRow,
        signal,
      })
    : [];
  if (spans.length === 0) {
    const where = query.hint ? ' between from and to; widen the window or omit from and to' : '';
    throw new NotFoundError(`No trace ${traceId}${where}.`);
  }
  return { traceId, spans: spans.map(toSpan) };
}
