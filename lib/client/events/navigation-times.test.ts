import { describe, expect, it } from 'vitest';
import type { Anomaly, SecurityEvent, TraceSummary } from '@/lib/api/types';
import { NO_SECURITY_FILTER } from '../queries';
import { laneHoldsCritical, navigationTimes } from './navigation-times';
import { windowEvents } from './window-events';

const idle = { isPending: false, error: null, retry: () => {} };
const all = { kind: 'limit', limit: 100 } as const;
const cut = { kind: 'limit', limit: 1 } as const;

const sec = (timestamp: number, severity: string) => ({ timestamp, severity }) as SecurityEvent;
const anomaly = (timestamp: number) => ({ timestamp }) as Anomaly;
const trace = (start: number) => ({ start }) as TraceSummary;

const list = <T>(items: T[], more: typeof all | typeof cut, time: (x: T) => number) => windowEvents(items, more, idle, time);
const security = (items: SecurityEvent[], more: typeof all | typeof cut = all) => list(items, more, (e) => e.timestamp);

describe('navigation times', () => {
  it('lists every kind for [ ] and anomalies plus critical events for n/p, whole ms, without repeats', () => {
    const times = navigationTimes({
      security: security([sec(100, 'info'), sec(300.4, 'critical')]),
      securityFiltered: false,
      critical: null,
      anomalies: list([anomaly(200), anomaly(300)], all, (a) => a.timestamp),
      errorTraces: list([trace(50.9)], all, (t) => t.start),
    });
    expect(times.all).toEqual([50, 100, 200, 300]);
    expect(times.notable).toEqual([200, 300]);
    expect(times.complete).toEqual({ any: true, notable: true });
  });

  it('is not complete for [ ] when the lane is filtered or any list is cut short', () => {
    const base = {
      security: security([sec(1, 'info')]),
      securityFiltered: false,
      critical: null,
      anomalies: list([anomaly(2)], all, (a) => a.timestamp),
      errorTraces: list([trace(3)], all, (t) => t.start),
    };
    expect(navigationTimes({ ...base, securityFiltered: true }).complete.any).toBe(false);
    expect(navigationTimes({ ...base, errorTraces: list([trace(3)], cut, (t) => t.start) }).complete.any).toBe(false);
    expect(navigationTimes({ ...base, anomalies: list([anomaly(2)], cut, (a) => a.timestamp) }).complete).toEqual({ any: false, notable: false });
  });

  it('takes critical events from their own list when the lane cannot hold them all', () => {
    const times = navigationTimes({
      security: security([sec(10, 'info')], cut),
      securityFiltered: false,
      critical: security([sec(5, 'critical')]),
      anomalies: list([], all, (a: Anomaly) => a.timestamp),
      errorTraces: list([], all, (t: TraceSummary) => t.start),
    });
    expect(times.notable).toEqual([5]);
    expect(times.complete).toEqual({ any: false, notable: true });
  });

  it('knows when the lane’s list holds every critical event', () => {
    const NONE = NO_SECURITY_FILTER;
    const complete = security([sec(1, 'critical')]);
    expect(laneHoldsCritical(complete, NONE)).toBe(true);
    expect(laneHoldsCritical(complete, { ...NONE, severities: ['critical'], eventTypes: [], minThreat: null })).toBe(true);
    expect(laneHoldsCritical(complete, { ...NONE, severities: ['info'], eventTypes: [], minThreat: null })).toBe(false);
    expect(laneHoldsCritical(complete, { ...NONE, severities: [], eventTypes: ['scan'], minThreat: null })).toBe(false);
    expect(laneHoldsCritical(complete, { ...NONE, severities: [], eventTypes: [], minThreat: 0.5 })).toBe(false);
    expect(laneHoldsCritical(security([sec(1, 'critical')], cut), NONE)).toBe(false);
    expect(laneHoldsCritical(complete, { ...NONE, sourceIp: '10.0.0.0/8' })).toBe(false);
    expect(laneHoldsCritical(complete, { ...NONE, maxThreat: 0.5 })).toBe(false);
    expect(laneHoldsCritical(complete, { ...NONE, actions: ['blocked'] })).toBe(false);
  });
});
