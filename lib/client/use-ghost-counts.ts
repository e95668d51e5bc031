'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DensityBucket } from '@/lib/api/types';
import { densityQuery } from './queries';
import { useView, type PanelWindow } from './view';

/**
 * Compare mode's ghost bars for a lane: the baseline's counts per bucket
 * (from /api/density over a baseline as long as the window drawn), moved by
 * the comparison's offset under the window, and the largest count of either
 * side so both share one scale. Null while compare mode is off.
 */

export interface GhostCounts {
  points: [number, number][];
  /** The largest bucket count of the window or the baseline. */
  max: number;
}

export function useGhostCounts(w: PanelWindow, count: (b: DensityBucket) => number): GhostCounts | null {
  const comparison = useView().compare;
  const from = comparison?.baseline.from ?? w.from;
  const baseline = useQuery({ ...densityQuery({ from, to: from + (w.to - w.from) }), enabled: comparison !== null });
  const current = useQuery({ ...densityQuery(w), enabled: comparison !== null });
  const offset = comparison?.offset ?? 0;
  return useMemo(() => {
    if (!comparison || !baseline.data) return null;
    const points = baseline.data.buckets.map((b): [number, number] => [b.t + offset, count(b)]);
    const max = Math.max(1, ...points.map(([, n]) => n), ...(current.data?.buckets ?? []).map(count));
    return { points, max };
  }, [comparison, baseline.data, current.data, offset, count]);
}
