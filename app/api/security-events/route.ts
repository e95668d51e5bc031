import { z } from 'zod';
import { integer, text, window } from '@/lib/api/params';
import { securityFilterParams, toSecurityFilter } from '@/lib/api/security-params';
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

const input = window().and(securityFilterParams).and(
  z.object({
    limit: integer(1, MAX_LIMIT).default(DEFAULT_LIMIT),
    cursor: cursor.optional(),
  }),
);

export const GET = apiRoute(input, (q, { signal }) =>
  fetchSecurityEvents(
    {
      from: q.from,
      to: q.to,
      ...toSecurityFilter(q),
      limit: q.limit,
      cursor: q.cursor,
    },
    signal,
  ),
);
