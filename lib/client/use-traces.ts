'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TraceSummary, TracesResponse } from '@/lib/api/types';
import { errorMessage } from './api';
import { TRACES_LIMIT, tracesQuery, type Window } from './queries';

/**
 * The traces lane's traces. The API lists traces newest first, a page of at
 * most TRACES_LIMIT at a time. When one page holds the whole window the lane
 * shows every trace; when it does not (a long window), a page would only
 * cover the window's last minutes, so the lane shows instead the traces an
 * investigator looks for — every failed one and every slow one (≥ SLOW_MS) —
 * over the spans-per-bucket histogram, and says so.
 */

export const SLOW_MS = 100;

type Result = { data?: TracesResponse; error: Error | null; isPending: boolean; refetch: () => unknown };

export interface LaneTraces {
  traces: TraceSummary[];
  /** True when the lane shows every trace of the window. */
  complete: boolean;
  isPending: boolean;
  error: string | null;
  retry: () => void;
}

export function useLaneTraces(w: Window): LaneTraces {
  const all = useQuery(tracesQuery(w));
  const complete = all.data !== undefined && all.data.traces.length < TRACES_LIMIT;
  const sampled = all.data !== undefined && !complete;
  const combine = useCallback(
    ([failed, slow]: Result[]): LaneTraces => {
      const byId = new Map<string, TraceSummary>();
      for (const t of [...(complete ? (all.data?.traces ?? []) : (slow?.data?.traces ?? [])), ...(failed?.data?.traces ?? [])]) byId.set(t.traceId, t);
      const results = [all, failed, ...(sampled ? [slow] : [])];
      const broken = results.find((r) => r?.error);
      return {
        traces: [...byId.values()].sort((a, b) => a.start - b.start),
        complete,
        isPending: results.some((r) => r?.isPending ?? true),
        error: broken ? errorMessage(broken.error) : null,
        retry: () => {
          for (const r of results) if (r?.error) void r.refetch();
        },
      };
    },
    [all, complete, sampled],
  );
  return useQueries({
    queries: [tracesQuery(w, { status: 'error' }), { ...tracesQuery(w, { minDurationMs: SLOW_MS }), enabled: sampled }],
    combine,
  });
}
