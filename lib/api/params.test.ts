import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseParams, time, window } from './params';

// A route builds its schema once; `now` in its times is the clock each parse is given.
const schema = window();

describe('parseParams', () => {
  it('resolves `now` against the clock of each parse, with one schema for all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 86_400_000, max: Date.UTC(2200, 0, 1) }), fc.integer({ min: 1, max: 1440 }), (now, minutes) => {
        const parsed = parseParams(schema, { from: `now-${minutes}m`, to: 'now' }, now);
        expect(parsed.success && parsed.data).toEqual({ from: now - minutes * 60_000, to: now });
      }),
    );
  });

  it('uses the clock for defaults too', () => {
    const parsed = parseParams(schema, {}, 7_200_000);
    expect(parsed.success && parsed.data).toEqual({ from: 3_600_000, to: 7_200_000 });
  });

  it('keeps the outer clock after a parse inside a parse', () => {
    const inner = z.string().transform(() => {
      const parsed = parseParams(time(), 'now', 5_000);
      return parsed.success ? parsed.data : NaN;
    });
    const parsed = parseParams(z.tuple([inner, time()]), ['x', 'now'], 9_000);
    expect(parsed.success && parsed.data).toEqual([5_000, 9_000]);
  });

  it('refuses a time parsed without a request clock', () => {
    expect(() => time().safeParse('now')).toThrow(/without a request clock/);
  });
});
