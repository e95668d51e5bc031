import { z } from 'zod';
import { choice, decimal, integer, repeated, text, window } from '@/lib/api/params';
import { MAX_ATTRIBUTE_FILTER, parseAttributeFilter } from '@/lib/filters/attribute-filter';
import { apiRoute } from '@/lib/api/route';
import { DEFAULT_LIMIT, MAX_LIMIT, TRACE_STATUSES, fetchTraces } from '@/lib/queries/traces';

// Trace search: traces with spans in a window, newest first, for the traces lane.
export const dynamic = 'force-dynamic';

const input = window().and(
  z.object({
    service: text().optional(),
    min_duration_ms: decimal(0, 86_400_000).optional(),
    status: choice(TRACE_STATUSES).optional(),
    operation: text().optional(),
    attribute: repeated(
      text(MAX_ATTRIBUTE_FILTER).transform((raw, ctx) => {
        const filter = parseAttributeFilter(raw);
        if (!filter) {
          ctx.addIssue({ code: 'custom', message: 'each attribute must be key=value, e.g. http.method=POST' });
          return z.NEVER;
        }
        return filter;
      }),
      10,
    ).optional(),
    limit: integer(1, MAX_LIMIT).default(DEFAULT_LIMIT),
  }),
);

export const GET = apiRoute(input, (q, { signal }) =>
  fetchTraces(
    { from: q.from, to: q.to, service: q.service, minDurationMs: q.min_duration_ms, status: q.status, operation: q.operation, attributes: q.attribute, limit: q.limit },
    signal,
  ),
);
