import { z } from 'zod';
import { decimal, integer, optionalNames, text, window } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { decodeCursor } from '@/lib/queries/cursor';
import { DEFAULT_LIMIT, MAX_LIMIT, fetchSecurityEvents } from '@/lib/queries/security-events';

// Security events in a window, newest first, a page at a time (keyset cursor).
export const dynamic = 'force-dynamic';

const cursor = text(100).transform((token, ctx) => {
  const decoded = decodeCursor(token);
  if (!decoded) {
    ctx.addIssue({ code: 'custom', message: 'is not a cursor from a previous page; omit it to start from the newest event' });
    return z.NEVER;
  }
  return decoded;
});

const input = (now: number) =>
  window(now).and(
    z.object({
      severity: optionalNames(10),
      event_type: optionalNames(50),
      source_ip: text(64).optional(),
      min_threat: decimal(0, 1).optional(),
      limit: integer(1, MAX_LIMIT).default(DEFAULT_LIMIT),
      cursor: cursor.optional(),
    }),
  );

export const GET = apiRoute(input, (q, { signal }) =>
  fetchSecurityEvents(
    {
      from: q.from,
      to: q.to,
      severities: q.severity,
      eventTypes: q.event_type,
      sourceIp: q.source_ip,
      minThreat: q.min_threat,
      limit: q.limit,
      cursor: q.cursor,
    },
    signal,
  ),
);
