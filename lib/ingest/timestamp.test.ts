import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nsToMs, parseTimestamp } from './timestamp';

/** Epoch ns between 1973 and 2200: the span where the units' magnitudes do not overlap. */
const EPOCH_NS = fc.bigInt({ min: 100_000_000_000_000_000n, max: 7_258_118_400_000_000_000n });

const pad = (n: number | bigint, width: number) => n.toString().padStart(width, '0');

/** ISO text for an instant, written by hand from calendar fields (not by the code under test). */
function iso(ns: bigint, fractionDigits: number, offsetMinutes: number | null, separator: 'T' | ' ') {
  const shifted = ns + BigInt(offsetMinutes ?? 0) * 60_000_000_000n;
  const ms = Number(shifted / 1_000_000n);
  const d = new Date(ms);
  const fraction = pad(shifted % 1_000_000_000n, 9).slice(0, fractionDigits);
  const zone =
    offsetMinutes === null ? '' : offsetMinutes === 0 ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60), 2)}:${pad(Math.abs(offsetMinutes) % 60, 2)}`;
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}${separator}` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}${fractionDigits ? `.${fraction}` : ''}${zone}`
  );
}

const truncate = (ns: bigint, unit: bigint) => (ns / unit) * unit;

describe('parseTimestamp', () => {
  it('reads epoch seconds, ms, µs and ns as integers or decimal text, exactly to their unit', () => {
    fc.assert(
      fc.property(EPOCH_NS, fc.constantFrom(1_000_000_000n, 1_000_000n, 1_000n, 1n), fc.boolean(), (ns, unit, asText) => {
        const value = ns / unit;
        const input = asText ? value.toString() : Number(value);
        // A JS number above 2^53 is not exact: compare at the number's own precision.
        const expected = asText || value <= BigInt(Number.MAX_SAFE_INTEGER) ? truncate(ns, unit) : BigInt(Number(value)) * unit;
        expect(parseTimestamp(input)).toBe(expected);
      }),
    );
  });

  it('reads fractional epoch seconds (Zeek, OpenMetrics) to the digits given', () => {
    fc.assert(
      fc.property(EPOCH_NS, fc.integer({ min: 1, max: 9 }), (ns, digits) => {
        const text = `${ns / 1_000_000_000n}.${pad(ns % 1_000_000_000n, 9).slice(0, digits)}`;
        expect(parseTimestamp(text)).toBe(truncate(ns, 10n ** BigInt(9 - digits)));
      }),
    );
  });

  it('reads ISO 8601 with any fraction, with Z, an offset, or no zone (UTC)', () => {
    fc.assert(
      fc.property(EPOCH_NS, fc.integer({ min: 0, max: 9 }), fc.option(fc.integer({ min: -720, max: 840 })), fc.constantFrom('T' as const, ' ' as const), (ns, digits, offset, sep) => {
        expect(parseTimestamp(iso(ns, digits, offset, sep))).toBe(truncate(ns, 10n ** BigInt(9 - digits)));
      }),
    );
  });

  it('reads offsets without a colon (Suricata) and rejects what is not a time', () => {
    expect(parseTimestamp('2015-03-29T11:01:38.221126-0600')).toBe(BigInt(Date.UTC(2015, 2, 29, 17, 1, 38, 221)) * 1_000_000n + 126_000n);
    expect(parseTimestamp('2014-03-07 03:41:00')).toBe(BigInt(Date.UTC(2014, 2, 7, 3, 41)) * 1_000_000n);
    for (const bad of ['', 'yesterday', '2024-13-01', '12:00', 'NaN', null, {}, Infinity]) expect(parseTimestamp(bad)).toBeNull();
  });

  it('rounds nanoseconds down to milliseconds', () => {
    expect(nsToMs(1_700_000_000_123_999_999n)).toBe(1_700_000_000_123);
  });
});
