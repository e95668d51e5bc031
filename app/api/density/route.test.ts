import { beforeAll, describe, expect, it } from 'vitest';
import type { DensityResponse } from '@/lib/api/types';
import { call, type ErrorBody } from '@/test/fixtures/request';
import { anomalyRow, insertRows, securityRow, spanRow } from '@/test/fixtures/rows';
import { testEngine } from '@/test/engine';
import { GET } from './route';

testEngine();

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const M = 60_000;

beforeAll(async () => {
  await insertRows('security', [
    securityRow({ t: T0 - 1, severity: 'critical' }), // before the window
    securityRow({ t: T0, severity: 'critical' }),
    securityRow({ t: T0 + 10, severity: 'info' }),
    securityRow({ t: T0 + M, severity: 'warning' }), // on a bucket boundary
    securityRow({ t: T0 + M, severity: 'warning' }),
    securityRow({ t: T0 + 2 * M, severity: 'debug' }), // not one of the three severities
    securityRow({ t: T0 + 3 * M, severity: 'critical' }), // on the window's end
  ]);
  await insertRows('anomalies', [
    anomalyRow({ t: T0 + 5, metric: 'lat' }),
    anomalyRow({ t: T0 + 6, metric: 'lat', anomaly: false }),
    anomalyRow({ t: T0 + 2 * M + 1, metric: 'lat' }),
  ]);
  const span = (t: number, status: 'Ok' | 'Error', n: number) =>
    spanRow({ traceId: `${n}`.padStart(32, 'a'), spanId: `${n}`.padStart(16, 'b'), t, startNs: 999_999, durationNs: 5e6, status });
  await insertRows('traces', [span(T0 + M - 1, 'Ok', 1), span(T0 + M - 1, 'Error', 2), span(T0 + 2 * M, 'Ok', 3)]);
});

describe('GET /api/density', () => {
  it('counts each kind per bucket over the whole window, zero where empty', async () => {
    const res = await call<DensityResponse>(GET, '/api/density', { from: T0, to: T0 + 3 * M, buckets: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: T0,
      to: T0 + 3 * M,
      step: M,
      buckets: [
        { t: T0, security: { info: 1, warning: 0, critical: 1 }, anomalies: 1, errorSpans: 1, spans: 2 },
        { t: T0 + M, security: { info: 0, warning: 2, critical: 0 }, anomalies: 0, errorSpans: 0, spans: 0 },
        { t: T0 + 2 * M, security: { info: 0, warning: 0, critical: 0 }, anomalies: 1, errorSpans: 0, spans: 1 },
      ],
    });
  });

  it('defaults to at most 200 buckets and never exceeds the count asked for', async () => {
    const day = await call<DensityResponse>(GET, '/api/density', { from: T0, to: T0 + 1440 * M });
    expect(day.body.step).toBe(10 * M);
    expect(day.body.buckets).toHaveLength(144);
    const year = await call<DensityResponse>(GET, '/api/density', { from: T0, to: T0 + 399 * 1440 * M, buckets: 100 });
    expect(year.body.buckets.length).toBeLessThanOrEqual(100);
    expect(year.body.step % (1440 * M)).toBe(0);
    expect(year.body.buckets.reduce((n, b) => n + b.security.critical, 0)).toBe(2);
  });

  it.each([
    [{ buckets: 0 }, /buckets: must be between 1 and 2000/],
    [{ buckets: 2001 }, /buckets: must be between 1 and 2000/],
    [{ buckets: '12.5' }, /buckets: must be a whole number/],
    [{ from: 'now', to: 'now-1h' }, /from must be before to/],
  ])('rejects %o', async (query, message) => {
    const res = await call<ErrorBody>(GET, '/api/density', query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
