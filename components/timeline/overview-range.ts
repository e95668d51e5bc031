import type { Span } from '@/lib/client/view';

/**
 * The overview strip shows more than the window: a few windows' widths
 * around it (the window marked inside), so there is context to brush into
 * or click across to. It does not reach past `now` by more than one grid
 * step (shifted back instead): `now` is rounded up to a grid of 1/200 of
 * the strip, so everyone who opens the same link within that step asks for
 * the same strip, and one query answers them all.
 */

export const OVERVIEW_WINDOWS = 5;
const GRID_STEPS = 200;

export function overviewRange(w: Span, now: number): Span {
  const width = w.to - w.from;
  const side = ((OVERVIEW_WINDOWS - 1) / 2) * width;
  let from = w.from - side;
  let to = w.to + side;
  const grid = Math.max(1_000, Math.round((OVERVIEW_WINDOWS * width) / GRID_STEPS));
  const end = Math.ceil(Math.max(now, w.to) / grid) * grid;
  if (to > end) {
    from -= to - end;
    to = end;
  }
  return { from: Math.round(from), to: Math.round(to) };
}
