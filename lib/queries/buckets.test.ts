import { describe, expect, it } from 'vitest';
import { bucketStarts, densityStep, seriesStep } from './buckets';

const M = 60_000;
const D = 86_400_000;

describe('seriesStep', () => {
  it('takes an explicit step within maxPoints, or within 10000 when maxPoints is not given', () => {
    expect(seriesStep(0, 60 * M, undefined, 1000)).toBe(1000); // 3600 points: over 1200, under 10000
    expect(() => seriesStep(0, 60 * M, 1200, 1000)).toThrow(/3600 points.*maxPoints=1200/);
    expect(() => seriesStep(0, 2 * D, undefined, 1000)).toThrow(/172800 points.*maxPoints=10000/);
  });

  it('chooses the smallest ladder step within maxPoints (default 1200)', () => {
    expect(seriesStep(0, 60 * M, undefined, undefined)).toBe(5000);
    expect(seriesStep(0, 60 * M, 10_000, undefined)).toBe(1000);
    expect(() => seriesStep(0, 400 * D, 399, undefined)).toThrow(/even 1d steps give 400 points/);
  });
});

describe('densityStep', () => {
  it('uses the ladder, then whole days', () => {
    expect(densityStep(0, 200 * M, 200)).toBe(M);
    expect(densityStep(0, 400 * D, 200)).toBe(2 * D);
    expect(densityStep(D / 2, 400 * D + D / 2, 200)).toBe(3 * D); // 2d would touch 201 buckets
    expect(densityStep(0, 10 * D, 1)).toBe(10 * D);
  });
});

describe('bucketStarts', () => {
  it('lists every bucket intersecting [from, to)', () => {
    expect(bucketStarts(500, 2500, 1000)).toEqual([0, 1000, 2000]);
    expect(bucketStarts(1000, 3000, 1000)).toEqual([1000, 2000]);
  });
});
