import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, planTiers, tierArms } from './tiers';

const D = 86_400_000;
const both = { minute: true, hour: true };

describe('planTiers', () => {
  it('tiles a ragged window: raw edges, whole minutes around whole hours', () => {
    const from = D + 5 * HOUR + 25 * MINUTE + 17_500;
    const to = D + 9 * HOUR + 7 * MINUTE + 40_250;
    expect(planTiers(from, to, HOUR, both)).toEqual({
      from,
      to,
      minute: { from: D + 5 * HOUR + 26 * MINUTE, to: D + 9 * HOUR + 7 * MINUTE },
      hour: { from: D + 6 * HOUR, to: D + 9 * HOUR },
    });
  });

  it('uses only the grains that divide the step', () => {
    const plan = planTiers(D + 1000, D + 10 * HOUR, 5 * MINUTE, both);
    expect(plan?.minute).toEqual({ from: D + MINUTE, to: D + 10 * HOUR });
    expect(plan?.hour.from).toBe(plan?.hour.to); // empty: 5-minute buckets cannot take hourly rows
    expect(planTiers(D, D + HOUR, 30_000, both)).toBeUndefined(); // sub-minute steps: raw rows only
    expect(planTiers(D, D + 90 * MINUTE, 90 * MINUTE, both)?.hour.from).toBe(planTiers(D, D + 90 * MINUTE, 90 * MINUTE, both)?.hour.to);
  });

  it('leaves out what is not usable, and windows without a whole grain', () => {
    expect(planTiers(D, D + 2 * HOUR, HOUR, { minute: false, hour: false })).toBeUndefined();
    expect(planTiers(D + 10, D + 50_000, undefined, both)).toBeUndefined();
    // An hourly tier alone: its range is the whole of the rollup part (the minute part is empty).
    expect(planTiers(D + 10, D + 3 * HOUR + 10, HOUR, { minute: false, hour: true })).toEqual({
      from: D + 10,
      to: D + 3 * HOUR + 10,
      minute: { from: D + HOUR, to: D + 3 * HOUR },
      hour: { from: D + HOUR, to: D + 3 * HOUR },
    });
  });

  it('takes any grain when there are no buckets (the catalog)', () => {
    expect(planTiers(D + 10, D + 2 * HOUR + 61_000, undefined, both)).toEqual({
      from: D + 10,
      to: D + 2 * HOUR + 61_000,
      minute: { from: D + MINUTE, to: D + 2 * HOUR + MINUTE },
      hour: { from: D + HOUR, to: D + 2 * HOUR },
    });
  });
});

describe('tierArms', () => {
  const T = Date.UTC(2024, 0, 1);
  const plan = (from: number, to: number) => planTiers(from, to, undefined, { minute: true, hour: true }) ?? { from, to, minute: { from, to: from }, hour: { from, to: from } };

  it('names the tiers whose ranges hold time, in the order of the file', () => {
    expect(tierArms(plan(T, T + 2 * HOUR))).toEqual(['hours']);
    expect(tierArms(plan(T + 5 * MINUTE, T + 2 * HOUR))).toEqual(['minutes', 'hours']);
    expect(tierArms(plan(T + 5 * MINUTE + 1, T + 30 * MINUTE))).toEqual(['edges', 'minutes']);
    expect(tierArms(plan(T + 1, T + 2 * HOUR + 1))).toEqual(['edges', 'minutes', 'hours']);
    // Under a minute: raw rows only.
    expect(tierArms(plan(T + 1_000, T + 30_000))).toEqual(['edges']);
  });

  it('over two ranges (a window and its baseline), the tiers either one holds', () => {
    expect(tierArms(plan(T + HOUR, T + 2 * HOUR), plan(T, T + HOUR))).toEqual(['hours']);
    expect(tierArms(plan(T + HOUR, T + 2 * HOUR), plan(T + 1_000, T + 30_000))).toEqual(['edges', 'hours']);
    expect(tierArms(plan(T + 5 * MINUTE, T + 10 * MINUTE), plan(T, T + HOUR))).toEqual(['minutes', 'hours']);
  });
});
