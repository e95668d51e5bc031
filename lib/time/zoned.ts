/**
 * Calendar arithmetic in a named time zone with only `Intl` (no date library):
 * Grafana's `now/d` means "start of today" in the viewer's zone, not UTC.
 */

export type TimeZone = string; // 'UTC' or an IANA name such as 'Europe/London'

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<TimeZone, Intl.DateTimeFormat>();

function formatter(tz: TimeZone): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function wallClock(ms: number, tz: TimeZone): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The instant at which a UTC clock shows `c`. Unlike `Date.UTC`, years 0–99 stay years 0–99. */
export function utcMs(c: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(c.year, c.month - 1, c.day);
  date.setUTCHours(c.hour, c.minute, c.second, c.millisecond);
  return date.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDate();
}

/** The instant at which the zone's clock shows `c` (the earlier one in a DST overlap). */
export function fromWallClock(c: WallClock, tz: TimeZone): number {
  const target = utcMs(c);
  let guess = target;
  // The zone offset at the guess moves the guess; two rounds settle DST edges.
  for (let i = 0; i < 3; i++) {
    const offset = utcMs(wallClock(guess, tz)) - guess;
    const next = target - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** 0 = Monday … 6 = Sunday (weeks start on Monday, ISO 8601). */
export function isoWeekday(c: WallClock): number {
  return (new Date(utcMs({ ...c, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDay() + 6) % 7;
}
