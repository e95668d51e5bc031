import { describe, expect, it } from 'vitest';
import type { DensityBucket } from '@/lib/api/types';
import { describeMoment, lastEventBucket, notableMoments } from './moments';

const STEP = 60_000;
const T0 = Date.UTC(2026, 0, 15, 6);

/** 60 one-minute buckets with a steady background of 2 failed spans of 100 spans each, plus `extra`. */
function window(extra: Record<number, Partial<{ anomalies: number; critical: number; errorSpans: number }>> = {}): DensityBucket[] {
  return Array.from({ length: 60 }, (_, i) => {
    const e = extra[i] ?? {};
    return {
      t: T0 + i * STEP,
      security: { info: 5, warning: 1, critical: e.critical ?? 0 },
      anomalies: e.anomalies ?? 0,
      errorSpans: 2 + (e.errorSpans ?? 0),
      spans: 100,
    };
  });
}

describe('notable moments', () => {
  it('finds nothing in a steady background', () => {
    expect(notableMoments(window(), STEP)).toEqual([]);
  });

  it('joins adjacent notable buckets (a gap of one) into one moment at its peak, with what it holds', () => {
    const moments = notableMoments(window({ 10: { errorSpans: 20 }, 11: { anomalies: 3, errorSpans: 40 }, 13: { errorSpans: 10 } }), STEP);
    expect(moments).toHaveLength(1);
    expect(moments[0]).toMatchObject({ at: T0 + 11 * STEP, from: T0 + 10 * STEP, to: T0 + 14 * STEP, anomalies: 3, critical: 0, errorSpans: 3 * 2 + 70 }); // the quiet bucket between is not counted
  });

  it('ranks moments by their summed score, anomalies weighing most', () => {
    const moments = notableMoments(window({ 5: { critical: 2 }, 30: { anomalies: 2 }, 50: { errorSpans: 12 } }), STEP);
    expect(moments.map((m) => m.at)).toEqual([T0 + 30 * STEP, T0 + 5 * STEP, T0 + 50 * STEP]);
    expect(moments[0]?.score).toBeGreaterThan(moments[1]?.score ?? Infinity);
  });

  it('drops moments that barely rise above the background', () => {
    expect(notableMoments(window({ 20: { errorSpans: 3 } }), STEP)).toEqual([]);
  });

  it('splits moments more than one quiet bucket apart, and keeps at most `limit`', () => {
    const spikes = Object.fromEntries([0, 3, 6, 9, 12].map((i) => [i, { anomalies: 1 + i }]));
    const moments = notableMoments(window(spikes), STEP, 3);
    expect(moments.map((m) => m.at)).toEqual([T0 + 12 * STEP, T0 + 9 * STEP, T0 + 6 * STEP]);
  });

  it('says what a moment holds', () => {
    expect(describeMoment({ anomalies: 1, critical: 120, errorSpans: 0 })).toBe('1 anomaly · 120 critical events');
    expect(describeMoment({ anomalies: 0, critical: 0, errorSpans: 1 })).toBe('1 failed span');
  });

  it('finds the last bucket holding any event', () => {
    const buckets = window().map((b, i) => (i > 40 ? { ...b, spans: 0, errorSpans: 0, security: { info: 0, warning: 0, critical: 0 } } : b));
    expect(lastEventBucket(buckets)).toBe(T0 + 40 * STEP);
    expect(lastEventBucket([])).toBeNull();
  });
});
