import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextBack } from './traces';

describe('nextBack (how far back the traces list asks next)', () => {
  it('is whole milliseconds, 4 to 64 times the last range, and holds twice the page at the rate seen when that is within those bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 * 86_400_000 }), fc.integer({ min: 1, max: 1000 }), fc.nat(), (back, limit, n) => {
        const found = n % limit; // fewer than the page, or the list would have stopped
        const next = nextBack(back, found, limit);
        expect(Number.isInteger(next)).toBe(true);
        expect(next).toBeGreaterThanOrEqual(4 * back);
        expect(next).toBeLessThanOrEqual(64 * back);
        // Twice the page at the rate seen (found per back), to within the millisecond it is rounded to.
        const factor = (2 * limit) / Math.max(found, 1);
        if (found > 0 && factor >= 4 && factor <= 64) expect(Math.abs(next - (2 * limit * back) / found)).toBeLessThan(1);
      }),
    );
  });

  it('widens the most after a range that held none', () => {
    expect(nextBack(15 * 60_000, 0, 1000)).toBe(16 * 3_600_000);
    expect(nextBack(15 * 60_000, 100, 1000)).toBe(5 * 3_600_000);
    expect(nextBack(15 * 60_000, 999, 1000)).toBe(3_600_000);
  });

  it('is the exact ceiling when the rate seen gives a whole number of milliseconds', () => {
    // 418,481,661 × 14 / 3 is exactly 1,952,914,418 (fast-check found the factor-first product 2e-7 over it).
    expect(nextBack(418_481_661, 3, 7)).toBe(1_952_914_418);
  });
});
