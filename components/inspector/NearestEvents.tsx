'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formatClock } from '@/lib/client/format';
import type { SecurityEvent } from '@/lib/api/types';
import { useAnomaliesInWindow, useSecurityInWindow } from '@/lib/client/events/use-window-events';
import { SNAPSHOT_LOOKBACK_MS, snapshotQuery } from '@/lib/client/queries';
import { useView, useViewActions } from '@/lib/client/view';
import { formatDuration } from '@/lib/time/units';
import { Section } from './Section';

/** The anomalies and security events nearest the playhead (before or after), from the loaded lists. */

const SHOWN = 4;

/** The SHOWN items nearest `at`, from a list sorted by time (ascending): a binary search, then outwards. */
function nearest<T>(sorted: readonly T[], at: number, time: (item: T) => number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time(sorted[mid] as T) < at) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  let left = lo - 1;
  let right = lo;
  while (out.length < SHOWN && (left >= 0 || right < sorted.length)) {
    const l = left >= 0 ? (sorted[left] as T) : null;
    const r = right < sorted.length ? (sorted[right] as T) : null;
    if (r !== null && (l === null || time(r) - at <= at - time(l))) {
      out.push(r);
      right++;
    } else if (l !== null) {
      out.push(l);
      left--;
    }
  }
  return out;
}

/** A compact signed offset: `−45s`, `+5m12s`, `−2h37m`, `+1d4h`. */
function offset(t: number, at: number): string {
  const d = Math.round(t - at);
  const abs = Math.abs(d);
  if (abs < 1000) return 'now';
  const unit = abs >= 86_400_000 ? 3_600_000 : abs >= 3_600_000 ? 60_000 : 1000;
  return `${d < 0 ? '−' : '+'}${formatDuration(abs - (abs % unit))}`;
}

/**
 * `rested`: the playhead the snapshot was asked for. Its security events fill
 * in where the window's list is truncated (it holds only the newest page).
 */
export function NearestEvents({ at, rested }: { at: number; rested: number | null }) {
  const view = useView();
  const { commitPlayhead } = useViewActions();
  const anomalies = useAnomaliesInWindow(view);
  const security = useSecurityInWindow(view, view.security);
  const cutShort = !security.isPending && !security.complete;
  const snapshot = useQuery({ ...snapshotQuery(rested ?? 0, SNAPSHOT_LOOKBACK_MS), enabled: rested !== null && cutShort });
  // Both lists arrive sorted; each playhead move is then a binary search.
  const anomalyList = anomalies.events;
  const eventList = useMemo(() => {
    if (!cutShort) return security.events;
    const byKey = new Map<string, SecurityEvent>();
    for (const e of [...security.events, ...(snapshot.data?.securityEvents ?? [])]) byKey.set(e.eventId, e);
    return [...byKey.values()].sort((a, b) => a.timestamp - b.timestamp);
  }, [security.events, cutShort, snapshot.data]);
  const nearAnomalies = nearest(anomalyList, at, (a) => a.timestamp);
  const nearEvents = nearest(eventList, at, (e) => e.timestamp);
  return (
    <>
      <Section title="Nearest anomalies" testId="inspector-anomalies">
        {nearAnomalies.length === 0 ? (
          <p className="text-muted">{anomalies.isPending ? 'Loading…' : 'None in this window.'}</p>
        ) : (
          <ul className="space-y-0.5">
            {nearAnomalies.map((a) => (
              <li key={`${a.timestamp}-${a.metric}-${JSON.stringify(a.context)}`}>
                <button type="button" className="flex w-full gap-2 rounded px-1 text-left hover:bg-raised" onClick={() => commitPlayhead(a.timestamp)}>
                  <span className="w-[3.75rem] shrink-0 font-mono tabular text-muted">{offset(a.timestamp, at)}</span>
                  <span className="min-w-0 flex-1 truncate">
                    {a.metric} <span className="text-muted">{formatClock(a.timestamp, view.tz)}</span>
                  </span>
                  <span className="font-mono tabular" title="deviation score">
                    {a.deviationScore.toFixed(1)}σ
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Nearest security events" testId="inspector-security">
        {nearEvents.length === 0 ? (
          <p className="text-muted">{security.isPending ? 'Loading…' : 'None in this window.'}</p>
        ) : (
          <ul className="space-y-0.5">
            {nearEvents.map((e) => (
              <li key={e.eventId} data-testid="inspector-event" data-severity={e.severity} data-t={e.timestamp}>
                <button type="button" className="flex w-full gap-2 rounded px-1 text-left hover:bg-raised" onClick={() => commitPlayhead(e.timestamp)}>
                  <span className="w-[3.75rem] shrink-0 font-mono tabular text-muted">{offset(e.timestamp, at)}</span>
                  <span className={`w-12 shrink-0 ${e.severity === 'critical' ? 'text-danger' : e.severity === 'warning' ? 'text-warning' : 'text-muted'}`}>{e.severity}</span>
                  <span className="min-w-0 flex-1 truncate" title={e.description}>
                    {e.eventType} <span className="text-muted">{e.sourceIp}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
