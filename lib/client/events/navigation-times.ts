import type { Anomaly, SecurityEvent, TraceSummary } from '@/lib/api/types';
import type { WindowEvents } from './window-events';

/**
 * The instants `[`/`]` jump between, from the lists the lanes load anyway:
 * any event (a security event of any severity whatever the lane's filter, an
 * anomaly, a failed trace's start). The answer says whether it holds every
 * such instant of the window; when it does not, the keyboard asks the server
 * (`/api/events/adjacent`) instead. (`n`/`p` walk the notable moments: moments.ts.)
 */

export interface NavigationTimes {
  all: number[];
  complete: boolean;
}

export interface NavigationSources {
  /** The security lane's list, and whether a filter narrows it (then it cannot stand for "every event"). */
  security: WindowEvents<SecurityEvent>;
  securityFiltered: boolean;
  anomalies: WindowEvents<Anomaly>;
  errorTraces: WindowEvents<TraceSummary>;
}

/** Times as the keyboard steps between them: whole milliseconds, like the playhead (span starts carry microseconds). */
function sortedUnique(times: number[]): number[] {
  return [...new Set(times.map((t) => Math.floor(t)))].sort((a, b) => a - b);
}

export function navigationTimes({ security, securityFiltered, anomalies, errorTraces }: NavigationSources): NavigationTimes {
  return {
    all: sortedUnique([...security.events.map((e) => e.timestamp), ...anomalies.events.map((a) => a.timestamp), ...errorTraces.events.map((t) => t.start)]),
    complete: security.complete && !securityFiltered && anomalies.complete && errorTraces.complete,
  };
}
