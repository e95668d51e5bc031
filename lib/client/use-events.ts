'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SecurityEvent } from '@/lib/api/types';
import { ANOMALIES_LIMIT, TRACES_LIMIT, anomaliesQuery, criticalEventsQuery, securityEventsQuery, tracesQuery } from './queries';
import type { ResolvedView } from './view';

/** The window's events, shared by the lanes, the table, the inspector and keyboard navigation. */

export function useSecurityEvents(view: ResolvedView) {
  const query = useInfiniteQuery(securityEventsQuery(view, view.security));
  const events = useMemo<SecurityEvent[]>(() => query.data?.pages.flatMap((p) => p.events) ?? [], [query.data]);
  return { ...query, events };
}

/** Times as the keyboard steps between them: whole milliseconds, like the playhead (span starts carry microseconds). */
function sortedUnique(times: number[]): number[] {
  return [...new Set(times.map((t) => Math.floor(t)))].sort((a, b) => a - b);
}

export interface NavigationEvents {
  /** `[`/`]`: every security event, detected anomaly and failed trace (its start). */
  all: number[];
  /** `n`/`p`: detected anomalies and critical security events. */
  notable: number[];
  /**
   * Whether each list holds every such event of the window: loaded, no page
   * cut short, no security filter narrowing it. When one does not, the
   * keyboard asks the server (`/api/events/adjacent`) instead.
   */
  complete: { any: boolean; notable: boolean };
}

/**
 * Instants the keyboard jumps between, from the lists the lanes load anyway:
 * `[`/`]` any event (security event of any severity, whatever the lane's
 * filter; anomaly; failed trace), `n`/`p` the notable ones (anomalies and
 * critical security events).
 */
export function useNavigationEvents(view: ResolvedView): NavigationEvents {
  const security = useSecurityEvents(view);
  const { severities, eventTypes, minThreat } = view.security;
  const unfiltered = severities.length === 0 && eventTypes.length === 0 && minThreat === null;
  // The lane's list holds every critical event unless it was truncated or filtered some out.
  const laneHasCritical =
    security.isSuccess && !security.hasNextPage && eventTypes.length === 0 && minThreat === null && (severities.length === 0 || severities.includes('critical'));
  const needCritical = !laneHasCritical;
  const critical = useQuery({ ...criticalEventsQuery(view), enabled: needCritical && !security.isPending });
  const anomalies = useQuery(anomaliesQuery(view));
  const errorTraces = useQuery(tracesQuery(view, { status: 'error' }));
  return useMemo(() => {
    const anomalyTimes = (anomalies.data?.anomalies ?? []).map((a) => a.timestamp);
    const criticalTimes = [
      ...(needCritical ? (critical.data?.events ?? []) : []).map((e) => e.timestamp),
      ...security.events.filter((e) => e.severity === 'critical').map((e) => e.timestamp),
    ];
    const notable = sortedUnique([...anomalyTimes, ...criticalTimes]);
    const all = sortedUnique([
      ...notable,
      ...security.events.map((e) => e.timestamp),
      ...(errorTraces.data?.traces ?? []).map((t) => t.start),
    ]);
    const anomaliesComplete = anomalies.data !== undefined && anomalies.data.anomalies.length < ANOMALIES_LIMIT;
    const tracesComplete = errorTraces.data !== undefined && errorTraces.data.traces.length < TRACES_LIMIT;
    const criticalComplete = laneHasCritical || (critical.data !== undefined && critical.data.nextCursor === null);
    return {
      all,
      notable,
      complete: {
        any: security.isSuccess && !security.hasNextPage && unfiltered && anomaliesComplete && tracesComplete,
        notable: anomaliesComplete && criticalComplete,
      },
    };
  }, [security.events, security.isSuccess, security.hasNextPage, unfiltered, laneHasCritical, critical.data, needCritical, anomalies.data, errorTraces.data]);
}
