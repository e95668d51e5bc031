import type { CatalogResponse } from '@/lib/api/types';
import type { PanelSpec } from '@/lib/url/panel-spec';

/**
 * The panels a link naming none opens on, chosen from the catalog by naming
 * convention rather than by name, so any data set gets a useful first screen:
 * the busiest latency-like metric (`_seconds`, `_ms`, `latency`, `duration`)
 * as p50/p95/p99, the busiest PnL-like one (`pnl`) as its last value, and the
 * busiest of the rest as averages to fill up to `max` panels. Pure: the view
 * provider feeds it the window's catalog.
 */

type CatalogMetric = CatalogResponse['metrics'][number];

/** As many panels as the first screen shows without scrolling at 900 px. */
export const DEFAULT_PANEL_COUNT = 2;

const LATENCY_LIKE = /_(seconds|ms)(_|$)|latency|duration/i;
// A counter (`process_cpu_seconds_total`) or a histogram's parts count things: their percentiles mean nothing.
const COUNTER_LIKE = /_(total|count|sum|bucket|created)$/i;
const PNL_LIKE = /pnl/i;

export const isLatencyLike = (name: string) => LATENCY_LIKE.test(name) && !COUNTER_LIKE.test(name);
export const isPnlLike = (name: string) => PNL_LIKE.test(name);

export function chooseDefaultPanels(metrics: readonly CatalogMetric[], max = DEFAULT_PANEL_COUNT): PanelSpec[] {
  // Busiest first; equal counts keep the catalog's (name) order, so the choice is stable.
  const busiest = metrics
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.rows - a.m.rows || a.i - b.i)
    .map(({ m }) => m.name);
  const names = [...new Set(busiest)];
  const chosen: PanelSpec[] = [];
  const take = (name: string | undefined, aggs: PanelSpec['aggs']) => {
    if (name === undefined || chosen.length >= max || chosen.some((p) => p.metric === name)) return;
    chosen.push({ metric: name, aggs, filters: [] });
  };
  take(names.find(isLatencyLike), ['p50', 'p95', 'p99']);
  take(names.find((n) => isPnlLike(n) && !isLatencyLike(n)), ['last']);
  for (const name of names) take(name, isLatencyLike(name) ? ['p50', 'p95', 'p99'] : ['avg']);
  return chosen;
}
