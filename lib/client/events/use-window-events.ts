'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Anomaly, SecurityEvent, TraceSummary } from '@/lib/api/types';
import {
  ANOMALIES_LIMIT,
  TRACES_LIMIT,
  anomaliesQuery,
  criticalEventsQuery,
  securityEventsQuery,
  securitySummaryQuery,
  tracesQuery,
  type SecurityFilter,
  type TraceFilter,
  type Window,
} from '../queries';
import type { LabelFilter } from '@/lib/url/panel-spec';
import { windowEvents, type WindowEvents } from './window-events';

/** Each kind of event in a window as a `WindowEvents` answer (one cached request per input, shared by every caller). */

const securityTime = (e: SecurityEvent) => e.timestamp;

export interface SecurityInWindow extends WindowEvents<SecurityEvent> {
  /** Loads the next (older) page, when there is one (the table's "Load older events"). */
  loadMore: (() => void) | null;
  isLoadingMore: boolean;
}

export function useSecurityInWindow(w: Window, filter: SecurityFilter, options: { enabled?: boolean } = {}): SecurityInWindow {
  const enabled = options.enabled ?? true;
  const query = useInfiniteQuery({ ...securityEventsQuery(w, filter), enabled });
  const { data, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = query;
  const isPending = enabled && query.isPending;
  // A page cut short: the exact total comes from a count query (the same answer the lane's header reads).
  const cutShort = enabled && hasNextPage;
  const summary = useQuery({ ...securitySummaryQuery(w, filter), enabled: cutShort });
  const count = summary.data?.total ?? null;
  return useMemo(() => {
    const pages = data?.pages;
    const loaded = pages ? pages.flatMap((p) => p.events) : null;
    const next = pages?.[pages.length - 1]?.nextCursor;
    return {
      ...windowEvents(loaded, { kind: 'cursor', next }, { isPending, error, retry: () => void refetch() }, securityTime, count),
      loadMore: hasNextPage ? () => void fetchNextPage() : null,
      isLoadingMore: isFetchingNextPage,
    };
  }, [data, error, isPending, refetch, hasNextPage, fetchNextPage, isFetchingNextPage, count]);
}

/** The critical security events a filter keeps: few, so usually all of them fit one page even when the lane's list is cut short. */
export function useCriticalInWindow(w: Window, filter: SecurityFilter, options: { enabled?: boolean } = {}): WindowEvents<SecurityEvent> {
  const enabled = options.enabled ?? true;
  const { data, refetch, ...query } = useQuery({ ...criticalEventsQuery(w, filter), enabled });
  // A query not asked for is not pending (nothing is on its way) and has not failed (the page may have sent it anyway).
  const isPending = enabled && query.isPending;
  const error = enabled ? query.error : null;
  return useMemo(
    () => windowEvents(data?.events ?? null, { kind: 'cursor', next: data?.nextCursor }, { isPending, error, retry: () => void refetch() }, securityTime),
    [data, error, isPending, refetch],
  );
}

/** The detected anomalies of the window; with `labels`, those whose series the view's label filters keep. */
export function useAnomaliesInWindow(w: Window, labels: LabelFilter[] = []): WindowEvents<Anomaly> {
  const { data, error, isPending, refetch } = useQuery(anomaliesQuery(w, labels.length ? { filters: labels } : null));
  return useMemo(
    () => windowEvents(data?.anomalies ?? null, { kind: 'limit', limit: ANOMALIES_LIMIT }, { isPending, error, retry: () => void refetch() }, (a) => a.timestamp),
    [data, error, isPending, refetch],
  );
}

export function useTracesInWindow(w: Window, filter: TraceFilter = {}, options: { enabled?: boolean } = {}): WindowEvents<TraceSummary> {
  const enabled = options.enabled ?? true;
  const { data, refetch, ...query } = useQuery({ ...tracesQuery(w, filter), enabled });
  const isPending = enabled && query.isPending;
  const error = enabled ? query.error : null;
  return useMemo(
    () =>
      windowEvents(data?.traces ?? null, { kind: 'limit', limit: filter.limit ?? TRACES_LIMIT }, { isPending, error, retry: () => void refetch() }, (t) => t.start),
    [data, error, isPending, refetch, filter.limit],
  );
}
