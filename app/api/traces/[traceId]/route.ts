import { z } from 'zod';
import { text, time } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { readLimits } from '@/lib/config';
import { fetchTrace } from '@/lib/queries/trace';

// One trace's spans (the waterfall); from/to optionally narrow the scan.
export const dynamic = 'force-dynamic';

const input = z
  .object({
    traceId: text(64)
      .regex(/^[0-9a-fA-F]{16,32}$/, 'must be a trace id of 16 to 32 hexadecimal digits')
      .transform((id) => id.toLowerCase()),
    from: time().optional(),
    to: time(true).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'give both from and to, or neither' });
    } else if (q.from !== undefined && q.to !== undefined && q.from >= q.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
    } else if (q.from !== undefined && q.to !== undefined && q.to - q.from > readLimits().maxWindowMs) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the window may span at most the configured maximum; narrow it or omit from and to' });
    }
  });

export const GET = apiRoute(input, (q, { signal }) =>
  fetchTrace({ traceId: q.traceId, hint: q.from !== undefined && q.to !== undefined ? { from: q.from, to: q.to } : undefined }, signal),
);
