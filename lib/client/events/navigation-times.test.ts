import { describe, expect, it } from 'vitest';
import type { Anomaly, SecurityEvent, TraceSummary } from '@/lib/api/types';
import { navigationTimes } from './navigation-times';
import { windowEvents } from './window-events';

const idle = { isPending: false, error: null, retry: () => {} };
const all = { kind: 'limit', limit: 100 } as const;
const cut = { kind: 'limit', limit: 1 } as const;

const sec = (timestamp: number) => ({ timestamp, severity: 'info' }) as SecurityEvent;
const anomaly = (timestamp: number) => ({ timestamp }) as Anomaly;
const trace = (start: number) => ({ start }) as TraceSummary;

const list = <T>(items: T[], more: typeof all | typeof cut, time: (x: T) => number) => windowEvents(items, more, idle, time);

const base = {
  security: list([sec(100), sec(300.4)], all, (e) => e.timestamp),
  securityFiltered: false,
  anomalies: list([anomaly(200), anomaly(300)], all, (a) => a.timestamp),
  errorTraces: list([trace(50.9)], all, (t) => t.start),
};

describe('navigation times ([ and ])', () => {
  it('lists every kind, in whole ms, without repeats', () => {
    expect(navigationTimes(base)).toEqual({ all: [50, 100, 200, 300], complete: true });
  });

  it('is not complete when the lane is filtered or any list is cut short', () => {
    expect(navigationTimes({ ...base, securityFiltered: true }).complete).toBe(false);
    expect(navigationTimes({ ...base, errorTraces: list([trace(3)], cut, (t) => t.start) }).complete).toBe(false);
    expect(navigationTimes({ ...base, anomalies: list([anomaly(2)], cut, (a) => a.timestamp) }).complete).toBe(false);
    expect(navigationTimes({ ...base, security: list([sec(1)], cut, (e) => e.timestamp) }).complete).toBe(false);
  });
});
