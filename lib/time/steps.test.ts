import { describe, expect, it } from 'vitest';
import { alignDown, bucketCount, chooseStep } from './steps';
import { formatDuration, parseDuration } from './units';

const H = 3_600_000;

describe('chooseStep', () => {
  it('picks the smallest ladder step that fits maxPoints', () => {
    expect(chooseStep(0, H, 1200)).toBe(5_000); // 720 buckets of 5s; 2s would be 1800
    expect(chooseStep(0, 24 * H, 1200)).toBe(120_000); // 720 of 2m
    expect(chooseStep(0, 60_000, 1200)).toBe(1_000);
  });

  it('counts buckets of an unaligned window on the epoch grid', () => {
    expect(bucketCount(500, 2500, 1000)).toBe(3);
    expect(bucketCount(1000, 3000, 1000)).toBe(2);
    expect(alignDown(2999, 1000)).toBe(2000);
  });
});

describe('durations', () => {
  it('parses and formats', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('250')).toBe(250);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('5x')).toBeUndefined();
    expect(parseDuration('-5m')).toBeUndefined();
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(86_400_000)).toBe('1d');
  });
});
