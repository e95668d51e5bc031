'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiRequestError, errorMessage } from '@/lib/client/api';
import { formatDateTime, formatMs } from '@/lib/client/format';
import { serviceColor } from '@/lib/client/palette';
import { useView } from '@/lib/client/view';
import { isErrorStatus, spanRows } from './span-tree';
import { TRACE_LOOKUP_MARGIN_MS, traceBounds, useSelectedTrace } from './use-trace-interval';
import { formatDuration } from '@/lib/time/units';
import { rulerTicks } from '@/lib/client/trace-ruler';
import { WaterfallHeader } from './WaterfallHeader';
import { ErrorNotice } from '@/components/states/ErrorNotice';

/**
 * The selected trace's spans on their own time axis: one row per span,
 * indented by depth, coloured by service, failures marked. A click on a span
 * shows its attributes. The trace's interval is highlighted on the timeline.
 * Opening a trace brings the waterfall into view and moves the focus to it:
 * it opens below the lanes, often out of sight, and a keyboard user should
 * land where the trace is.
 */

/**
 * The lookup is bounded by the view's window (plus a margin), which the user
 * set as the window, not as API parameters: a missing trace is said in those terms.
 */
function traceError(error: Error, traceId: string): string {
  if (error instanceof ApiRequestError && error.status === 404) {
    return `No trace ${traceId} in this window (looked up to ${formatDuration(TRACE_LOOKUP_MARGIN_MS)} either side of it): widen or move the window, or check the trace id.`;
  }
  return errorMessage(error);
}

