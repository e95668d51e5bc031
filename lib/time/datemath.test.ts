import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { time } from '@/test/fuzz/grammar';
import { isRelativeTime, parseTime } from './datemath';

// A fixed clock: Saturday 2026-11-21 14:37:25.500 UTC.
const now = Date.UTC(2026, 10, 21, 14, 37, 25, 500);
const at = (text: string, roundUp = false, tz = 'UTC') => {
  const parsed = parseTime(text, { now, roundUp, tz });
  if (!parsed.ok) throw new Error(parsed.error);
  return new Date(parsed.ms).toISOString();
};

describe('parseTime', () => {
  it('reads epoch milliseconds and ISO 8601', () => {
    expect(at('1700000000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(at('2026-11-20T14:30:00.000Z')).toBe('2026-11-20T14:30:00.000Z');
    expect(at('2026-11-20T14:30:00+02:00')).toBe('2026-11-20T12:30:00.000Z');
  });

  it('reads a zoneless ISO time on the given zone', () => {
    expect(at('2026-11-20 09:00', false, 'America/New_York')).toBe('2026-11-20T14:00:00.000Z');
    expect(at('2026-07-20T09:00:00', false, 'America/New_York')).toBe('2026-07-20T13:00:00.000Z');
  });

  it('applies relative offsets to now', () => {
    expect(at('now')).toBe('2026-11-21T14:37:25.500Z');
    expect(at('now-15m')).toBe('2026-11-21T14:22:25.500Z');
    expect(at('now-6h')).toBe('2026-11-21T08:37:25.500Z');
    expect(at('now+1h-30m')).toBe('2026-11-21T15:07:25.500Z');
    expect(at('now-1M')).toBe('2026-10-21T14:37:25.500Z');
    expect(at('now-1y')).toBe('2025-11-21T14:37:25.500Z');
    expect(at('now-2w')).toBe('2026-11-07T14:37:25.500Z');
  });

  it('rounds down in from and up to the last millisecond in to', () => {
    expect(at('now/d')).toBe('2026-11-21T00:00:00.000Z');
    expect(at('now/d', true)).toBe('2026-11-21T23:59:59.999Z');
    expect(at('now-1d/d')).toBe('2026-11-20T00:00:00.000Z');
    expect(at('now-1d/d', true)).toBe('2026-11-20T23:59:59.999Z');
    expect(at('now/h')).toBe('2026-11-21T14:00:00.000Z');
    expect(at('now/M')).toBe('2026-11-01T00:00:00.000Z');
    expect(at('now/y', true)).toBe('2026-12-31T23:59:59.999Z');
    expect(at('now/w')).toBe('2026-11-16T00:00:00.000Z'); // Monday
  });

  it('rounds days on the zone wall clock', () => {
    expect(at('now/d', false, 'America/New_York')).toBe('2026-11-21T05:00:00.000Z');
    expect(at('now/d', false, 'Asia/Kolkata')).toBe('2026-11-20T18:30:00.000Z');
  });

  it('keeps wall time across a DST change when stepping days', () => {
    // 2026-11-01 is the US fall-back day: 09:00 New York is 13:00Z before, 14:00Z after.
    const parsed = parseTime('now-1d', { now: Date.UTC(2026, 10, 1, 14, 0), tz: 'America/New_York' });
    expect(parsed).toEqual({ ok: true, ms: Date.UTC(2026, 9, 31, 13, 0) });
  });

  it('clamps month arithmetic to the last day of the month', () => {
    const parsed = parseTime('now+1M', { now: Date.UTC(2026, 0, 31, 12) });
    expect(parsed).toEqual({ ok: true, ms: Date.UTC(2026, 1, 28, 12) });
  });

  it('rejects what is not a time, with a message', () => {
    for (const bad of ['', 'yesterday', 'now-', 'now-5x', 'now/5d', "1; DROP TABLE x", 'NaN', 'Infinity', '2026-13-01T00:00:00', 'now-1d/d OR 1=1']) {
      const parsed = parseTime(bad, { now });
      expect(parsed.ok, bad).toBe(false);
    }
  });

  it('tells relative from absolute', () => {
    expect(isRelativeTime('now-1h')).toBe(true);
    expect(isRelativeTime('1700000000000')).toBe(false);
  });
});

describe('parseTime on generated input', () => {
  const zones = fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe');

  it('never throws: any text, any spelling of the grammar, any zone, any clock reading', () => {
    fc.assert(
      fc.property(fc.oneof(time.map((v) => v.text), fc.string()), zones, fc.boolean(), fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }), (text, tz, roundUp, clock) => {
        const parsed = parseTime(text, { now: clock, roundUp, tz });
        if (parsed.ok) expect(Number.isFinite(parsed.ms)).toBe(true);
        else expect(parsed.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 5_000, seed: 12 },
    );
  });

  it('refuses every value the grammar marks as surely invalid for the API', () => {
    fc.assert(
      fc.property(time.filter((v) => v.invalid), zones, (value, tz) => {
        const parsed = parseTime(value.text, { now, tz });
        const inApiRange = parsed.ok && parsed.ms >= 0 && parsed.ms < Date.UTC(2250, 0, 1);
        expect(inApiRange && value.text.length <= 64, value.text).toBe(false);
      }),
      { numRuns: 5_000, seed: 12 },
    );
  });

  it('reads a zoned ISO time as the instant it names (checked against Date.UTC arithmetic)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2249-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (date, offsetMin) => {
        const local = new Date(date.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseTime(text, { now })).toEqual({ ok: true, ms: date.getTime() });
      }),
      { numRuns: 2_000, seed: 12 },
    );
  });

  // Found by the generated route tests: each once answered 500 (an invalid Date inside calendar arithmetic).
  it.each(['now-99999999999999y', 'now-9999999999d', 'now+300000y/d', 'now-300000000M', 'now/w-100000000000w', 'now-999999999999999ms'])(
    'refuses %s as out of range instead of throwing',
    (text) => {
      expect(parseTime(text, { now, tz: 'America/New_York' })).toEqual({ ok: false, error: 'the time is out of range (years 0001 to 9999)' });
    },
  );

  it.each(['2024-02-31T00:00Z', '2024-01-01T24:00:00Z', '2023-02-29', '2024-01-01T00:00+24:00'])('refuses %s, a time not on the calendar', (text) => {
    expect(parseTime(text, { now }).ok).toBe(false);
  });

  it('keeps years below 100 as they are written', () => {
    expect(at('0050-06-01T00:00:00Z')).toBe('0050-06-01T00:00:00.000Z');
  });
});
