'use client';

import { CopyLinkButton } from '@/components/share/CopyLinkButton';
import { useViewActions } from '@/lib/client/view';
import { traceLinkUrl, type TraceInterval } from '@/lib/links/trace-link';
import { fullViewHref } from '@/lib/url/embed-state';

/**
 * The waterfall's header: the trace id and, once the spans are in, the
 * playhead to its start and "Copy trace link" — the full view (also from an
 * embed) pinned around the trace, so the link finds it without a full-table
 * scan.
 */

export function WaterfallHeader({ traceId, interval }: { traceId: string; interval: TraceInterval | null }) {
  const { setTrace, commitPlayhead } = useViewActions();
  const link = (trace: TraceInterval) => traceLinkUrl(new URL(fullViewHref(window.location.search), window.location.origin).toString(), traceId, trace);
  return (
    <header className="flex items-center gap-2 whitespace-nowrap border-b border-line px-2 py-1">
      <h2 className="font-medium">Trace</h2>
      <code className="truncate text-muted" data-testid="waterfall-trace-id">
        {traceId}
      </code>
      {interval && (
        <>
          <button type="button" className="btn ml-auto" onClick={() => commitPlayhead(interval.start)}>
            Playhead to trace start
          </button>
          <CopyLinkButton
            testId="copy-trace-link"
            label="Copy trace link"
            title="Copy a link to this trace: its window (±5 min) pinned, playhead on its start"
            link={() => link(interval)}
          />
        </>
      )}
      <button type="button" className={`btn ${interval ? '' : 'ml-auto'}`} onClick={() => setTrace(null)} data-testid="waterfall-close">
        Close
      </button>
    </header>
  );
}
