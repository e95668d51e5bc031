import { FIXED_UNIT_MS, isCalendarUnit, type CalendarUnit } from './units';
import { daysInMonth, fromWallClock, isoWeekday, utcMs, wallClock, type TimeZone, type WallClock } from './zoned';

/**
 * Grafana's time grammar, as its `from`/`to` URL parameters carry it:
 * epoch milliseconds, ISO 8601, or `now` followed by operations — `-15m`,
 * `+1h`, `/d` (round to the unit: down in `from`, up to the unit's last
 * millisecond in `to`). Units: ms s m h d w M y. Rounding and calendar steps
 * (d, w, M, y) follow the given zone's wall clock; weeks start on Monday.
 */

export interface ParseTimeOptions {
  /** The clock reading that `now` means (epoch ms); fixed per view so panels agree. */
  now: number;
  /** True for the end of a window: `/d` rounds up to the day's last millisecond. */
  roundUp?: boolean;
  tz?: TimeZone;
}

export type ParsedTime = { ok: true; ms: number } | { ok: false; error: string };

const EPOCH_MS = /^-?\d{1,15}$/;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const OPERATION = /^([+-])(\d*)(ms|[smhdwMy])|^\/(ms|[smhdwMy])/;

/**
 * The parser's domain: years 0001–9999. Every step starts inside it and moves
 * by at most its width, so no intermediate leaves the range a JS Date can hold
 * (±8.64e15 ms) — the calendar helpers never meet an invalid date and nothing
 * here can throw. The API narrows further (1970–2250) after parsing.
 */
const DOMAIN_MS = { min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') };
const DOMAIN_WIDTH = DOMAIN_MS.max - DOMAIN_MS.min;
/** The longest a unit can be, for bounding a step before taking it. */
const LONGEST_MS: Record<CalendarUnit, number> = { ...FIXED_UNIT_MS, M: 31 * 86_400_000, y: 366 * 86_400_000 };
const OUT_OF_RANGE: ParsedTime = { ok: false, error: 'the time is out of range (years 0001 to 9999)' };

const inDomain = (ms: number) => ms >= DOMAIN_MS.min && ms <= DOMAIN_MS.max;

function startOf(ms: number, unit: CalendarUnit, tz: TimeZone): number {
  if (unit === 'ms') return ms;
  if (unit === 's' || unit === 'm') return Math.floor(ms / FIXED_UNIT_MS[unit]) * FIXED_UNIT_MS[unit];
  const c = wallClock(ms, tz);
  const floor: WallClock = { ...c, minute: 0, second: 0, millisecond: 0 };
  if (unit === 'd' || unit === 'w' || unit === 'M' || unit === 'y') floor.hour = 0;
  if (unit === 'w') return addCalendar(fromWallClock(floor, tz), 'd', -isoWeekday(c), tz);
  if (unit === 'M' || unit === 'y') floor.day = 1;
  if (unit === 'y') floor.month = 1;
  return fromWallClock(floor, tz);
}

function addCalendar(ms: number, unit: CalendarUnit, amount: number, tz: TimeZone): number {
  if (unit === 'ms' || unit === 's' || unit === 'm' || unit === 'h') return ms + amount * FIXED_UNIT_MS[unit];
  const c = wallClock(ms, tz);
  if (unit === 'd' || unit === 'w') {
    const days = unit === 'w' ? amount * 7 : amount;
    const moved = new Date(utcMs({ ...c, day: c.day + days, hour: 0, minute: 0, second: 0, millisecond: 0 }));
    return fromWallClock({ ...c, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() }, tz);
  }
  const monthIndex = c.year * 12 + (c.month - 1) + (unit === 'y' ? amount * 12 : amount);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  // Clamp the day: Jan 31 + 1M is the last day of February, as in Grafana (moment).
  const lastDay = daysInMonth(year, month);
  return fromWallClock({ ...c, year, month, day: Math.min(c.day, lastDay) }, tz);
}

function applyOperations(base: number, ops: string, roundUp: boolean, tz: TimeZone): ParsedTime {
  let ms = base;
  let rest = ops;
  while (rest.length > 0) {
    if (!inDomain(ms)) return OUT_OF_RANGE;
    const match = OPERATION.exec(rest);
    if (!match) return { ok: false, error: `cannot read "${rest}": expected an operation like -15m, +1h or /d` };
    const [whole, sign, amount, unit, roundUnit] = match;
    if (roundUnit && isCalendarUnit(roundUnit)) {
      ms = roundUp ? addCalendar(startOf(ms, roundUnit, tz), roundUnit, 1, tz) - 1 : startOf(ms, roundUnit, tz);
    } else if (unit && isCalendarUnit(unit)) {
      const n = amount === '' || amount === undefined ? 1 : Number(amount);
      if (!(n * LONGEST_MS[unit] <= DOMAIN_WIDTH)) return OUT_OF_RANGE;
      ms = addCalendar(ms, unit, sign === '-' ? -n : n, tz);
    }
    rest = rest.slice(whole.length);
  }
  return inDomain(ms) ? { ok: true, ms } : OUT_OF_RANGE;
}

export function parseTime(text: string, options: ParseTimeOptions): ParsedTime {
  const input = text.trim();
  const tz = options.tz ?? 'UTC';
  if (input === '') return { ok: false, error: 'is empty' };
  if (EPOCH_MS.test(input)) return { ok: true, ms: Number(input) };
  if (input.startsWith('now')) return applyOperations(options.now, input.slice(3), options.roundUp ?? false, tz);
  const ms = isoTime(input, tz);
  if (ms !== undefined) return { ok: true, ms };
  return { ok: false, error: `"${input.slice(0, 40)}" is not a time: use epoch milliseconds, ISO 8601 or now-15m style` };
}

/**
 * ISO 8601 read field by field (not by `Date.parse`, which takes 24:00 and
 * 31 February): every field must exist on the calendar. With an offset it
 * names an instant; without one it is read on the given zone's wall clock.
 */
function isoTime(input: string, tz: TimeZone): number | undefined {
  const m = ISO_8601.exec(input);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const c: WallClock = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: Number(h), minute: Number(mi), second: Number(s), millisecond: Math.floor(Number(`0.${frac}`) * 1000),
  };
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > daysInMonth(c.year, c.month)) return undefined;
  if (c.hour > 23 || c.minute > 59 || c.second > 59) return undefined;
  if (zone === undefined) return fromWallClock(c, tz);
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!offset) return utcMs(c); // Z
  const [, sign, oh, om] = offset;
  if (Number(oh) > 23 || Number(om) > 59) return undefined;
  return utcMs(c) - (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
}

/** True when the text depends on the clock (`now…`), i.e. the window moves. */
export function isRelativeTime(text: string): boolean {
  return text.trim().startsWith('now');
}