export function TraceWaterfall() {
  const view = useView();
  const query = useSelectedTrace();
  const [selected, setSelected] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const status = query.isPending ? 'loading' : query.error ? 'error' : 'ready';
  // Focus once per trace; scroll again when the spans arrive, since the loading skeleton is shorter than they are.
  useEffect(() => {
    if (view.trace) sectionRef.current?.focus({ preventScroll: true });
  }, [view.trace]);
  useEffect(() => {
    if (view.trace) sectionRef.current?.scrollIntoView({ block: 'nearest' });
  }, [view.trace, status]);
  if (!view.trace) return null;
  const header = <WaterfallHeader traceId={view.trace} interval={query.data ? traceBounds(query.data.spans) : null} />;
  const frame = (body: ReactNode, spans?: number) => (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-label={`Trace ${view.trace}`}
      data-testid="waterfall"
      data-status={status}
      data-spans={spans}
      className="border-b border-line bg-panel text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
    >
      {header}
      {body}
    </section>
  );

  if (query.isPending || query.error) {
    return frame(
      query.error ? (
        <ErrorNotice message={traceError(query.error, view.trace)} onRetry={() => void query.refetch()} testId="panel-error" retryTestId="panel-retry" className="px-2 py-3" />
      ) : (
        <div className="space-y-1 p-2" data-testid="panel-loading">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-4 animate-pulse rounded bg-skeleton" style={{ marginLeft: i * 12 }} />
          ))}
        </div>
      ),
    );
  }

  const spans = query.data.spans;
  const bounds = traceBounds(spans) ?? { start: 0, end: 1 };
  const total = Math.max(bounds.end - bounds.start, 0.001);
  const rows = spanRows(spans);
  const selectedSpan = spans.find((s) => s.spanId === selected) ?? null;
  const services = [...new Set(spans.map((s) => s.service))];
  const errors = spans.filter((s) => isErrorStatus(s.statusCode)).length;

  return frame(
    <>
      <div className="flex flex-wrap items-center gap-3 px-2 py-1 text-muted">
        <span>{formatDateTime(bounds.start, view.tz, true)}</span>
        <span>{formatMs(total)}</span>
        <span>{spans.length} spans</span>
        <span className={errors ? 'text-danger' : ''}>{errors} failed</span>
        {services.map((s) => (
          <span key={s} className="flex items-center gap-1">
            <span className="inline-block h-2 w-2 rounded-sm" style={{ background: serviceColor(s) }} />
            {s}
          </span>
        ))}
      </div>
      <div className="flex">
        <div className="min-w-0 flex-1">
          <Ruler totalMs={total} />
          <ol className="py-1">
            {rows.map(({ span, depth, orphan }) => {
              const left = ((span.start - bounds.start) / total) * 100;
              const width = Math.max((span.durationMs / total) * 100, 0.3);
              const failed = isErrorStatus(span.statusCode);
              return (
                <li key={span.spanId}>
                  <button
                    type="button"
                    data-testid="waterfall-span"
                    data-span-id={span.spanId}
                    data-depth={depth}
                    data-error={failed}
                    aria-pressed={selected === span.spanId}
                    onClick={() => setSelected(selected === span.spanId ? null : span.spanId)}
                    className={`grid w-full grid-cols-[minmax(0,16rem)_1fr] items-center gap-2 px-2 py-px text-left hover:bg-raised ${selected === span.spanId ? 'bg-raised' : ''}`}
                  >
                    <span className="flex min-w-0 items-center gap-1" style={{ paddingLeft: depth * 12 }}>
                      {failed && (
                        <span className="text-danger" title={span.statusMessage || 'error'} aria-label="failed">
                          ⚠
                        </span>
                      )}
                      <span className="truncate">
                        <span style={{ color: serviceColor(span.service) }}>{span.service}</span> {span.name}
                        {orphan && <span className="ml-1 text-muted">(parent missing)</span>}
                      </span>
                    </span>
                    <span className="relative h-3.5">
                      <span
                        className={`absolute inset-y-0 rounded-sm ${failed ? 'ring-2 ring-danger' : ''}`}
                        style={{ left: `${left}%`, width: `${width}%`, background: serviceColor(span.service), opacity: 0.85 }}
                      />
                      <span
                        className={`absolute inset-y-0 whitespace-nowrap px-1 text-[10px] leading-[14px] tabular ${width > 25 ? 'text-white' : 'text-muted'}`}
                        style={width > 25 ? { left: `${left}%`, width: `${width}%`, textAlign: 'right' } : left + width > 85 ? { right: `${100 - left}%` } : { left: `${left + width}%` }}
                      >
                        {formatMs(span.durationMs)}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
        {selectedSpan && (
          <aside data-testid="span-attributes" className="w-72 shrink-0 border-l border-line p-2">
            <h3 className="mb-1 font-medium">
              {selectedSpan.service} · {selectedSpan.name}
            </h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
              <dt className="text-muted">span</dt>
              <dd className="truncate font-mono">{selectedSpan.spanId}</dd>
              <dt className="text-muted">kind</dt>
              <dd>{selectedSpan.kind}</dd>
              <dt className="text-muted">start</dt>
              <dd className="font-mono tabular">{formatDateTime(selectedSpan.start, view.tz, true)}</dd>
              <dt className="text-muted">duration</dt>
              <dd className="font-mono tabular">{formatMs(selectedSpan.durationMs)}</dd>
              <dt className="text-muted">status</dt>
              <dd className={isErrorStatus(selectedSpan.statusCode) ? 'text-danger' : ''}>
                {selectedSpan.statusCode}
                {selectedSpan.statusMessage ? `: ${selectedSpan.statusMessage}` : ''}
              </dd>
              {Object.entries(selectedSpan.attributes).map(([k, v]) => (
                <div key={k} className="contents" data-testid="span-attribute">
                  <dt className="truncate text-muted" title={k}>
                    {k}
                  </dt>
                  <dd className="break-all font-mono">{v}</dd>
                </div>
              ))}
            </dl>
          </aside>
        )}
      </div>
    </>,
    spans.length,
  );
}

/** Offsets from the trace's start above the bars, in the bars' column so a tick lines up with the span edges under it. */
function Ruler({ totalMs }: { totalMs: number }) {
  const ticks = rulerTicks(totalMs);
  return (
    <div className="grid grid-cols-[minmax(0,16rem)_1fr] gap-2 border-b border-line px-2 pt-1 text-[10px] text-muted" data-testid="waterfall-ruler" aria-hidden>
      <span>offset</span>
      <span className="relative h-4">
        {ticks.map((tick) => (
          <span
            key={tick.offsetMs}
            data-testid="ruler-tick"
            // The last label would run past the column: it hangs left of its tick.
            className={`absolute bottom-0 h-4 whitespace-nowrap border-line tabular ${tick.fraction > 0.9 ? 'border-r pr-0.5' : 'border-l pl-0.5'}`}
            style={tick.fraction > 0.9 ? { right: `${(1 - tick.fraction) * 100}%` } : { left: `${tick.fraction * 100}%` }}
          >
            {tick.label}
          </span>
        ))}
      </span>
    </div>
  );
}
