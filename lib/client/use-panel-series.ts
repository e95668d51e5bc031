'use client';

import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Aggregation, Point, SeriesResponse } from '@/lib/api/types';
import type { PanelSpec } from '@/lib/url/panel-spec';
import { typicalSpacing } from './grid';
import { seriesQuery } from './queries';
import type { ResolvedView } from './view';
import { errorMessage } from './api';

/**
 * A metric panel's data: one `/api/series` request per aggregation (the
 * API takes one `agg`), all on the view's bucket grid, flattened into named
 * lines. The inspector calls this too and reads the same cached buckets.
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

export function seriesInputs(spec: PanelSpec, view: Pick<ResolvedView, 'from' | 'to' | 'step'>) {
  return spec.aggs.map((agg) => ({
    metric: spec.metric,
    agg,
    from: view.from,
    to: view.to,
    step: view.step,
    filters: spec.filters,
    groupBy: spec.groupBy,
  }));
}

type SeriesResult = UseQueryResult<SeriesResponse, Error>;

export function usePanelSeries(spec: PanelSpec, view: Pick<ResolvedView, 'from' | 'to' | 'step'>): PanelSeries {
  const { groupBy } = spec;
  const aggKey = spec.aggs.join(',');
  // A stable combine: it reruns only when a result changes, so the lines keep their identity between renders.
  const combine = useCallback(
    (results: SeriesResult[]): PanelSeries => {
      const aggs = aggKey.split(',') as Aggregation[];
      const lines: PanelLine[] = [];
      results.forEach((result, i) => {
        const agg = aggs[i];
        if (!agg || !result.data) return;
        for (const s of result.data.series) {
          const group = groupBy ? (s.labels[groupBy] ?? '(none)') : null;
          const name = group === null ? agg : aggs.length > 1 ? `${agg} ${group}` : group;
          lines.push({ key: `${agg}|${JSON.stringify(s.labels)}`, name, agg, labels: s.labels, points: s.points, spacing: typicalSpacing(s.points, result.data.step) });
        }
      });
      const failed = results.find((r) => r.error);
      return {
        lines,
        isPending: results.some((r) => r.isPending),
        error: failed ? errorMessage(failed.error) : null,
        retry: () => {
          for (const r of results) if (r.error) void r.refetch();
        },
      };
    },
    [aggKey, groupBy],
  );
  return useQueries({ queries: seriesInputs(spec, view).map((input) => seriesQuery(input)), combine });
}
