'use client';

import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useState } from 'react';
import type { SnapshotResponse } from '@/lib/api/types';
import { errorMessage } from '@/lib/client/api';
import { formatDateTime, formatMs, formatValue, zoneLabel } from '@/lib/client/format';
import { SNAPSHOT_LOOKBACK_MS, snapshotQuery } from '@/lib/client/queries';
import { useTimeline } from '@/lib/client/store';
import { usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { formatDuration } from '@/lib/time/units';
import { MetricValues } from './MetricValues';
import { NearestEvents } from './NearestEvents';
import { Section } from './Section';
import { ErrorNotice } from '@/components/states/ErrorNotice';

/**
 * The state of the world at the playhead. Metric values come from the loaded
 * buckets (no request while scrubbing); the spans in flight come from
 * /api/snapshot, asked once the playhead has rested for a moment — a newer
 * position makes the older request unused, and React Query aborts it.
 */

const REST_MS = 250;
const SAMPLES_SHOWN = 24;

function useRestedPlayhead(at: number): number | null {
  const moving = useTimeline((s) => s.moving !== null);
  const [rested, setRested] = useState<number | null>(null);
  useEffect(() => {
    if (moving) return;
    const id = window.setTimeout(() => setRested(Math.round(at)), REST_MS);
    return () => window.clearTimeout(id);
  }, [at, moving]);
  return rested;
}

export function Inspector() {
  const view = useView();
  const at = usePlayhead();
  const rested = useRestedPlayhead(at);

  return (
    <aside data-testid="inspector" className="flex h-full min-h-0 flex-col overflow-y-auto border-l border-line bg-panel text-xs">
      <div className="sticky top-0 z-10 border-b border-line bg-panel px-3 py-2">
        <div className="text-[10px] uppercase tracking-wide text-muted">Playhead</div>
        <div className="font-mono text-sm tabular" data-testid="inspector-time" data-at={Math.round(at)}>
          {formatDateTime(at, view.tz, true)}
        </div>
        <div className="text-[10px] text-muted">
          {zoneLabel(view.tz, at)} · bucket {formatDuration(view.step)}
        </div>
      </div>
      <Section title="Metrics at the playhead (buckets)">
        <MetricValues />
      </Section>
      <NearestEvents rested={rested} />
      <Snapshot at={rested} />
    </aside>
  );
}

/** What /api/snapshot says about the rested playhead: spans in flight and each series' last sample (memoized: a scrub frame does not change it). */
const Snapshot = memo(function Snapshot({ at }: { at: number | null }) {
  const { setTrace } = useViewActions();
  const view = useView();
  const query = useQuery({ ...snapshotQuery(at ?? 0, view, SNAPSHOT_LOOKBACK_MS), enabled: at !== null });
  const loading = at === null || query.isPending;
  const body = (content: (data: SnapshotResponse) => React.ReactNode) => {
    if (loading) return <div data-testid="snapshot-loading" className="h-10 animate-pulse rounded bg-skeleton" />;
    if (query.error) {
      return <ErrorNotice message={errorMessage(query.error)} onRetry={() => void query.refetch()} testId="snapshot-error" />;
    }
    return content(query.data);
  };

  return (
    <div data-testid="snapshot" data-at={query.data?.at ?? ''}>
      <Section title="Spans in flight">
        {body(({ spans }) =>
          spans.length === 0 ? (
            <p className="text-muted" data-testid="snapshot-spans" data-count={0}>
              No span was running at this instant.
            </p>
          ) : (
            <div data-testid="snapshot-spans" data-count={spans.length}>
              <p className="mb-1 text-muted">{spans.length} running</p>
              <ul className="space-y-0.5">
                {spans.slice(0, 12).map((s) => (
                  <li key={`${s.traceId}/${s.spanId}`}>
                    <button
                      type="button"
                      className="flex w-full items-center gap-2 rounded px-1 text-left hover:bg-raised"
                      onClick={() => setTrace(s.traceId)}
                      title={`Open trace ${s.traceId}`}
                    >
                      <span className={`h-1.5 w-1.5 shrink-0 rounded-full ${s.statusCode.toLowerCase().includes('error') ? 'bg-danger' : 'bg-ok'}`} />
                      <span className="min-w-0 flex-1 truncate">
                        <span className="text-muted">{s.service}</span> {s.name}
                      </span>
                      <span className="tabular text-muted">{formatMs(s.durationMs)}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {spans.length > 12 && <p className="mt-1 text-muted">… and {spans.length - 12} more</p>}
            </div>
          ),
        )}
      </Section>
      <Section title={`Last samples (≤ ${formatDuration(SNAPSHOT_LOOKBACK_MS)} before)`}>
        {body(({ metrics }) =>
          metrics.length === 0 ? (
            <p className="text-muted">No metric was sampled in the lookback.</p>
          ) : (
            <>
            <dl className="grid grid-cols-[1fr_auto] gap-x-2">
              {metrics.slice(0, SAMPLES_SHOWN).map((m) => {
                const labels = Object.values(m.labels).join(' ');
                return (
                  <div key={`${m.metric}${JSON.stringify(m.labels)}`} className="contents" data-testid="snapshot-sample">
                    <dt className="truncate" title={`${m.metric} ${JSON.stringify(m.labels)} at ${formatDateTime(m.timestamp, view.tz, true)}`}>
                      {m.metric} <span className="text-muted">{labels}</span>
                    </dt>
                    <dd className="text-right font-mono tabular">{formatValue(m.value)}</dd>
                  </div>
                );
              })}
            </dl>
            {metrics.length > SAMPLES_SHOWN && <p className="text-muted">… and {metrics.length - SAMPLES_SHOWN} more</p>}
            </>
          ),
        )}
      </Section>
    </div>
  );
});
