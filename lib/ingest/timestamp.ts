/**
 * One tolerant timestamp reader for every import format: epoch numbers in
 * seconds, milliseconds, microseconds or nanoseconds (told apart by
 * magnitude, which is unambiguous between 1973 and 2286) and ISO 8601 text,
 * with or without a zone (none means UTC, as log files written in UTC omit it).
 * Results are epoch nanoseconds as bigint, so nanosecond inputs lose nothing.
 */

const NS_PER = { s: 1_000_000_000n, ms: 1_000_000n, us: 1_000n, ns: 1n } as const;

/** Below 1e11 s is year 5138; above it a value must be ms (below 1e14), µs (1e17) or ns. */
function unitOf(integerDigits: string): keyof typeof NS_PER {
  const magnitude = integerDigits.replace(/^0+/, '').length;
  if (magnitude <= 11) return 's';
  if (magnitude <= 14) return 'ms';
  if (magnitude <= 17) return 'us';
  return 'ns';
}

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Decimal text → ns, exactly (no float rounding for 19-digit nanosecond stamps). */
function fromEpochText(text: string): bigint | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign, intPart = '0', frac = '', exp] = m;
  let digits = intPart + frac;
  let point = intPart.length;
  if (exp !== undefined) point += Number(exp);
  if (point < 0) return sign ? null : 0n;
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point) || '0';
  const fraction = digits.slice(point);
  const scale = NS_PER[unitOf(whole)];
  const scaleDigits = scale.toString().length - 1;
  const ns = BigInt(whole) * scale + BigInt((fraction.slice(0, scaleDigits) || '0').padEnd(scaleDigits, '0'));
  return sign ? -ns : ns;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9})\d*)?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

function fromIso(text: string): bigint | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  const ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  if (!Number.isFinite(ms)) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z' && zone !== 'UTC') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  return (BigInt(ms) - BigInt(offsetMinutes) * 60_000n) * 1_000_000n + BigInt(frac.padEnd(9, '0'));
}

/** Epoch s/ms/µs/ns (number or text) or ISO 8601 text → epoch ns, or null when unreadable. */
export function parseTimestamp(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Plain notation: String(1e21) would be exponent text, which fromEpochText reads too.
    return fromEpochText(Number.isInteger(value) ? BigInt(value).toString() : String(value));
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return fromEpochText(text) ?? fromIso(text);
}

/** Epoch ns → epoch ms, rounded down (the event tables keep milliseconds). */
export const nsToMs = (ns: bigint): number => Number(ns / 1_000_000n - (ns % 1_000_000n < 0n ? 1n : 0n));
