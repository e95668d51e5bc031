import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleRows } from './windowed-rows';

describe('windowed rows', () => {
  it('renders every row the viewport shows, and no more than a screenful plus the margins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (count, rowPx, viewportPx, overscan, scrolled) => {
          // A scroll position the browser can reach: 0 … content height − viewport.
          const scrollTop = Math.max(0, count * rowPx - viewportPx) * scrolled;
          const { start, end } = visibleRows(scrollTop, viewportPx, rowPx, count, overscan);
          expect(0 <= start && start <= end && end <= count).toBe(true);
          // Brute force: each row whose box [i·h, (i+1)·h) meets the viewport [top, top + height).
          for (let i = 0; i < count; i++) {
            const meets = i * rowPx < scrollTop + viewportPx && (i + 1) * rowPx > scrollTop;
            if (meets) expect(i >= start && i < end, `row ${i} in [${start}, ${end})`).toBe(true);
          }
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewportPx / rowPx) + 2 + 2 * overscan);
        },
      ),
    );
  });

  it('an empty list renders nothing; a short one renders whole', () => {
    expect(visibleRows(0, 224, 21, 0, 10)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(0, 224, 21, 7, 10)).toEqual({ start: 0, end: 7 });
    expect(visibleRows(21 * 500, 224, 21, 1000, 10)).toEqual({ start: 490, end: 522 });
  });
});
