import { FIXED_UNIT_MS, isCalendarUnit, type CalendarUnit } from './units';
import { fromWallClock, isoWeekday, wallClock, type TimeZone, type WallClock } from './zoned';

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
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const OPERATION = /^([+-])(\d*)(ms|[smhdwMy])|^\/(ms|[smhdwMy])/;

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
    const moved = new Date(Date.UTC(c.year, c.month - 1, c.day + days));
    return fromWallClock({ ...c, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() }, tz);
  }
  const monthIndex = c.year * 12 + (c.month - 1) + (unit === 'y' ? amount * 12 : amount);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  // Clamp the day: Jan 31 + 1M is the last day of February, as in Grafana (moment).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromWallClock({ ...c, year, month, day: Math.min(c.day, lastDay) }, tz);
}

function applyOperations(base: number, ops: string, roundUp: boolean, tz: TimeZone): ParsedTime {
  let ms = base;
  let rest = ops;
  while (rest.length > 0) {
    const match = OPERATION.exec(rest);
    if (!match) return { ok: false, error: `cannot read "${rest}": expected an operation like -15m, +1h or /d` };
    const [whole, sign, amount, unit, roundUnit] = match;
    if (roundUnit && isCalendarUnit(roundUnit)) {
      ms = roundUp ? addCalendar(startOf(ms, roundUnit, tz), roundUnit, 1, tz) - 1 : startOf(ms, roundUnit, tz);
    } else if (unit && isCalendarUnit(unit)) {
      const n = amount === '' || amount === undefined ? 1 : Number(amount);
      ms = addCalendar(ms, unit, sign === '-' ? -n : n, tz);
    }
    rest = rest.slice(whole.length);
  }
  return Number.isFinite(ms) ? { ok: true, ms } : { ok: false, error: 'the time is out of range' };
}

export function parseTime(text: string, options: ParseTimeOptions): ParsedTime {
  const input = text.trim();
  const tz = options.tz ?? 'UTC';
  if (input === '') return { ok: false, error: 'is empty' };
  if (EPOCH_MS.test(input)) return { ok: true, ms: Number(input) };
  if (input.startsWith('now')) return applyOperations(options.now, input.slice(3), options.roundUp ?? false, tz);
  if (ISO_8601.test(input)) {
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(input) && input.length > 10;
    const ms = hasZone ? Date.parse(input.replace(' ', 'T')) : zonelessIso(input, tz);
    if (Number.isFinite(ms)) return { ok: true, ms };
  }
  return { ok: false, error: `"${input.slice(0, 40)}" is not a time: use epoch milliseconds, ISO 8601 or now-15m style` };
}

/** An ISO time without a zone is read on the given zone's wall clock. */
function zonelessIso(input: string, tz: TimeZone): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/.exec(input);
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = m;
  const c: WallClock = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: Number(h), minute: Number(mi), second: Number(s), millisecond: Math.floor(Number(`0.${frac}`) * 1000),
  };
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > 31 || c.hour > 23 || c.minute > 59 || c.second > 59) return NaN;
  return fromWallClock(c, tz);
}

/** True when the text depends on the clock (`now…`), i.e. the window moves. */
export function isRelativeTime(text: string): boolean {
  return text.trim().startsWith('now');
}
