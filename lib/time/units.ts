/** Time units of Grafana's grammar and of step strings like `30s`, `5m`. */

export const FIXED_UNIT_MS = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

export type FixedUnit = keyof typeof FIXED_UNIT_MS;
/** Months and years have no fixed length: they move the calendar. */
export type CalendarUnit = FixedUnit | 'M' | 'y';

export function isCalendarUnit(value: string): value is CalendarUnit {
  return value === 'M' || value === 'y' || value in FIXED_UNIT_MS;
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** `30s` → 30000; a bare number is milliseconds. Undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = DURATION.exec(trimmed);
  if (!match) return undefined;
  const ms = Number(match[1]) * FIXED_UNIT_MS[match[2] as FixedUnit];
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** 90000 → `1m30s`; the shortest exact spelling, for labels and URLs. */
export function formatDuration(ms: number): string {
  if (ms <= 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const unit of ['d', 'h', 'm', 's', 'ms'] as const) {
    const size = FIXED_UNIT_MS[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count}${unit}`);
      rest -= count * size;
    }
  }
  return parts.join('');
}
