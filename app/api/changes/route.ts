import { z } from 'zod';
import { duration, integer, time, window } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { resolveBaseline, type BaselineSpec } from '@/lib/changes/baseline';
import { readLimits } from '@/lib/config';
import { fetchChanges } from '@/lib/queries/changes';
import { formatDuration } from '@/lib/time/units';

// What changed in the window against a baseline, ranked across every signal.
export const dynamic = 'force-dynamic';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const DAY = 86_400_000;

const input = window()
  .and(
    z.object({
      baselineFrom: time().optional(),
      baselineTo: time(true).optional(),
      shift: duration(1, 400 * DAY).optional(),
      limit: integer(1, MAX_LIMIT).default(DEFAULT_LIMIT),
    }),
  )
  .superRefine((q, ctx) => {
    const range = q.baselineFrom !== undefined || q.baselineTo !== undefined;
    if (range && q.shift !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['shift'], message: 'give either shift or baselineFrom and baselineTo, not both' });
    } else if (range && (q.baselineFrom === undefined || q.baselineTo === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.baselineFrom === undefined ? 'baselineFrom' : 'baselineTo'], message: 'is required with the other end of the baseline' });
    } else if (q.baselineFrom !== undefined && q.baselineTo !== undefined) {
      const { maxWindowMs } = readLimits();
      if (q.baselineFrom >= q.baselineTo) ctx.addIssue({ code: 'custom', path: ['baselineFrom'], message: 'baselineFrom must be before baselineTo' });
      else if (q.baselineTo - q.baselineFrom > maxWindowMs) {
        ctx.addIssue({ code: 'custom', path: ['baselineTo'], message: `the baseline may span at most ${formatDuration(maxWindowMs)}` });
      }
    } else if (q.shift !== undefined && q.from - q.shift < 0) {
      ctx.addIssue({ code: 'custom', path: ['shift'], message: 'shifts the baseline before 1970' });
    } else if (q.shift === undefined && 2 * q.from - q.to < 0) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'the baseline before this window would start before 1970' });
    }
  });

export const GET = apiRoute(input, (q, { signal }) => {
  const w = { from: q.from, to: q.to };
  const spec: BaselineSpec =
    q.baselineFrom !== undefined && q.baselineTo !== undefined
      ? { kind: 'range', from: q.baselineFrom, to: q.baselineTo }
      : q.shift !== undefined
        ? { kind: 'shift', ms: q.shift }
        : { kind: 'previous' };
  return fetchChanges({ window: w, baseline: resolveBaseline(w, spec), limit: q.limit }, signal);
});
