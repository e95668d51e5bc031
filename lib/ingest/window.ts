import type { TableWrite } from '@/lib/clickhouse/ingest';

/**
 * The window to show after an import: the imported rows' time span with a
 * margin of a twentieth on each side, at least ten minutes wide (a scrape
 * is one instant), or null when nothing was imported.
 */
const MIN_WIDTH = 10 * 60_000;

export function importedWindow(tables: Partial<Record<string, TableWrite>>): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const t of Object.values(tables)) {
    if (!t || t.fromMs === null || t.toMs === null) continue;
    from = Math.min(from, t.fromMs);
    to = Math.max(to, t.toMs + 1);
  }
  if (!Number.isFinite(from)) return null;
  const margin = Math.max((to - from) / 20, (MIN_WIDTH - (to - from)) / 2, 0);
  return { from: Math.floor(from - margin), to: Math.ceil(to + margin) };
}
