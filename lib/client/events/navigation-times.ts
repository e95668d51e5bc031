import type { Anomaly, SecurityEvent, TraceSummary } from '@/lib/api/types';
import { isSecurityFiltered, type SecurityFilter } from '../queries';
import type { WindowEvents } from './window-events';

/**
 * The instants the keyboard jumps between, from the lists the lanes load
 * anyway: `[`/`]` any event (a security event of any severity whatever the
 * lane's filter, an anomaly, a failed trace's start), `n`/`p` the notable
 * ones (anomalies and critical security events). Each list says whether it
 * holds every such instant of the window; when one does not, the keyboard
 * asks the server (`/api/events/adjacent`) instead.
 */

export interface NavigationTimes {
  all: number[];
  notable: number[];
  complete: { any: boolean; notable: boolean };
}

export interface NavigationSources {
  /** The security lane's list, and whether a filter narrows it (then it cannot stand for "every event"). */
  security: WindowEvents<SecurityEvent>;
  securityFiltered: boolean;
  /** Every critical event, when the lane's list may lack some (null when the lane's list is known to hold them all). */
  critical: WindowEvents<SecurityEvent> | null;
  anomalies: WindowEvents<Anomaly>;
  errorTraces: WindowEvents<TraceSummary>;
}

/** Times as the keyboard steps between them: whole milliseconds, like the playhead (span starts carry microseconds). */
function sortedUnique(times: number[]): number[] {
  return [...new Set(times.map((t) => Math.floor(t)))].sort((a, b) => a - b);
}

export function navigationTimes({ security, securityFiltered, critical, anomalies, errorTraces }: NavigationSources): NavigationTimes {
  const criticalTimes = [...(critical?.events ?? []), ...security.events.filter((e) => e.severity === 'critical')].map((e) => e.timestamp);
  const notable = sortedUnique([...anomalies.events.map((a) => a.timestamp), ...criticalTimes]);
  const all = sortedUnique([...notable, ...security.events.map((e) => e.timestamp), ...errorTraces.events.map((t) => t.start)]);
  const criticalComplete = critical === null ? security.complete : critical.complete;
  return {
    all,
    notable,
    complete: {
      any: security.complete && !securityFiltered && anomalies.complete && errorTraces.complete,
      notable: anomalies.complete && criticalComplete,
    },
  };
}

/** Whether the lane's (filtered) list holds every critical event: complete, and no filter that could drop one. */
export function laneHoldsCritical(security: WindowEvents<SecurityEvent>, filter: SecurityFilter): boolean {
  // Only the severity filter may be set, and it must keep the critical events.
  const { severities, ...rest } = filter;
  return security.complete && !isSecurityFiltered({ ...rest, severities: [] }) && (severities.length === 0 || severities.includes('critical'));
}
