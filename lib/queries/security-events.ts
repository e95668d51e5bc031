import 'server-only';
import { z } from 'zod';
import type { SecurityEvent, SecurityEventsResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { dateTime64, float, num } from './common';
import { encodeCursor, type Cursor } from './cursor';
import { boundSecurityFilter, type SecurityFilter } from './security-filter';

/**
 * Security events newest first, a page at a time. The page after a cursor
 * holds the rows strictly below (timestamp, event_id) of the previous page's
 * last row, so paging loses and repeats nothing even among rows that share a
 * millisecond, and rows inserted meanwhile do not shift the pages.
 */

export interface SecurityEventsQuery extends SecurityFilter {
  from: number;
  to: number;
  limit: number;
  cursor?: Cursor;
}

export const DEFAULT_LIMIT = 200;
export const MAX_LIMIT = 1000;

const eventRow = z.object({
  ts: num,
  event_type: z.string(),
  severity: z.string(),
  source_ip: z.string(),
  description: z.string(),
  threat_score: float,
  action_taken: z.string(),
  service: z.string(),
  event_key: z.string(),
});

function toSecurityEvent(row: z.infer<typeof eventRow>): SecurityEvent {
  return {
    eventId: row.event_key,
    timestamp: row.ts,
    eventType: row.event_type,
    severity: row.severity,
    sourceIp: row.source_ip,
    description: row.description,
    threatScore: row.threat_score ?? 0,
    actionTaken: row.action_taken,
    service: row.service,
  };
}

/** The events of `security/events`; shared with the snapshot. */
export async function querySecurityEvents(query: SecurityEventsQuery, signal?: AbortSignal): Promise<SecurityEvent[]> {
  const rows = await queryRows({
    sql: 'security/events',
    params: {
      from: dateTime64(query.from),
      to: dateTime64(query.to),
      ...boundSecurityFilter(query),
      after_cursor: query.cursor ? 1 : 0,
      cursor_ts: dateTime64(query.cursor?.ts ?? 0),
      cursor_id: query.cursor?.id ?? '00000000-0000-0000-0000-000000000000',
      limit: query.limit,
    },
    row: eventRow,
    signal,
  });
  return rows.map(toSecurityEvent);
}

export async function fetchSecurityEvents(query: SecurityEventsQuery, signal?: AbortSignal): Promise<SecurityEventsResponse> {
  // One row more than the page tells whether another page follows.
  const events = await querySecurityEvents({ ...query, limit: query.limit + 1 }, signal);
  const page = events.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    events: page,
    nextCursor: events.length > query.limit && last ? encodeCursor({ ts: last.timestamp, id: last.eventId }) : null,
  };
}
