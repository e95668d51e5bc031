'use client';

import { useCallback, useState, type UIEvent } from 'react';

/**
 * Windowed rendering for long lists of fixed-height rows: only the rows in
 * the scrolled viewport (plus a margin on each side) are in the DOM, so a
 * table of thousands of events costs what a screenful costs — in layout,
 * paint and every frame of a playhead drag, which repaints the page.
 */

export interface RowRange {
  /** First row rendered (index into the list). */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

/** The rows to render for a viewport scrolled to `scrollTop`, `overscan` rows beyond each edge. */
export function visibleRows(scrollTop: number, viewportPx: number, rowPx: number, count: number, overscan: number): RowRange {
  if (count <= 0 || rowPx <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowPx);
  const shown = Math.ceil(Math.max(0, viewportPx) / rowPx) + 1;
  const start = Math.min(Math.max(0, first - overscan), Math.max(0, count - 1));
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * Tracks the scroll container's viewport and gives the range to render:
 * `container` is its ref (a callback, so a container shown later is
 * measured too). `viewportPx` is the height assumed until it is measured (its CSS max height).
 */
export function useWindowedRows(count: number, rowPx: number, viewportPx: number, overscan = 10) {
  const [scroll, setScroll] = useState({ top: 0, height: viewportPx });
  const container = useCallback((el: HTMLDivElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setScroll((s) => (s.height === el.clientHeight ? s : { top: el.scrollTop, height: el.clientHeight })));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const range = visibleRows(scroll.top, scroll.height, rowPx, count, overscan);
  // Re-render only when the rendered range would change, not on every scrolled pixel.
  const onScroll = useCallback(
    (e: UIEvent<HTMLDivElement>) => {
      const top = e.currentTarget.scrollTop;
      setScroll((s) => {
        const before = visibleRows(s.top, s.height, rowPx, count, overscan);
        const after = visibleRows(top, s.height, rowPx, count, overscan);
        return before.start === after.start && before.end === after.end ? s : { ...s, top };
      });
    },
    [rowPx, count, overscan],
  );
  return { container, range, onScroll };
}
