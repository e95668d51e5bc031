import { FIXED_UNIT_MS } from '@/lib/time/units';
import { dateTime64 } from './common';

/**
 * How a window [from, to) is tiled by sources of growing grain: raw rows at
 * the ragged edges, a per-minute rollup inside the whole minutes, an hourly
 * rollup inside the whole hours. Each tier covers the part of its range not
 * covered by the next one, so every row is counted once and the answer is
 * the raw answer. A tier is used only when its table is usable and its grain
 * divides the step (every rollup row then falls in one bucket of the step).
 */

export const MINUTE = FIXED_UNIT_MS.m;
export const HOUR = FIXED_UNIT_MS.h;

/** Nested half-open ranges: raw ⊇ minute ⊇ hour; an empty range has from = to. */
export interface TierPlan {
  from: number;
  to: number;
  minute: { from: number; to: number };
  hour: { from: number; to: number };
}

export const ceilTo = (t: number, grain: number) => Math.ceil(t / grain) * grain;
export const floorTo = (t: number, grain: number) => Math.floor(t / grain) * grain;

/** The whole `grain`s inside [from, to), or an empty range at `from` when there are none. */
function inner(range: { from: number; to: number }, grain: number): { from: number; to: number } {
  const from = ceilTo(range.from, grain);
  const to = floorTo(range.to, grain);
  return from < to ? { from, to } : { from: range.from, to: range.from };
}

const divides = (grain: number, step: number | undefined) => step === undefined || step % grain === 0;

/**
 * The plan for a window, or undefined when no rollup range would be used
 * (the raw query answers alone). `step` undefined: any grain fits (no buckets).
 */
export function planTiers(
  from: number,
  to: number,
  step: number | undefined,
  usable: { minute: boolean; hour: boolean },
): TierPlan | undefined {
  const window = { from, to };
  const minute = usable.minute && divides(MINUTE, step) ? inner(window, MINUTE) : { from, to: from };
  const base = minute.from < minute.to ? minute : window;
  const hour = usable.hour && divides(HOUR, step) ? inner(base, HOUR) : { from: base.from, to: base.from };
  if (minute.from === minute.to && hour.from === hour.to) return undefined;
  // Without a minute tier the hour range is the whole of the rollup range: raw covers the rest.
  return { from, to, minute: minute.from < minute.to ? minute : hour, hour };
}

/** The plan's ranges as the rollup SQL files' parameters (with `from`/`to`, which every query binds). */
export function tierParams(plan: TierPlan) {
  return {
    m_from: dateTime64(plan.minute.from),
    m_to: dateTime64(plan.minute.to),
    h_from: dateTime64(plan.hour.from),
    h_to: dateTime64(plan.hour.to),
  };
}

/**
 * The arms of a tiered SQL file (its `-- arm:` blocks, lib/clickhouse/sql-files.ts)
 * whose ranges hold time in any of `plans` (a read over two ranges, such as
 * a window and its baseline, has one plan each): `edges` (raw rows outside
 * [m_from, m_to)), `minutes` (the per-minute range outside the hours) and
 * `hours`. The read leaves the others out rather than have the engine plan
 * an empty scan.
 */
export function tierArms(...plans: TierPlan[]): string[] {
  const holds: Record<string, (plan: TierPlan) => boolean> = {
    edges: ({ from, to, minute }) => from < minute.from || minute.to < to,
    minutes: ({ minute, hour }) => minute.from < hour.from || hour.to < minute.to,
    hours: ({ hour }) => hour.from < hour.to,
  };
  return Object.entries(holds)
    .filter(([, held]) => plans.some(held))
    .map(([arm]) => arm);
}
