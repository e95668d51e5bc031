import { alignDown, chooseStep } from '@/lib/time/steps';
import { MAX_BUCKETS } from './resolve';

/**
 * Window and playhead arithmetic behind the toolbar, the brush, the overview
 * and the keyboard: pure, so it is unit-tested. Windows never reach past
 * `now` when zooming out (there is no data in the future to show).
 */

export interface Span {
  from: number;
  to: number;
}

/** The window moved by `delta` ms, same width. */
export function panWindow(w: Span, delta: number): Span {
  return { from: Math.round(w.from + delta), to: Math.round(w.to + delta) };
}

/** Twice as wide around the same centre, shifted back so it ends at `now` at the latest. */
export function zoomOutWindow(w: Span, now: number): Span {
  const width = w.to - w.from;
  const center = (w.from + w.to) / 2;
  let from = Math.round(center - width);
  let to = Math.round(center + width);
  if (to > now && w.to <= now) {
    from -= to - now;
    to = now;
  } else if (to > now) {
    // A window already past now only grows backwards.
    from = Math.round(w.from - width);
    to = w.to;
  }
  return { from, to };
}

/** The window of the same width centred on `t` (to bring an off-screen playhead back). */
export function centreOn(w: Span, t: number): Span {
  const width = w.to - w.from;
  const from = Math.round(t - width / 2);
  return { from, to: from + width };
}

/** A brushed range [t0, t1] (either order) snapped to the new window's bucket grid; null when too narrow. */
export function brushWindow(t0: number, t1: number, minMs = 1000): Span | null {
  const lo = Math.min(t0, t1);
  const hi = Math.max(t0, t1);
  const snap = chooseStep(lo, hi, MAX_BUCKETS);
  const from = Math.round(lo / snap) * snap;
  const to = Math.round(hi / snap) * snap;
  return to - from >= minMs ? { from, to } : null;
}

/** `n` buckets from `at`: from inside a bucket one step back lands on the bucket's own start. */
export function stepTarget(at: number, step: number, n: number): number {
  const bucket = alignDown(at, step);
  return n < 0 && at > bucket ? bucket + (n + 1) * step : bucket + n * step;
}
