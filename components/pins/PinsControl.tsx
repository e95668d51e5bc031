'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@/lib/client/api';
import { formatClock, formatDateTime } from '@/lib/client/format';
import { SNAPSHOT_LOOKBACK_MS, snapshotQuery } from '@/lib/client/queries';
import { useDismiss } from '@/lib/client/use-dismiss';
import { usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { timelineMarkdown, type PinnedState } from '@/lib/pins/timeline-markdown';
import { PIN_NOTE_MAX, PINS_MAX } from '@/lib/url/pins';
import { useCopy } from '@/components/share/use-copy';

/**
 * Pins: mark the playhead's moment with a short note (kept in the URL as
 * `pin=`), see the pins, go to one, remove one, and export the timeline —
 * every pin with the state of the world at it — as Markdown (copied or downloaded).
 */

export function PinsControl() {
  const view = useView();
  const at = usePlayhead();
  const { addPin, removePin, commitPlayhead } = useViewActions();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  useDismiss(open, rootRef, useCallback(() => setOpen(false), []));
  const exporter = useTimelineExport();

  return (
    <div ref={rootRef} className="relative" data-testid="pins">
      <button type="button" className="btn whitespace-nowrap" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)} data-testid="pins-button" title="Pin this moment with a note; export the pinned timeline">
        Pins ({view.pins.length})
      </button>
      {open && (
        <div role="dialog" aria-label="Pins" data-testid="pins-panel" className="absolute right-0 top-8 z-50 w-[24rem] max-w-[90vw] rounded-md border border-line bg-panel p-2 text-xs shadow-xl">
          <form
            className="flex gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              addPin(note);
              setNote('');
            }}
          >
            <input
              className="field min-w-0 flex-1"
              data-testid="pin-note"
              aria-label="Note for the pin"
              placeholder={`Note for ${formatClock(at, view.tz)} (optional)`}
              maxLength={PIN_NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" className="btn border-accent" data-testid="pin-add" disabled={view.pins.length >= PINS_MAX && !view.pins.some((p) => p.t === Math.round(at))}>
              Pin {formatClock(at, view.tz)}
            </button>
          </form>
          {view.pins.length === 0 ? (
            <p className="mt-2 text-muted">No pins yet: move the playhead to a moment and pin it.</p>
          ) : (
            <ol className="mt-2 space-y-0.5">
              {view.pins.map((pin) => (
                <li key={pin.t} className="flex items-center gap-1" data-testid="pin-item" data-t={pin.t}>
                  <button type="button" className="flex min-w-0 flex-1 gap-2 rounded px-1 py-0.5 text-left hover:bg-raised" onClick={() => commitPlayhead(pin.t)} title={formatDateTime(pin.t, view.tz)}>
                    <span className="shrink-0 font-mono tabular">{formatClock(pin.t, view.tz)}</span>
                    <span className="min-w-0 flex-1 truncate">{pin.note || <span className="text-muted">(no note)</span>}</span>
                  </button>
                  <button type="button" className="btn-icon" aria-label={`Remove the pin at ${formatClock(pin.t, view.tz)}`} onClick={() => removePin(pin)} data-testid="pin-remove">
                    ✕
                  </button>
                </li>
              ))}
            </ol>
          )}
          <div className="mt-2 flex items-center gap-1 border-t border-line pt-2">
            <span className="mr-auto text-muted">Export timeline (Markdown)</span>
            <button type="button" className="btn" disabled={view.pins.length === 0 || exporter.busy} onClick={() => void exporter.copy()} data-testid="export-copy">
              {exporter.copied ? '✓ Copied' : 'Copy'}
            </button>
            <button type="button" className="btn" disabled={view.pins.length === 0 || exporter.busy} onClick={() => void exporter.download()} data-testid="export-download">
              Download .md
            </button>
          </div>
          {exporter.manual !== null && <textarea readOnly className="field mt-2 h-32 w-full font-mono" value={exporter.manual} data-testid="export-text" aria-label="The exported timeline" />}
        </div>
      )}
    </div>
  );
}

/** Builds the Markdown from each pin's snapshot (cached with the inspector's), then copies or downloads it. */
function useTimelineExport() {
  const view = useView();
  const queryClient = useQueryClient();
  const { state, copy: copyText } = useCopy();
  const [busy, setBusy] = useState(false);

  const build = async (): Promise<string> => {
    setBusy(true);
    try {
      const pins = await Promise.all(
        view.pins.map(async (pin): Promise<PinnedState> => {
          try {
            return { pin, snapshot: await queryClient.fetchQuery(snapshotQuery(pin.t, view, SNAPSHOT_LOOKBACK_MS)) };
          } catch (error) {
            return { pin, snapshot: null, error: errorMessage(error) };
          }
        }),
      );
      return timelineMarkdown({ pins, tz: view.tz, window: view, link: window.location.href, lookbackMs: SNAPSHOT_LOOKBACK_MS });
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    copied: state.kind === 'copied',
    manual: state.kind === 'manual' ? state.text : null,
    copy: async () => copyText(await build()),
    download: async () => {
      const blob = new Blob([await build()], { type: 'text/markdown' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `flashback-timeline-${new Date(view.from).toISOString().slice(0, 16).replace(/[:T]/g, '')}.md`;
      a.click();
      URL.revokeObjectURL(a.href);
    },
  };
}
