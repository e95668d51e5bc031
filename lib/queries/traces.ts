import 'server-only';
import { z } from 'zod';
import type { TraceSummary, TracesResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import type { AttributeFilter } from '@/lib/filters/attribute-filter';
import { dateTime64, num } from './common';
import { usableRollups } from './rollups';

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

const NO_SPAN_FILTER = { operation: '', attribute_keys: [], attribute_values: [] };

/**
 * From the per-trace summary, the newest traces are found by asking for the
 * last FIRST_BACK of the window first and widening until the page is full:
 * every trace in a later range is newer than any in an earlier one, so a
 * full page from a range is the window's page. The whole window is read
 * when it holds fewer traces than asked for, or when the range would cover
 * half of it.
 */
const FIRST_BACK = 15 * 60_000;
/** How many times wider than the last range the next one is, at least and at most. */
const GROWTH = { min: 4, max: 64 };

/**
 * The next range to ask for after the last `back` ms of the window held
 * `found` of the `limit` traces asked for: at the rate just seen, wide enough
 * for twice the page, so that one more query nearly always fills it (each
 * query costs a round of the engine whatever it reads, and a rare filter, the
 * failed or the slow traces, would otherwise widen step by step through the
 * whole window). At least GROWTH.min times wider, as a short range's rate is
 * noisy; at most GROWTH.max, as a range that held none says little of the rest.
 */
export function nextBack(back: number, found: number, limit: number): number {
  // Twice the page at the rate seen, divided last: back × (2·limit / found) rounds the factor first, and
  // 418,481,661 × 14/3 came out 2e-7 over a whole number, which the ceiling made a millisecond too many.
  const wanted = (2 * limit * back) / Math.max(found, 1);
  // Whole milliseconds: the range's start is bound as an Int64 (from_ms), which refuses a fraction.
  return Math.ceil(Math.min(GROWTH.max * back, Math.max(GROWTH.min * back, wanted)));
}

export async function fetchTraces(query: TracesQuery, signal?: AbortSignal): Promise<TracesResponse> {
  const filters = { service: query.service ?? '', min_duration_ms: query.minDurationMs ?? 0, status: query.status ?? '', limit: query.limit };
  const list = (from: number, sql: string, extra: Record<string, number | string | string[]> = {}) =>
    queryRows({
      sql,
      params: { from: dateTime64(from), to: dateTime64(query.to), from_ms: from, to_ms: query.to, ...filters, ...extra },
      row: traceRow,
      signal,
    });
  // An operation or attribute filter asks about single spans, which the per-trace summary does not keep: raw spans then.
  const attributes = query.attributes ?? [];
  if (query.operation || attributes.length > 0) {
    const spanFilter = { operation: query.operation ?? '', attribute_keys: attributes.map((a) => a.key), attribute_values: attributes.map((a) => a.value) };
    return { traces: (await list(query.from, 'traces/list', spanFilter)).map(toSummary) };
  }
  if (!(await usableRollups()).traceSummary) return { traces: (await list(query.from, 'traces/list', NO_SPAN_FILTER)).map(toSummary) };
  let rows: z.infer<typeof traceRow>[] = [];
  for (let back = FIRST_BACK; ; back = nextBack(back, rows.length, query.limit)) {
    // A range of half the window or more is read as the whole window: at most twice the rows, and never
    // one more query (a rare filter, the failed or slow traces of a day, fell a few traces short of the page).
    const whole = 2 * back >= query.to - query.from;
    // Past the first range, a range is chosen to hold more than the page: its page is found before merging the rest.
    rows = await list(whole ? query.from : query.to - back, 'traces/list_rollup', { page_first: back > FIRST_BACK ? 1 : 0 });
    if (whole || rows.length >= query.limit) break;
  }
  return { traces: rows.map(toSummary) };
}
