import type { TimeRange } from '@/lib/api/types';

/**
 * Which baseline a window is compared with: the same length just before it
 * (the default), the window shifted back by a duration (a day: the same hours
 * yesterday), or a range of its own (any length; rates and spreads are per
 * time and per bucket, so a week may be the baseline of an hour).
 */
export type BaselineSpec = { kind: 'previous' } | { kind: 'shift'; ms: number } | ({ kind: 'range' } & TimeRange);

export function resolveBaseline(window: TimeRange, spec: BaselineSpec): TimeRange {
  switch (spec.kind) {
    case 'previous':
      return { from: window.from - (window.to - window.from), to: window.from };
    case 'shift':
      return { from: window.from - spec.ms, to: window.to - spec.ms };
    case 'range':
      return { from: spec.from, to: spec.to };
  }
}
