import { describe, expect, it } from 'vitest';
import type { Point } from '@/lib/api/types';
import { bandPercent, clamp, lineData, nextAfter, previousBefore, sampleAt, typicalSpacing, valueAt } from './grid';

const S = 30_000;
const grid = (values: (number | null)[], start = 0): Point[] => values.map((v, i) => [start + i * S, v]);

describe('the shared bucket grid', () => {
  it('reads the bucket holding an instant, its edges included', () => {
    const points = grid([1, 2, 3], 600_000);
    expect(valueAt(points, 600_000, S)).toBe(1);
    expect(valueAt(points, 629_999, S)).toBe(1);
    expect(valueAt(points, 630_000, S)).toBe(2);
    expect(valueAt(points, 599_999, S)).toBeNull();
    expect(valueAt(points, 690_000, S)).toBeNull();
  });

  it('carries a coarse series over the empty buckets between its samples, not further', () => {
    const pnl = grid([10, null, 11, null, 12, null, null, null, null]);
    expect(typicalSpacing(pnl, S)).toBe(2 * S);
    expect(sampleAt(pnl, S + 5, S)).toEqual({ value: 10, at: 0 });
    expect(sampleAt(pnl, 5 * S, S)).toEqual({ value: 12, at: 4 * S });
    expect(sampleAt(pnl, 6 * S, S)).toEqual({ value: null, at: null });
    // A dense series is never carried.
    expect(sampleAt(grid([1, 2, null, 4, 5, 6]), 2 * S, S)).toEqual({ value: null, at: null });
  });

  it('draws through short gaps and breaks at long ones', () => {
    const line = lineData(grid([1, null, 3, 4, null, null, null, null, null, 10]), S);
    expect(line).toEqual([[0, 1], [2 * S, 3], [3 * S, 4], [4 * S, null], [9 * S, 10]]);
  });

  it('finds the next and previous events strictly after / before', () => {
    const times = [10, 20, 20, 30];
    expect(nextAfter(times, 20)).toBe(30);
    expect(nextAfter(times, 5)).toBe(10);
    expect(nextAfter(times, 30)).toBeNull();
    expect(previousBefore(times, 20)).toBe(10);
    expect(previousBefore(times, 10)).toBeNull();
  });

  it('places a band across the window, cut at its edges', () => {
    expect(bandPercent(25, 50, 0, 100)).toEqual({ left: 25, width: 25 });
    expect(bandPercent(-50, 10, 0, 100)).toEqual({ left: 0, width: 10 });
    expect(bandPercent(90, 500, 0, 100)).toEqual({ left: 90, width: 10 });
  });

  it('clamps into a range', () => {
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(5, 0, 10)).toBe(5);
  });
});
