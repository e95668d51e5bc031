import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulerLabel, rulerStep, rulerTicks } from './trace-ruler';

describe('rulerTicks', () => {
  it('cuts a 120 ms trace into at most 5 intervals every 25 ms, and into 6 every 20 ms', () => {
    expect(rulerTicks(120, 5).map((t) => t.label)).toEqual(['0', '25 ms', '50 ms', '75 ms', '100 ms']);
    expect(rulerTicks(120, 6).map((t) => t.offsetMs)).toEqual([0, 20, 40, 60, 80, 100, 120]);
  });

  it('counts seconds for long traces and microseconds for short ones', () => {
    expect(rulerTicks(3_000, 6).map((t) => t.label)).toEqual(['0', '0.5 s', '1.0 s', '1.5 s', '2.0 s', '2.5 s', '3.0 s']);
    expect(rulerTicks(0.4, 4).map((t) => t.label)).toEqual(['0', '100 µs', '200 µs', '300 µs', '400 µs']);
    expect(rulerTicks(7.5, 3).map((t) => t.label)).toEqual(['0', '2.5 ms', '5.0 ms', '7.5 ms']);
  });

  it('has a lone 0 for an empty trace', () => {
    expect(rulerTicks(0)).toEqual([{ offsetMs: 0, fraction: 0, label: '0' }]);
  });

  it("labels in the trace's unit, with the decimals the step needs", () => {
    expect(rulerLabel(2_000, 1_000, 4_000)).toBe('2 s');
    expect(rulerLabel(0.25, 0.05, 0.3)).toBe('250 µs');
    expect(rulerLabel(12.5, 2.5, 20)).toBe('12.5 ms');
    expect(rulerLabel(500, 250, 1_200)).toBe('0.50 s');
  });

  it('for any duration: a nice step, at most maxTicks intervals, the smallest such, distinct labels, inside the trace', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), fc.integer({ min: 2, max: 12 }), (total, maxTicks) => {
        const step = rulerStep(total, maxTicks);
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
        expect(total / step).toBeLessThanOrEqual(maxTicks * (1 + 1e-9));
        // The next smaller nice step would need more intervals than allowed.
        const smaller = [0.5, 0.4, 0.5, 0.5][[1, 2, 2.5, 5].findIndex((m) => Math.abs(m - mantissa) < 1e-6)] ?? 1;
        expect(total / (step * smaller)).toBeGreaterThan(maxTicks * (1 - 1e-9));
        const ticks = rulerTicks(total, maxTicks);
        expect(ticks[0]?.offsetMs).toBe(0);
        expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
        for (const t of ticks) {
          expect(t.fraction).toBeGreaterThanOrEqual(0);
          expect(t.fraction).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
