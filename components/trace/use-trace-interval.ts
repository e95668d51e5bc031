'use client';

import { useQuery } from '@tanstack/react-query';
import type { Span } from '@/lib/api/types';
import { traceQuery, type Window } from '@/lib/client/queries';
import { useView, type ResolvedView } from '@/lib/client/view';

/** The window a trace lookup is bounded by: the view, widened a little for traces that straddle it. */
/** How far outside the window a trace lookup reaches. */
export const TRACE_LOOKUP_MARGIN_MS = 15 * 60_000;

export function traceHint(view: Pick<ResolvedView, 'from' | 'to'>): Window {
  return { from: view.from - TRACE_LOOKUP_MARGIN_MS, to: view.to + TRACE_LOOKUP_MARGIN_MS };
}

export function useSelectedTrace() {
  const view = useView();
  return useQuery({ ...traceQuery(view.trace ?? '', traceHint(view)), enabled: view.trace !== null });
}

export function traceBounds(spans: readonly Span[]): { start: number; end: number } | null {
  if (spans.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.start + s.durationMs);
  }
  return { start, end };
}

/** The selected trace's [start, end] once loaded (drawn as a band on every panel). */
export function useTraceInterval(): { start: number; end: number } | null {
  const { data } = useSelectedTrace();
  return data ? traceBounds(data.spans) : null;
}
