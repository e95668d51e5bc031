import 'server-only';
import { z } from 'zod';
import type { TraceSummary, TracesResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import type { AttributeFilter } from '@/lib/filters/attribute-filter';
import { dateTime64, num } from './common';

/** Trace search: the traces with spans starting in a window, newest first. */

export const TRACE_STATUSES = ['ok', 'error'] as const;

export interface TracesQuery {
  from: number;
  to: number;
  service?: string;
  minDurationMs?: number;
  status?: (typeof TRACE_STATUSES)[number];
  /** Some span has this name and every attribute pair. */
  operation?: string;
  attributes?: AttributeFilter[];
  limit: number;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const traceRow = z.object({
  trace_id: z.string(),
  root_service: z.string(),
  root_name: z.string(),
  start_ms: num,
  duration_ms: num,
  span_count: z.number(),
  error_count: z.number(),
});

function toSummary(row: z.infer<typeof traceRow>): TraceSummary {
  return {
    traceId: row.trace_id,
    rootService: row.root_service,
    rootName: row.root_name,
    start: row.start_ms,
    durationMs: row.duration_ms,
    spanCount: row.span_count,
    errorCount: row.error_count,
  };
}

export async function fetchTraces(query: TracesQuery, signal?: AbortSignal): Promise<TracesResponse> {
  const rows = await queryRows({
    sql: 'traces/list',
    params: {
      from: dateTime64(query.from),
      to: dateTime64(query.to),
      service: query.service ?? '',
      min_duration_ms: query.minDurationMs ?? 0,
      status: query.status ?? '',
      operation: query.operation ?? '',
      attribute_keys: (query.attributes ?? []).map((a) => a.key),
      attribute_values: (query.attributes ?? []).map((a) => a.value),
      limit: query.limit,
    },
    row: traceRow,
    signal,
  });
  return { traces: rows.map(toSummary) };
}
