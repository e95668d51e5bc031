import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brushWindow, centreOn, panWindow, stepTarget, zoomOutWindow } from './navigation';

const NOW = Date.UTC(2026, 0, 15, 12);
const HOUR = 3_600_000;

describe('window navigation', () => {
  it('pans by a delta, keeping the width', () => {
    expect(panWindow({ from: 1000, to: 5000 }, 2000)).toEqual({ from: 3000, to: 7000 });
    expect(panWindow({ from: 1000, to: 5000 }, -500)).toEqual({ from: 500, to: 4500 });
  });

  it('zooms out ×2 around the centre', () => {
    expect(zoomOutWindow({ from: NOW - 4 * HOUR, to: NOW - 2 * HOUR }, NOW)).toEqual({ from: NOW - 5 * HOUR, to: NOW - HOUR });
  });

  it('stops zooming out at now: the window is shifted back instead', () => {
    expect(zoomOutWindow({ from: NOW - 2 * HOUR, to: NOW }, NOW)).toEqual({ from: NOW - 4 * HOUR, to: NOW });
    // [−2 h, −30 min] doubled around its centre would end 15 min from now.
    expect(zoomOutWindow({ from: NOW - 2 * HOUR, to: NOW - HOUR / 2 }, NOW)).toEqual({ from: NOW - 3 * HOUR, to: NOW });
  });

  it('never ends a zoomed-out window later than now or the window itself, and always doubles the width', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * 86_400_000, max: 86_400_000 }), fc.integer({ min: 1000, max: 30 * 86_400_000 }), (end, width) => {
        const w = { from: NOW + end - width, to: NOW + end };
        const out = zoomOutWindow(w, NOW);
        expect(out.to - out.from).toBe(2 * width);
        expect(out.to).toBeLessThanOrEqual(Math.max(NOW, w.to));
        expect(out.from).toBeLessThanOrEqual(w.from);
      }),
    );
  });

  it('centres a window of the same width on an instant', () => {
    expect(centreOn({ from: 0, to: 1000 }, 10_000)).toEqual({ from: 9500, to: 10_500 });
  });

  it('snaps a brushed range to the new window’s bucket grid, in either direction', () => {
    const t0 = NOW - HOUR + 7_123;
    const t1 = NOW - 30 * 60_000 - 4_321;
    const range = brushWindow(t1, t0);
    // 30 min at ≤ 900 buckets: a 2 s grid.
    expect(range).toEqual({ from: Math.round(t0 / 2000) * 2000, to: Math.round(t1 / 2000) * 2000 });
  });

  it('ignores a brush narrower than a second', () => {
    expect(brushWindow(NOW, NOW + 400)).toBeNull();
  });
});

describe('stepping the playhead by buckets', () => {
  const step = 60_000;
  it('steps forward from a bucket’s start or inside it to the next bucket’s start', () => {
    expect(stepTarget(NOW, step, 1)).toBe(NOW + step);
    expect(stepTarget(NOW + 12_345, step, 1)).toBe(NOW + step);
    expect(stepTarget(NOW, step, 10)).toBe(NOW + 10 * step);
  });

  it('steps back from inside a bucket to that bucket’s own start first', () => {
    expect(stepTarget(NOW + 12_345, step, -1)).toBe(NOW);
    expect(stepTarget(NOW, step, -1)).toBe(NOW - step);
    expect(stepTarget(NOW + 12_345, step, -10)).toBe(NOW - 9 * step);
  });
});
