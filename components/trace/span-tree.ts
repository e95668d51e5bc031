import type { Span } from '@/lib/api/types';

/**
 * Spans in waterfall order: depth-first from the roots, children by start.
 * A span whose parent is missing (not exported, or outside the lookup) is
 * shown as a root, marked `orphan`, rather than dropped.
 */

export interface SpanRow {
  span: Span;
  depth: number;
  orphan: boolean;
}

export function spanRows(spans: readonly Span[]): SpanRow[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, Span[]>();
  const roots: Span[] = [];
  for (const s of spans) {
    if (s.parentSpanId && ids.has(s.parentSpanId) && s.parentSpanId !== s.spanId) {
      const list = children.get(s.parentSpanId) ?? [];
      list.push(s);
      children.set(s.parentSpanId, list);
    } else roots.push(s);
  }
  const byStart = (a: Span, b: Span) => a.start - b.start;
  const rows: SpanRow[] = [];
  const seen = new Set<string>();
  const visit = (s: Span, depth: number, orphan: boolean) => {
    if (seen.has(s.spanId)) return; // a cycle in bad data
    seen.add(s.spanId);
    rows.push({ span: s, depth, orphan });
    for (const c of (children.get(s.spanId) ?? []).sort(byStart)) visit(c, depth + 1, false);
  };
  for (const r of roots.sort(byStart)) visit(r, 0, r.parentSpanId !== '' && !ids.has(r.parentSpanId));
  return rows;
}

export function isErrorStatus(code: string): boolean {
  return code.toLowerCase().includes('error');
}
