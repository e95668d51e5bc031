import { describe, expect, it } from 'vitest';
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
