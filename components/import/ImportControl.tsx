'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useView, useViewActions } from '@/lib/client/view';
import { ImportSummary } from './ImportSummary';
import { uploadFile, type UploadState } from './upload';

/**
 * Import from the browser: an "Import…" button in the toolbar, and a file
 * dropped anywhere on the page, go to POST /api/import. A panel shows the
 * upload's progress, then what the import wrote; on success every query is
 * refetched and the view moves to the imported data's window.
 */
export function ImportControl() {
  const [state, setState] = useState<UploadState | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const cancel = useRef<(() => void) | null>(null);
  const queryClient = useQueryClient();
  const { setWindow } = useViewActions();
  const view = useView();

  const start = useCallback(
    (file: File) => {
      cancel.current?.();
      cancel.current = uploadFile(file, (next) => {
        setState(next);
        if (next.phase !== 'done') return;
        cancel.current = null;
        void queryClient.invalidateQueries();
        // The playhead on the earliest imported row, so the inspector opens on data.
        const first = Math.min(...next.summary.tables.map((t) => t.from ?? Infinity));
        if (next.summary.window) setWindow(next.summary.window, { at: Number.isFinite(first) ? first : next.summary.window.from });
      });
    },
    [queryClient, setWindow],
  );

  // A file dragged over any part of the page: show where it goes; dropped: import it.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      // Leaving for another element of the page is not leaving the page.
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) start(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [start]);

  const close = () => {
    cancel.current?.();
    cancel.current = null;
    setState(null);
  };

  return (
    <>
      <button type="button" className="btn" data-testid="import-button" title="Import a file (traces, IDS alerts, a Prometheus scrape, CSV…); or drop it on the page" onClick={() => input.current?.click()}>
        Import…
      </button>
      <input
        ref={input}
        type="file"
        className="hidden"
        data-testid="import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) start(file);
          e.target.value = '';
        }}
      />
      {dragging && (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-bg/70" data-testid="import-drop-zone">
          <div className="rounded-lg border-2 border-dashed border-accent bg-panel px-8 py-6 text-sm font-medium">Drop the file to import it</div>
        </div>
      )}
      {state && (
        <section className="fixed top-12 right-3 z-40 w-96 max-w-[calc(100vw-1.5rem)] rounded-md border border-line bg-panel p-3 shadow-lg" data-testid="import-panel" data-phase={state.phase} aria-live="polite">
          <header className="mb-2 flex items-center gap-2 text-sm">
            <span className="min-w-0 flex-1 truncate font-medium" title={state.file}>
              {state.phase === 'done' ? 'Imported' : state.phase === 'failed' ? 'Not imported' : 'Importing'} {state.file}
            </span>
            <button type="button" className="btn-icon" onClick={close} data-testid="import-close" aria-label={state.phase === 'done' || state.phase === 'failed' ? 'Close' : 'Cancel the import'}>
              ✕
            </button>
          </header>
          {state.phase === 'uploading' && <Progress fraction={state.fraction} label={`Uploading… ${Math.round(state.fraction * 100)}%`} />}
          {state.phase === 'importing' && <Progress label="Reading and writing rows…" />}
          {state.phase === 'done' && <ImportSummary summary={state.summary} tz={view.tz} />}
          {state.phase === 'failed' && (
            <p className="text-xs text-danger" role="alert" data-testid="import-error">
              {state.message}
            </p>
          )}
        </section>
      )}
    </>
  );
}

/** A bar for a known fraction, or a moving one while the server works. */
function Progress({ fraction, label }: { fraction?: number; label: string }) {
  return (
    <div data-testid="import-progress" className="space-y-1">
      <div className="h-1.5 overflow-hidden rounded bg-raised" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={fraction === undefined ? undefined : Math.round(fraction * 100)}>
        <div className={`h-full bg-accent ${fraction === undefined ? 'w-1/3 animate-pulse' : ''}`} style={fraction === undefined ? undefined : { width: `${fraction * 100}%` }} />
      </div>
      <div className="text-xs text-muted">{label}</div>
    </div>
  );
}
