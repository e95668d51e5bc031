'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Aggregation, Point } from '@/lib/api/types';
import type { PanelSpec } from '@/lib/url/panel-spec';
import { errorMessage } from './api';
import { typicalSpacing } from './grid';
import { seriesQuery } from './queries';
import type { ResolvedView } from './view';

/**
 * A metric panel's data: one `/api/series` request for all its aggregations,
 * on the view's bucket grid, flattened into named lines. The inspector calls
 * this too and reads the same cached buckets.
 */

export interface PanelLine {
  key: string;
  name: string;
  agg: Aggregation;
  labels: Record<string, string>;
  points: Point[];
  /** The usual spacing of its samples (≥ the step): coarser series are carried over gaps. */
  spacing: number;
}

export interface PanelSeries {
  lines: PanelLine[];
  isPending: boolean;
  error: string | null;
  retry: () => void;
}

/** `enabled: false` asks for nothing (compare mode off) and answers no lines. */
export function usePanelSeries(spec: PanelSpec, view: Pick<ResolvedView, 'from' | 'to' | 'step'>, enabled = true): PanelSeries {
  const { metric, aggs, filters, groupBy } = spec;
  const query = useQuery({ ...seriesQuery({ metric, aggs, filters, groupBy, from: view.from, to: view.to, step: view.step }), enabled });
  const { data, error, isPending, refetch } = query;
  // Lines keep their identity while the answer is unchanged, so charts do not redraw on every render.
  const lines = useMemo(() => {
    if (!data) return [];
    return data.series.map((s): PanelLine => {
      const group = groupBy ? (s.labels[groupBy] ?? '(none)') : null;
      const name = group === null ? s.agg : aggs.length > 1 ? `${s.agg} ${group}` : group;
      return { key: `${s.agg}|${JSON.stringify(s.labels)}`, name, agg: s.agg, labels: s.labels, points: s.points, spacing: typicalSpacing(s.points, data.step) };
    });
  }, [data, groupBy, aggs.length]);
  return {
    lines,
    isPending: enabled && isPending,
    error: error ? errorMessage(error) : null,
    retry: () => void refetch(),
  };
}
