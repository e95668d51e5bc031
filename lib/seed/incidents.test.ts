import { describe, expect, it } from 'vitest';
import { incidentsFor } from './incidents';
import { seedParams, seedSizes, seriesStepSeconds } from './params';
import { dateTime64 } from '@/lib/queries/common';

const END = Date.UTC(2026, 0, 15, 12);
const HOUR = 3_600_000;

describe('incidentsFor', () => {
  it('places the incidents at fixed offsets before the end', () => {
    const incidents = incidentsFor(END, 3);
    expect(incidents.map((i) => [i.id, (END - i.start) / HOUR, (i.end - i.start) / 60_000])).toEqual([
      ['coinbase-outage', 6, 12],
      ['credential-stuffing', 15, 20],
      ['margin-spike', 50, 25],
    ]);
  });

  it('keeps two incidents in the last 24 h and drops the older one when it (and its hour of history) does not fit', () => {
    expect(incidentsFor(END, 1).map((i) => i.id)).toEqual(['coinbase-outage', 'credential-stuffing']);
    expect(incidentsFor(END, 2).map((i) => i.id)).toEqual(['coinbase-outage', 'credential-stuffing']);
    expect(incidentsFor(END, 0.25).map((i) => i.id)).toEqual([]);
    for (const incident of incidentsFor(END, 1)) expect(incident.start).toBeGreaterThanOrEqual(END - 24 * HOUR);
  });
});

describe('seed parameters', () => {
  it('steps the regular series on a divisor of a minute', () => {
    expect([1, 0.5, 0.4, 0.3, 0.02, 5].map(seriesStepSeconds)).toEqual([10, 20, 30, 60, 60, 10]);
  });

  it('sizes the default run at 5+ million latency samples and keeps small scales small', () => {
    const full = seedSizes({ days: 3, scale: 1 });
    // ~65 % of candidates survive the diurnal thinning
    expect(full.latencyCandidates * 0.65).toBeGreaterThan(5_000_000);
    const small = seedSizes({ days: 3, scale: 0.02 });
    expect(small.latencyCandidates).toBe(155_520);
    expect(small.traceCandidates).toBe(25_920);
    expect(small.securityBurst).toBe(200);
  });

  it('gives an incident that does not fit an empty window at 0', () => {
    const params = seedParams({ seed: 1, days: 1, scale: 1, end: END, replace: false }, incidentsFor(END, 1));
    expect(params).toMatchObject({
      seed: 1,
      start: dateTime64(END - 24 * HOUR),
      end: dateTime64(END),
      coinbase_start: dateTime64(END - 6 * HOUR),
      margin_start: dateTime64(0),
      margin_end: dateTime64(0),
    });
  });
});
