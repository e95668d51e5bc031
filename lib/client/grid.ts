import type { Point } from '@/lib/api/types';
import { alignDown } from '@/lib/time/steps';

/**
 * The bucket grid every panel shares: buckets start at multiples of `step`
 * since the epoch, so the bucket holding instant t is `alignDown(t, step)` in
 * every series of the view, and a value "at the playhead" is that bucket's.
 */

/** The value of the bucket holding `t`, or null (empty bucket or outside the data). */
export function valueAt(points: readonly Point[], t: number, step: number): number | null {
  const first = points[0];
  if (!first) return null;
  const bucket = alignDown(t, step);
  const index = Math.round((bucket - first[0]) / step);
  const point = points[index];
  if (point && point[0] === bucket) return point[1];
  // Not a dense grid (should not happen): fall back to a search.
  return points.find((p) => p[0] === bucket)?.[1] ?? null;
}

/** Where `t` sits across the window, as a percentage of the plot width. */
export function percentOf(t: number, from: number, to: number): number {
  return ((t - from) / (to - from)) * 100;
}

/** A span [start, end) across the window as CSS percentages, cut to the plot. */
export function bandPercent(start: number, end: number, from: number, to: number): { left: number; width: number } {
  const left = Math.max(0, percentOf(start, from, to));
  const right = Math.min(100, percentOf(end, from, to));
  return { left, width: right - left };
}

/** The instant under a pointer at `x` within a plot box [left, left + width). */
export function timeAtX(x: number, left: number, width: number, from: number, to: number): number {
  const ratio = Math.min(1, Math.max(0, (x - left) / width));
  return from + ratio * (to - from);
}

export function clamp(t: number, from: number, to: number): number {
  return Math.min(Math.max(t, from), to);
}

/** The next event strictly after / before `t` in a sorted list of instants. */
export function nextAfter(sorted: readonly number[], t: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] ?? null;
}

export function previousBefore(sorted: readonly number[], t: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (sorted[lo - 1] ?? null) : null;
}

/** The usual spacing of a series' samples, in ms: the median gap between non-empty buckets. */
export function typicalSpacing(points: readonly Point[], step: number): number {
  const gaps: number[] = [];
  let last: number | null = null;
  for (const [t, v] of points) {
    if (v === null) continue;
    if (last !== null) gaps.push(t - last);
    last = t;
  }
  if (gaps.length === 0) return step;
  gaps.sort((a, b) => a - b);
  return Math.max(step, gaps[gaps.length >> 1] ?? step);
}

/**
 * What a line chart draws. A series sampled more coarsely than the grid (PnL
 * every minute on 30 s buckets) would be all gaps, and a sparse one dotted
 * with single empty buckets: lines go through the samples and break only
 * where a gap is clearly longer than the usual spacing (and than a few
 * buckets), so real outages still show as gaps.
 */
export function lineData(points: readonly Point[], step: number, spacing = typicalSpacing(points, step)): Point[] {
  const maxGap = Math.max(2.5 * spacing, 4 * step);
  const out: Point[] = [];
  let last: number | null = null;
  for (const p of points) {
    if (p[1] === null) continue;
    if (last !== null && p[0] - last > maxGap) out.push([last + step, null]);
    out.push(p);
    last = p[0];
  }
  return out;
}

/**
 * The value shown at instant t: the bucket holding t, or — for a series
 * sampled more coarsely than the grid — its latest sample within one usual
 * spacing before. `at` is the bucket the value comes from.
 */
export function sampleAt(
  points: readonly Point[],
  t: number,
  step: number,
  spacing = typicalSpacing(points, step),
): { value: number | null; at: number | null } {
  const bucket = alignDown(t, step);
  const own = valueAt(points, t, step);
  if (own !== null) return { value: own, at: bucket };
  const extra = Math.ceil(spacing / step) - 1;
  for (let i = 1; i <= extra; i++) {
    const v = valueAt(points, bucket - i * step, step);
    if (v !== null) return { value: v, at: bucket - i * step };
  }
  return { value: null, at: null };
}
