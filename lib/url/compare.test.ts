import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonFor, parseCompare, serializeCompare } from './compare';

const H = 3_600_000;

describe('compare=', () => {
  it('reads a shift, "previous" or an absolute range', () => {
    expect(parseCompare('previous')).toEqual({ kind: 'previous' });
    expect(parseCompare('-1d')).toEqual({ kind: 'shift', ms: 24 * H });
    expect(parseCompare('-90m')).toEqual({ kind: 'shift', ms: 1.5 * H });
    expect(parseCompare('1700000000000~1700003600000')).toEqual({ kind: 'range', from: 1700000000000, to: 1700003600000 });
  });

  it.each(['', 'yesterday', '1d', '-0s', '-401d', '-1y', '5~5', '9~1', '1~2~3', '-1h; drop'])('ignores %j', (text) => {
    expect(parseCompare(text)).toBeNull();
  });

  it('writes what it reads', () => {
    const spec = fc.oneof(
      fc.constant({ kind: 'previous' as const }),
      fc.integer({ min: 1, max: 400 * 24 * 60 }).map((m) => ({ kind: 'shift' as const, ms: m * 60_000 })),
      fc.tuple(fc.nat({ max: 2 ** 42 }), fc.integer({ min: 1, max: 2 ** 40 })).map(([from, length]) => ({ kind: 'range' as const, from, to: from + length })),
    );
    fc.assert(
      fc.property(spec, (s) => {
        expect(parseCompare(serializeCompare(s))).toEqual(s);
      }),
    );
  });

  it('aligns the baseline to the window start', () => {
    const window = { from: 10 * H, to: 12 * H };
    expect(comparisonFor(window, { kind: 'previous' })).toEqual({ spec: { kind: 'previous' }, baseline: { from: 8 * H, to: 10 * H }, offset: 2 * H });
    expect(comparisonFor(window, { kind: 'shift', ms: 24 * H }).offset).toBe(24 * H);
    expect(comparisonFor(window, { kind: 'range', from: 0, to: 7 * 24 * H }).offset).toBe(10 * H);
  });
});
