import type { Span } from '@/lib/client/view';

/**
 * The overview strip shows more than the window: a few windows' widths
 * around it (the window marked inside), so there is context to brush into
 * or click across to. It never reaches past `now` (shifted back instead).
 */

export const OVERVIEW_WINDOWS = 5;

export function overviewRange(w: Span, now: number): Span {
  const width = w.to - w.from;
  const side = ((OVERVIEW_WINDOWS - 1) / 2) * width;
  let from = w.from - side;
  let to = w.to + side;
  const end = Math.max(now, w.to);
  if (to > end) {
    from -= to - end;
    to = end;
  }
  return { from: Math.round(from), to: Math.round(to) };
}
