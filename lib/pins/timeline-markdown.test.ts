import { describe, expect, it } from 'vitest';
import type { SnapshotResponse } from '@/lib/api/types';
import { timelineMarkdown } from './timeline-markdown';

const T = Date.UTC(2026, 0, 15, 6, 1);

const snapshot: SnapshotResponse = {
  at: T,
  metrics: [{ metric: 'order_latency_ms', labels: { exchange: 'coinbase', 'a|b': 'x' }, value: 412, timestamp: T - 4000 }],
  anomalies: [{ timestamp: T - 60_000, metric: 'reject_rate', value: 0.3, expectedValue: 0.01, deviationScore: 10, isAnomaly: true, context: { exchange: 'coinbase' } }],
  securityEvents: [
    { eventId: 'e1', timestamp: T - 30_000, eventType: 'credential_stuffing', severity: 'critical', sourceIp: '203.0.113.5', description: 'many\nlogins', threatScore: 0.95, actionTaken: 'blocked', service: 'auth' },
  ],
  spans: [
    { traceId: 'abc', spanId: '1', name: 'place_order', service: 'order-gateway', start: T - 1000, durationMs: 1200, statusCode: 'Error' },
    { traceId: 'def', spanId: '2', name: 'quote', service: 'pricing', start: T - 100, durationMs: 3, statusCode: 'Ok' },
  ],
};

const render = () =>
  timelineMarkdown({
    pins: [
      { pin: { t: T + 3_600_000, note: 'recovered' }, snapshot: null, error: 'The server cannot be reached' },
      { pin: { t: T, note: 'coinbase | feed lost' }, snapshot },
    ],
    tz: 'UTC',
    window: { from: T - 3_600_000, to: T + 7_200_000 },
    link: 'http://x/?pin=1',
    lookbackMs: 300_000,
  });

describe('the exported timeline', () => {
  it('lists the pins in time order with their notes', () => {
    const md = render();
    expect(md).toContain('# Timeline 2026-01-15 05:01:00 → 2026-01-15 08:01:00 (UTC)');
    expect(md).toContain('2 pins · [open in Flashback](http://x/?pin=1)');
    expect(md.indexOf('## 1. 2026-01-15 06:01:00 — coinbase \\| feed lost')).toBeGreaterThan(0);
    expect(md.indexOf('## 2. 2026-01-15 07:01:00 — recovered')).toBeGreaterThan(md.indexOf('## 1.'));
  });

  it('writes the state of the world at each pin: values, anomalies, events, failing spans only', () => {
    const md = render();
    expect(md).toContain('| order_latency_ms | exchange=coinbase, a\\|b=x | 412 | 2026-01-15 06:00:56 |');
    expect(md).toContain('- 2026-01-15 06:00:00 reject_rate {exchange=coinbase}: 0.300 against 0.0100 expected (10.0σ)');
    expect(md).toContain('- 2026-01-15 06:00:30 critical credential_stuffing from 203.0.113.5 (threat 0.95, blocked): many logins');
    expect(md).toContain('- order-gateway place_order: 1.20 s, trace `abc`');
    expect(md).not.toContain('quote');
  });

  it('says when the state at a pin could not be read', () => {
    expect(render()).toContain('_The state at this pin could not be read: The server cannot be reached._');
  });
});
