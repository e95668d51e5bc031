import type { TimeRange } from '@/lib/api/types';
import { resolveBaseline, type BaselineSpec } from '@/lib/changes/baseline';
import { FIXED_UNIT_MS, parseDuration } from '@/lib/time/units';

/**
 * The compare mode's baseline as the URL spells it (`compare=`):
 *
 *   previous        the same length just before the window
 *   -1h, -1d, -7d   the window shifted back by a duration
 *   <from>~<to>     an absolute baseline window, epoch ms (any length)
 *
 * Absent: compare mode is off. The baseline is drawn aligned to the window's
 * start (`offset` = window.from − baseline.from), so a point of the baseline
 * lies under the point of the window at the same offset.
 */

export const COMPARE_SHIFTS = ['previous', '-1h', '-1d', '-7d'] as const;

const MAX_SHIFT_MS = 400 * 86_400_000;
const RANGE = /^(\d{1,15})~(\d{1,15})$/;

export function parseCompare(text: string): BaselineSpec | null {
  const value = text.trim();
  if (value === 'previous') return { kind: 'previous' };
  const range = RANGE.exec(value);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    return from < to ? { kind: 'range', from, to } : null;
  }
  if (!value.startsWith('-')) return null;
  const ms = parseDuration(value.slice(1));
  return ms !== undefined && ms > 0 && ms <= MAX_SHIFT_MS ? { kind: 'shift', ms } : null;
}

export function serializeCompare(spec: BaselineSpec): string {
  switch (spec.kind) {
    case 'previous':
      return 'previous';
    case 'shift': {
      // One unit, the largest that divides it (parseDuration reads one number and one unit).
      const unit = (['w', 'd', 'h', 'm', 's'] as const).find((u) => spec.ms % FIXED_UNIT_MS[u] === 0);
      return unit ? `-${spec.ms / FIXED_UNIT_MS[unit]}${unit}` : `-${spec.ms}`;
    }
    case 'range':
      return `${spec.from}~${spec.to}`;
  }
}

/** A short name for the baseline, for legends and the compare control. */
export function compareLabel(spec: BaselineSpec): string {
  if (spec.kind === 'previous') return 'the window before';
  if (spec.kind === 'shift') return `${serializeCompare(spec).slice(1)} earlier`;
  return 'a chosen window';
}

export interface Comparison {
  spec: BaselineSpec;
  baseline: TimeRange;
  /** window.from − baseline.from: add it to a baseline time to draw it under the window. */
  offset: number;
}

export function comparisonFor(window: TimeRange, spec: BaselineSpec): Comparison {
  const baseline = resolveBaseline(window, spec);
  return { spec, baseline, offset: window.from - baseline.from };
}

/** The API's baseline parameters for a comparison (`/api/changes`). */
export function baselineParams(c: Comparison): { baselineFrom: number; baselineTo: number } {
  return { baselineFrom: c.baseline.from, baselineTo: c.baseline.to };
}
