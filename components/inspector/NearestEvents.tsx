'use client';

import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, type ReactNode } from 'react';
import { foldAnomalies, seriesName } from '@/lib/client/anomaly-fold';
import { formatClock, formatValue } from '@/lib/client/format';
import type { SecurityEvent } from '@/lib/api/types';
import { useAnomaliesInWindow, useSecurityInWindow } from '@/lib/client/events/use-window-events';
import { SNAPSHOT_LOOKBACK_MS, snapshotQuery } from '@/lib/client/queries';
import { usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { formatDuration } from '@/lib/time/units';
import { errorMessage } from '@/lib/client/api';
import type { WindowEvents } from '@/lib/client/events/window-events';
import { ErrorNotice } from '@/components/states/ErrorNotice';
import { Section } from './Section';

/** The anomalies and security events nearest the playhead (before or after), from the loaded lists. */

const SHOWN = 4;
/** Verdicts of one series this close fold into one run (two per-minute evaluations). */
const FOLD_GAP_MS = 2 * 60_000;

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
 * What an empty list means: still loading, not known (the query failed — e.g.
 * ClickHouse is down — which "none" would misstate; the recovery watcher
 * refetches it once ClickHouse is back), or truly none in the window.
 */
type Source = Pick<WindowEvents<unknown>, 'isPending' | 'error' | 'retry'>;

function Empty({ source, testId }: { source: Source; testId: string }) {
  if (source.error) return <ErrorNotice message={`Unavailable: ${errorMessage(source.error)}`} onRetry={source.retry} testId={testId} compact />;
  return <p className="text-muted">{source.isPending ? 'Loading…' : 'None in this window.'}</p>;
}

/**
 * `rested`: the playhead the snapshot was asked for. Its security events fill
 * in where the window's list is truncated (it holds only the newest page).
 */
export const NearestEvents = memo(function NearestEvents({ rested }: { rested: number | null }) {
  const view = useView();
  const { commitPlayhead } = useViewActions();
  const anomalies = useAnomaliesInWindow(view, view.labels);
  const security = useSecurityInWindow(view, view.security);
  const cutShort = !security.isPending && !security.complete;
  // The same filters as the lists: its events are the ones the table would show.
  const snapshot = useQuery({ ...snapshotQuery(rested ?? 0, view, SNAPSHOT_LOOKBACK_MS), enabled: rested !== null && cutShort });
  // Runs of one series' verdicts fold into one row: a detector that runs every minute flags a series minute after minute.
  const anomalyList = useMemo(() => foldAnomalies(anomalies.events, Math.max(2 * view.step, FOLD_GAP_MS)), [anomalies.events, view.step]);
  const eventList = useMemo(() => {
    if (!cutShort) return security.events;
    const byKey = new Map<string, SecurityEvent>();
    for (const e of [...security.events, ...(snapshot.data?.securityEvents ?? [])]) byKey.set(e.eventId, e);
    return [...byKey.values()].sort((a, b) => a.timestamp - b.timestamp);
  }, [security.events, cutShort, snapshot.data]);
  return (
    <>
      <Section title="Nearest anomalies" testId="inspector-anomalies">
        <NearestList items={anomalyList} time={(r) => r.first} source={anomalies} errorTestId="inspector-anomalies-error">
          {(near, at) =>
            near.map((r) => (
              <li key={r.key} data-testid="inspector-anomaly" data-metric={r.metric} data-count={r.count}>
                <button
                  type="button"
                  className="w-full rounded px-1 text-left hover:bg-raised"
                  onClick={() => commitPlayhead(r.peak.timestamp)}
                  title={`${r.metric} {${seriesName(r.series)}}\n${formatClock(r.first, view.tz)}–${formatClock(r.last, view.tz)}: ${r.count} flagged point${r.count > 1 ? 's' : ''}\ndetector: ${seriesName(r.detector) || 'not named'}`}
                >
                  <span className="flex gap-2">
                    <span className="w-[3.75rem] shrink-0 font-mono tabular text-muted">{offset(r.peak.timestamp, at)}</span>
                    <span className="min-w-0 flex-1 truncate">{r.metric}</span>
                    <span className="whitespace-nowrap font-mono tabular" title="peak deviation score">
                      {r.peak.deviationScore.toFixed(1)}σ
                    </span>
                  </span>
                  <span className="block pl-[4.25rem] text-muted [overflow-wrap:anywhere]" data-testid="anomaly-series">
                    {seriesName(r.series) || 'no labels'}
                  </span>
                  <span className="flex flex-wrap gap-x-2 pl-[4.25rem]">
                    <span className="whitespace-nowrap font-mono tabular" data-testid="anomaly-values">
                      {formatValue(r.peak.value)} <span className="text-muted">vs {formatValue(r.peak.expectedValue)} expected</span>
                    </span>
                    <span className="ml-auto whitespace-nowrap text-muted">
                      {r.count > 1 ? `×${r.count} ${formatClock(r.first, view.tz, false)}–${formatClock(r.last, view.tz, false)}` : formatClock(r.peak.timestamp, view.tz)}
                    </span>
                  </span>
                  {Object.keys(r.detector).length > 0 && <span className="block truncate pl-[4.25rem] text-[10px] text-muted">{seriesName(r.detector)}</span>}
                </button>
              </li>
            ))
          }
        </NearestList>
      </Section>
      <Section title="Nearest security events" testId="inspector-security">
        <NearestList items={eventList} time={(e) => e.timestamp} source={security} errorTestId="inspector-security-error">
          {(near, at) =>
            near.map((e) => (
              <li key={e.eventId} data-testid="inspector-event" data-severity={e.severity} data-t={e.timestamp}>
                <button type="button" className="flex w-full gap-2 rounded px-1 text-left hover:bg-raised" onClick={() => commitPlayhead(e.timestamp)}>
                  <span className="w-[3.75rem] shrink-0 font-mono tabular text-muted">{offset(e.timestamp, at)}</span>
                  <span className={`w-12 shrink-0 ${e.severity === 'critical' ? 'text-danger' : e.severity === 'warning' ? 'text-warning' : 'text-muted'}`}>{e.severity}</span>
                  <span className="min-w-0 flex-1" title={`${e.description} · threat ${e.threatScore.toFixed(2)} · ${e.actionTaken} · ${e.service}`}>
                    <span className="block break-all">{e.eventType}</span>
                    <span className="block break-all font-mono text-muted" data-testid="inspector-event-ip">
                      {e.sourceIp}
                    </span>
                  </span>
                </button>
              </li>
            ))
          }
        </NearestList>
      </Section>
    </>
  );
});

/**
 * The SHOWN items of a list nearest the playhead: it alone follows the
 * playhead (a binary search in the loaded list per frame), not the queries.
 */
function NearestList<T>({ items, time, source, errorTestId, children }: { items: readonly T[]; time: (item: T) => number; source: Source; errorTestId: string; children: (near: T[], at: number) => ReactNode }) {
  const at = usePlayhead();
  const near = nearest(items, at, time);
  if (near.length === 0) return <Empty source={source} testId={errorTestId} />;
  return <ul className="space-y-0.5">{children(near, at)}</ul>;
}
