'use client';

import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TraceSummary } from '@/lib/api/types';
import { errorMessage } from './api';
import { tracesQuery, type Window } from './queries';

/**
 * The traces lane's traces. The API lists traces newest first, a page at a
 * time, so one page would only show the window's last minutes: the lane asks
 * for the newest few of each of SLICES equal slices of the window (a sample
 * across all of it) plus the failed ones (asked for separately so errors are
 * never sampled away), merged by trace id.
 */

const SLICES = 4;
const PER_SLICE = 100;

export function sliceWindow(w: Window, slices = SLICES): Window[] {
  const width = (w.to - w.from) / slices;
  return Array.from({ length: slices }, (_, i) => ({
    from: Math.round(w.from + i * width),
    to: i === slices - 1 ? w.to : Math.round(w.from + (i + 1) * width),
  }));
}

export function useLaneTraces(w: Window) {
  const combine = useCallback(
    (results: { data?: { traces: TraceSummary[] }; error: Error | null; isPending: boolean; refetch: () => unknown }[]) => {
      const byId = new Map<string, TraceSummary>();
      for (const r of results) for (const t of r.data?.traces ?? []) byId.set(t.traceId, t);
      const failed = results.find((r) => r.error);
      return {
        traces: [...byId.values()].sort((a, b) => a.start - b.start),
        isPending: results.some((r) => r.isPending),
        error: failed ? errorMessage(failed.error) : null,
        retry: () => {
          for (const r of results) if (r.error) void r.refetch();
        },
      };
    },
    [],
  );
  const queries = [...sliceWindow(w).map((slice) => tracesQuery(slice, undefined, PER_SLICE)), tracesQuery(w, 'error')];
  return useQueries({ queries, combine });
}
