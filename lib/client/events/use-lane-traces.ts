'use client';

import { useMemo } from 'react';
import type { TraceSummary } from '@/lib/api/types';
import type { TraceFilter, Window } from '../queries';
import { failedTraces, slowTraces } from './trace-samples';
import { useTracesInWindow } from './use-window-events';
import { mergeWindowEvents, type WindowEvents } from './window-events';

/**
 * The traces lane's traces. When one page holds the whole window the lane
 * shows every trace; when it does not (a long window), a page would only
 * cover the window's last minutes, so the lane shows instead the traces an
 * investigator looks for — every failed one and every slow one (≥ SLOW_MS) —
 * over the spans-per-bucket histogram, and says so (`complete` false).
 */

export { SLOW_MS } from './trace-samples';

const traceId = (t: TraceSummary) => t.traceId;
const traceStart = (t: TraceSummary) => t.start;

export function useLaneTraces(w: Window, filter: TraceFilter = {}): WindowEvents<TraceSummary> {
  const all = useTracesInWindow(w, filter);
  const cutShort = !all.isPending && !all.error && !all.complete;
  // Under a filter for ok traces there are no failed ones to add.
  const failed = useTracesInWindow(w, failedTraces(filter), { enabled: filter.status !== 'ok' });
  const slow = useTracesInWindow(w, slowTraces(filter), { enabled: cutShort });
  return useMemo(() => {
    if (!cutShort) return mergeWindowEvents([all, failed], traceId, traceStart);
    const sampled = mergeWindowEvents([slow, failed], traceId, traceStart);
    // Not every trace of the window: the failed and slow ones.
    return { ...sampled, complete: false, total: null, error: sampled.error ?? all.error };
  }, [cutShort, all, failed, slow]);
}
