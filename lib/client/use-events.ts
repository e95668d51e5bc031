'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SecurityEvent } from '@/lib/api/types';
import { anomaliesQuery, criticalEventsQuery, securityEventsQuery, tracesQuery } from './queries';
import type { ResolvedView } from './view';

/** The window's events, shared by the lanes, the table, the inspector and keyboard navigation. */

export function useSecurityEvents(view: ResolvedView) {
  const query = useInfiniteQuery(securityEventsQuery(view, view.security));
  const events = useMemo<SecurityEvent[]>(() => query.data?.pages.flatMap((p) => p.events) ?? [], [query.data]);
  return { ...query, events };
}

function sortedUnique(times: number[]): number[] {
  return [...new Set(times)].sort((a, b) => a - b);
}

/**
 * Instants the keyboard jumps between: `[`/`]` any event (security event,
 * anomaly, failed trace); `n`/`p` the notable ones (anomalies and critical
 * security events).
 */
export function useNavigationEvents(view: ResolvedView) {
  const security = useSecurityEvents(view);
  // The lane's list already holds every critical event unless it was truncated or filtered them out.
  const severities = view.security.severities;
  const needCritical = security.hasNextPage || (severities.length > 0 && !severities.includes('critical'));
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
    return { all, notable };
  }, [security.events, critical.data, needCritical, anomalies.data, errorTraces.data]);
}
