'use client';

import { useCallback, useRef, useState } from 'react';
import { describeMoment } from '@/lib/client/events/moments';
import type { NotableMoments as Moments } from '@/lib/client/events/use-notable-moments';
import { formatClock, formatDateTime } from '@/lib/client/format';
import { useDismiss } from '@/lib/client/use-dismiss';
import { usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { formatDuration } from '@/lib/time/units';

/**
 * The window's notable moments (clusters of anomalies, critical events and
 * failed spans), ranked, one click from the first screen: ◂/▸ (and `p`/`n`)
 * walk them in time order; the list shows what each holds and moves the
 * playhead to the one picked.
 */

export function NotableMoments({ moments, onWalk }: { moments: Moments; onWalk: (direction: 'next' | 'prev') => boolean }) {
  const view = useView();
  const at = usePlayhead();
  const { commitPlayhead } = useViewActions();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useDismiss(open, rootRef, useCallback(() => setOpen(false), []));

  const count = moments.ranked.length;
  return (
    <div ref={rootRef} className="relative flex items-center gap-1" data-testid="moments">
      <button type="button" className="btn-icon" title="Previous notable moment (p)" aria-label="Previous notable moment" onClick={() => onWalk('prev')} data-testid="prev-moment">
        ◂
      </button>
      <button
        type="button"
        className="btn whitespace-nowrap"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
        data-testid="moments-button"
        data-count={count}
        title="Notable moments of the window, most notable first"
      >
        {moments.isPending ? 'Moments…' : `Moments (${count})`}
      </button>
      <button type="button" className="btn-icon" title="Next notable moment (n)" aria-label="Next notable moment" onClick={() => onWalk('next')} data-testid="next-moment">
        ▸
      </button>
      {open && (
        <div role="dialog" aria-label="Notable moments" data-testid="moments-list" className="absolute left-0 top-8 z-50 w-[22rem] max-w-[90vw] rounded-md border border-line bg-panel p-2 text-xs shadow-xl">
          {count === 0 ? (
            <p className="text-muted">Nothing stands out in this window: no cluster of anomalies, critical events or failed spans.</p>
          ) : (
            <ol className="space-y-0.5">
              {moments.ranked.map((m, i) => {
                const current = at >= m.from && at < m.to;
                return (
                  <li key={m.at}>
                    <button
                      type="button"
                      data-testid="moment"
                      data-at={m.at}
                      aria-current={current ? 'true' : undefined}
                      title={`${formatDateTime(m.from, view.tz)} – ${formatDateTime(m.to, view.tz)} (${formatDuration(m.to - m.from)})`}
                      className={`flex w-full gap-2 rounded px-1.5 py-1 text-left hover:bg-raised ${current ? 'bg-accent/10' : ''}`}
                      onClick={() => {
                        commitPlayhead(m.at);
                        setOpen(false);
                      }}
                    >
                      <span className="w-4 shrink-0 text-right text-muted">{i + 1}</span>
                      <span className="w-16 shrink-0 font-mono tabular">{formatClock(m.at, view.tz)}</span>
                      <span className="min-w-0 flex-1">{describeMoment(m)}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
