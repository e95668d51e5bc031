import { withParams } from './query';

/**
 * The link "Copy trace link" puts on the clipboard: the trace with a window
 * pinned around it (a margin either side, so the timeline shows what led up
 * to it and what followed) and the playhead on its start. The window is the
 * trace lookup's hint (`/api/traces/{id}?from&to`), so the link opens the
 * trace without scanning the whole table, tomorrow as today. Everything else
 * in the query string (panels, filters, zone) is kept.
 */

export const TRACE_LINK_MARGIN_MS = 5 * 60_000;

export interface TraceInterval {
  start: number;
  end: number;
}

export function traceLinkUrl(href: string, traceId: string, trace: TraceInterval, marginMs = TRACE_LINK_MARGIN_MS): string {
  const url = new URL(href);
  // Whole milliseconds that still enclose the trace (span starts may carry fractions).
  const start = Math.floor(trace.start);
  url.search = withParams(url.search, {
    from: String(start - marginMs),
    to: String(Math.ceil(trace.end) + marginMs),
    at: String(start),
    trace: traceId,
  });
  return url.toString();
}
