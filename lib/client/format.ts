import { wallClock } from '@/lib/time/zoned';

/** Times and values as the UI prints them, in the view's zone. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-01-15 06:00:00` on the zone's wall clock (the form the time inputs accept back). */
export function formatDateTime(ms: number, tz: string, withMs = false): string {
  const c = wallClock(Math.floor(ms), tz);
  const base = `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
  return withMs ? `${base}.${pad(c.millisecond, 3)}` : base;
}

export function formatClock(ms: number, tz: string, withSeconds = true): string {
  const c = wallClock(Math.floor(ms), tz);
  return withSeconds ? `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}` : `${pad(c.hour)}:${pad(c.minute)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Axis labels: the date where a day starts, else the clock at the precision the span needs. */
export function formatAxisTime(ms: number, tz: string, spanMs: number): string {
  const c = wallClock(ms, tz);
  const midnight = c.hour === 0 && c.minute === 0 && c.second === 0;
  if (spanMs > 3 * 86_400_000 || (midnight && spanMs > 3_600_000)) return `${MONTHS[c.month - 1]} ${c.day}${midnight ? '' : ` ${pad(c.hour)}:${pad(c.minute)}`}`;
  if (spanMs <= 5 * 60_000) return `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
  return `${pad(c.hour)}:${pad(c.minute)}`;
}

/** A short zone label: `UTC`, `UTC+01:00`… */
export function zoneLabel(tz: string, at: number): string {
  if (tz === 'UTC') return 'UTC';
  const c = wallClock(at, tz);
  const offsetMin = Math.round((Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - (at - c.millisecond)) / 60_000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 1e9) text = `${(value / 1e9).toFixed(2)}G`;
  else if (abs >= 1e6) text = `${(value / 1e6).toFixed(2)}M`;
  else if (abs >= 1e4) text = `${(value / 1e3).toFixed(1)}k`;
  else if (abs >= 100) text = value.toFixed(0);
  else if (abs >= 1) text = value.toFixed(2);
  else if (abs === 0) text = '0';
  else text = value.toPrecision(3);
  return unit ? `${text} ${unit}` : text;
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
