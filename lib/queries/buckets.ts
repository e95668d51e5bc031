import 'server-only';
import { LimitExceededError } from './errors';
import { DEFAULT_MAX_POINTS, MAX_POINTS_LIMIT, STEP_LADDER_MS, alignDown, bucketCount } from '@/lib/time/steps';
import { FIXED_UNIT_MS, formatDuration } from '@/lib/time/units';

/**
 * The bucket grid shared by series and density: buckets [t, t + step) at
 * multiples of step since the epoch, covering every bucket that intersects
 * the window [from, to).
 */

const DAY = FIXED_UNIT_MS.d;

/**
 * The series step: an explicit `step` must give at most `maxPoints` buckets
 * (or MAX_POINTS_LIMIT when maxPoints is not given); otherwise the smallest
 * ladder step within maxPoints. Too many buckets is a 400 naming the limit.
 */
export function seriesStep(from: number, to: number, maxPoints: number | undefined, step: number | undefined): number {
  const limit = maxPoints ?? (step === undefined ? DEFAULT_MAX_POINTS : MAX_POINTS_LIMIT);
  if (step !== undefined) {
    const count = bucketCount(from, to, step);
    if (count > limit) {
      throw new LimitExceededError(
        `step ${formatDuration(step)} gives ${count} points over this window, more than maxPoints=${limit}; ` +
          `use a larger step, a narrower window or a higher maxPoints (at most ${MAX_POINTS_LIMIT})`,
      );
    }
    return step;
  }
  const chosen = STEP_LADDER_MS.find((s) => bucketCount(from, to, s) <= limit);
  if (chosen === undefined) {
    throw new LimitExceededError(
      `even 1d steps give ${bucketCount(from, to, DAY)} points over this window, more than maxPoints=${limit}; ` +
        `narrow the window or raise maxPoints (at most ${MAX_POINTS_LIMIT})`,
    );
  }
  return chosen;
}

/** The density step: the smallest ladder step giving at most `buckets` buckets, else whole days. */
export function densityStep(from: number, to: number, buckets: number): number {
  const chosen = STEP_LADDER_MS.find((s) => bucketCount(from, to, s) <= buckets);
  if (chosen !== undefined) return chosen;
  let days = Math.max(2, Math.ceil((to - from) / DAY / buckets));
  while (bucketCount(from, to, days * DAY) > buckets) days += 1;
  return days * DAY;
}

/** The start of every bucket intersecting [from, to). */
export function bucketStarts(from: number, to: number, step: number): number[] {
  const starts: number[] = [];
  for (let t = alignDown(from, step); t < to; t += step) starts.push(t);
  return starts;
}
