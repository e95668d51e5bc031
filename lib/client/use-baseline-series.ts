'use client';

import { useMemo } from 'react';
import type { PanelSpec } from '@/lib/url/panel-spec';
import { usePanelSeries, type PanelLine } from './use-panel-series';
import type { ResolvedView } from './view';

/**
 * Compare mode's baseline for a metric panel: the same panel over the
 * baseline window (as long as the window drawn, on the same step), its points
 * moved by the comparison's offset so each lies under the window's point at
 * the same offset. `offset` turns a drawn time back into the baseline's own.
 * No request and no lines while compare mode is off.
 */

export interface BaselineSeries {
  lines: PanelLine[];
  offset: number;
  isPending: boolean;
  error: string | null;
}

export function useBaselineSeries(spec: PanelSpec, view: Pick<ResolvedView, 'from' | 'to' | 'step' | 'compare'>): BaselineSeries | null {
  const comparison = view.compare;
  const offset = comparison?.offset ?? 0;
  const from = comparison ? comparison.baseline.from : view.from;
  const data = usePanelSeries(spec, { from, to: from + (view.to - view.from), step: view.step }, comparison !== null);
  const lines = useMemo(
    () => data.lines.map((line): PanelLine => ({ ...line, points: line.points.map(([t, v]) => [t + offset, v]) })),
    [data.lines, offset],
  );
  if (!comparison) return null;
  return { lines, offset, isPending: data.isPending, error: data.error };
}
