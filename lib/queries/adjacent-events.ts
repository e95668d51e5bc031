import 'server-only';
import { z } from 'zod';
import type { AdjacentDirection, AdjacentEventResponse, AdjacentKind } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { dateTime64, num } from './common';

/**
 * The event nearest the playhead in one direction, for the keyboard's
 * `[`/`]` (any event) and `n`/`p` (notable ones): exact however busy the
 * window, where a list loaded in the browser holds only its newest page.
 * Times are compared by millisecond, the playhead's resolution: "next" is
 * the first event whose millisecond is after `at`, "prev" the last whose
 * millisecond is before it, so stepping never lands twice on one event
 * (span starts carry microseconds).
 */

export interface AdjacentQuery {
  at: number;
  direction: AdjacentDirection;
  kind: AdjacentKind;
  from: number;
  to: number;
}

const adjacentRow = z.object({
  source: z.enum(['security', 'anomaly', 'trace']),
  t: num,
});

/** The half-open range [lower, upper) searched: the window cut at the playhead. */
export function searchRange(query: AdjacentQuery): { lower: number; upper: number } {
  return query.direction === 'next'
    ? { lower: Math.max(query.from, query.at + 1), upper: query.to }
    : { lower: query.from, upper: Math.min(query.to, query.at) };
}

export async function fetchAdjacentEvent(query: AdjacentQuery, signal?: AbortSignal): Promise<AdjacentEventResponse> {
  const { at, direction, kind } = query;
  const { lower, upper } = searchRange(query);
  if (lower >= upper) return { at, direction, kind, t: null, source: null };
  const [row] = await queryRows({
    sql: `events/${direction}`,
    params: { lower: dateTime64(lower), upper: dateTime64(upper), kind },
    row: adjacentRow,
    signal,
  });
  return { at, direction, kind, t: row?.t ?? null, source: row?.source ?? null };
}
