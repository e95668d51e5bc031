import { describe, expect, it } from 'vitest';
import type { MapContext } from '../types';
import { createTableMapper, inferTable } from './table-records';

const ctx: MapContext = { sourceName: 'ec2_latency', atMs: 0, map: {} };

describe('CSV / JSON Lines records', () => {
  it('infers the table from the columns', () => {
    expect(inferTable(['timestamp', 'value'], {})).toBe('metrics');
    expect(inferTable(['ts', 'event_type', 'threat_score'], {})).toBe('security');
    expect(inferTable(['timestamp', 'value', 'deviation_score'], {})).toBe('anomalies');
    expect(inferTable(['t', 'sev'], { severity: 'sev' })).toBe('security');
  });

  it('maps metrics through --map, naming the metric after the file and keeping other columns as labels', () => {
    const m = createTableMapper({ ...ctx, map: { value: 'latency_ms', timestamp: 'ts' }, service: 'edge' });
    expect(m.map({ ts: '1700000000', latency_ms: '12.5', region: 'eu' }, 2)).toEqual([
      { table: 'metrics', row: { timeMs: 1_700_000_000_000, metric: 'ec2_latency', service: 'edge', value: 12.5, labels: { region: 'eu' } } },
    ]);
    expect(m.map({ ts: '2024-03-01T12:00:00.250Z', latency_ms: 3, metric_name: 'rtt' }, 3)).toMatchObject([{ row: { timeMs: Date.UTC(2024, 2, 1, 12, 0, 0, 250), metric: 'rtt', value: 3 } }]);
  });

  it('maps security events and anomalies with defaults and content-derived ids', () => {
    const s = createTableMapper(ctx);
    expect(s.map({ timestamp: 1_700_000_000_000_000, event_type: 'login_failure', severity: 'warning', threat_score: '0.4', source_ip: '1.2.3.4' }, 2)).toMatchObject([
      { table: 'security', row: { timeMs: 1_700_000_000_000, eventType: 'login_failure', severity: 'warning', threatScore: 0.4, sourceIp: '1.2.3.4', service: 'import', eventId: expect.any(String) } },
    ]);
    const a = createTableMapper({ ...ctx, table: 'anomalies' });
    expect(a.map({ timestamp: '1700000000000000000', metric_name: 'cpu', value: '9', deviation_score: '4.2', is_anomaly: 'true', detector: 'z' }, 2)).toEqual([
      { table: 'anomalies', row: { timeMs: 1_700_000_000_000, metric: 'cpu', value: 9, expected: 9, score: 4.2, isAnomaly: true, context: { detector: 'z' } } },
    ]);
  });

  it('names the problem: no timestamp column, unreadable time, non-numeric value', () => {
    const m = createTableMapper(ctx);
    expect(() => m.map({ when: '1', value: '1' }, 2)).toThrow(/no timestamp column/);
    expect(() => m.map({ timestamp: 'noon', value: '1' }, 2)).toThrow(/timestamp "noon" is not a timestamp/);
    expect(() => m.map({ timestamp: '1700000000', value: 'n/a' }, 2)).toThrow(/value "n\/a" is not a number/);
  });
});
