import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERVIEW_WINDOWS, overviewRange } from './overview-range';

const HOUR = 3_600_000;

describe('overviewRange', () => {
  it('centres the window in five widths when the strip stays in the past', () => {
    const w = { from: 10 * HOUR, to: 11 * HOUR };
    expect(overviewRange(w, 100 * HOUR)).toEqual({ from: 8 * HOUR, to: 13 * HOUR });
  });

  it('ends near now, shifted back, for a window that ends now', () => {
    // A 1 h window: the strip is 5 h wide, its grid 90 s; now = 50 h + 10 s is rounded up to 50 h + 90 s.
    const now = 50 * HOUR + 10_000;
    const range = overviewRange({ from: now - HOUR, to: now }, now);
    expect(range).toEqual({ from: 50 * HOUR + 90_000 - 5 * HOUR, to: 50 * HOUR + 90_000 });
  });

  it('gives everyone who opens the same link a moment apart the same strip (one shared query)', () => {
    const w = { from: 1_796_061_599_922 - 24 * HOUR, to: 1_796_061_599_922 };
    // The strip is 5 days wide, its grid 36 min; 1_796_061_600_000 is a multiple of 36 min, so these four fall in one step.
    const first = 1_796_061_600_000 + 1;
    const ranges = [0, 1_000, 5_000, 9_999].map((late) => overviewRange(w, first + late));
    expect(new Set(ranges.map((r) => `${r.from}~${r.to}`)).size).toBe(1);
  });

  it('always holds the window, is five widths wide, and ends at most one grid step past now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 1_000, max: 400 * 24 * HOUR }), fc.integer({ min: -1e11, max: 1e11 }), (from, width, lead) => {
        const w = { from, to: from + width };
        const now = Math.max(0, w.to + lead);
        const range = overviewRange(w, now);
        expect(range.from).toBeLessThanOrEqual(w.from);
        expect(range.to).toBeGreaterThanOrEqual(w.to);
        expect(range.to - range.from).toBe(OVERVIEW_WINDOWS * width);
        const grid = Math.max(1_000, Math.round((OVERVIEW_WINDOWS * width) / 200));
        expect(range.to).toBeLessThanOrEqual(Math.max(now, w.to + 2 * width) + grid);
      }),
    );
  });
});
