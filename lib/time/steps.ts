import { FIXED_UNIT_MS } from './units';

/**
 * Bucket widths a chart can use. The server picks the smallest one that keeps
 * the window within `maxPoints` buckets, so work scales with pixels, not rows.
 * Buckets are aligned to multiples of the step since the epoch, so every panel
 * with the same window and step shares one grid.
 */

const { s, m, h, d } = { s: FIXED_UNIT_MS.s, m: FIXED_UNIT_MS.m, h: FIXED_UNIT_MS.h, d: FIXED_UNIT_MS.d };

export const STEP_LADDER_MS: readonly number[] = [
  s, 2 * s, 5 * s, 10 * s, 15 * s, 30 * s,
  m, 2 * m, 5 * m, 10 * m, 15 * m, 30 * m,
  h, 2 * h, 3 * h, 6 * h, 12 * h, d,
];

export const DEFAULT_MAX_POINTS = 1200;
export const MAX_POINTS_LIMIT = 10_000;

/** How many buckets of `stepMs` the half-open window [from, to) touches. */
export function bucketCount(from: number, to: number, stepMs: number): number {
  const first = Math.floor(from / stepMs);
  const last = Math.ceil(to / stepMs);
  return Math.max(1, last - first);
}

/** The smallest ladder step giving at most `maxPoints` buckets (1d when none does). */
export function chooseStep(from: number, to: number, maxPoints: number): number {
  for (const step of STEP_LADDER_MS) {
    if (bucketCount(from, to, step) <= maxPoints) return step;
  }
  return d;
}

/** The start of the bucket holding `t`. */
export function alignDown(t: number, stepMs: number): number {
  return Math.floor(t / stepMs) * stepMs;
}
