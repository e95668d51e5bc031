import { parseDuration } from '@/lib/time/units';
import { parseTime } from '@/lib/time/datemath';

/**
 * Grafana links may carry `time` + `time.window` instead of from/to: a window
 * of `time.window` (ms, or a duration like `10m`) centred on `time` (epoch ms
 * or ISO). Flashback reads that as the window and puts the playhead on `time`,
 * rewriting the link to its own canonical `from`/`to`/`at` parameters.
 */

export const GRAFANA_TIME = 'time';
/** Grafana's template variables in a link (`var-exchange=coinbase`, "Include current template variable values"). */
const GRAFANA_VAR = 'var-';
/** What Grafana writes for "every value": no filter. */
const ALL_VALUES = new Set(['$__all', 'All', '']);
export const GRAFANA_TIME_WINDOW = 'time.window';
/** Grafana's default when `time.window` is missing: a minute either side. */
const DEFAULT_WINDOW_MS = 120_000;

/**
 * The canonical query string for a Grafana link — `time`/`time.window` read
 * as the window and playhead, each `var-<label>=<value>` as a `label=<label>:<value>`
 * filter on every metric panel — or null when there is nothing to rewrite.
 */
export function rewriteGrafanaLink(params: URLSearchParams, now: number): URLSearchParams | null {
  const vars = [...params.entries()].filter(([key]) => key.startsWith(GRAFANA_VAR));
  const time = params.get(GRAFANA_TIME);
  if (time === null && vars.length === 0) return null;
  const out = new URLSearchParams(params);
  for (const [key, value] of vars) {
    out.delete(key);
    const label = key.slice(GRAFANA_VAR.length);
    if (label && !ALL_VALUES.has(value)) out.append('label', `${label}:${value}`);
  }
  if (time === null) return out;
  out.delete(GRAFANA_TIME);
  out.delete(GRAFANA_TIME_WINDOW);
  const center = parseTime(time, { now });
  if (!center.ok) return out; // the page then shows its usual notice for a bad link
  const rawWindow = params.get(GRAFANA_TIME_WINDOW);
  const windowMs = rawWindow === null ? DEFAULT_WINDOW_MS : parseDuration(rawWindow);
  if (windowMs === undefined || windowMs <= 0) return out;
  out.set('from', String(Math.round(center.ms - windowMs / 2)));
  out.set('to', String(Math.round(center.ms + windowMs / 2)));
  out.set('at', String(center.ms));
  return out;
}
