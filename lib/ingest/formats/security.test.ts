import { describe, expect, it } from 'vitest';
import type { MapContext } from '../types';
import { SURICATA_SEVERITY } from './security-scores';
import { suricata } from './suricata';
import { zeek } from './zeek';

const ctx: MapContext = { sourceName: 'eve', atMs: 0, map: {} };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Suricata EVE', () => {
  const alert = {
    timestamp: '2015-03-29T11:01:38.221126-0600',
    event_type: 'alert',
    src_ip: '10.0.0.1',
    src_port: 4444,
    dest_ip: '10.0.0.2',
    dest_port: 80,
    proto: 'TCP',
    alert: { action: 'allowed', signature: 'ET SCAN nmap', category: 'Attempted Information Leak', severity: 2 },
  };

  it('maps an alert as SOURCES.md says, with the documented severity → threat score, and a content-derived event id', () => {
    const mapper = suricata.create(ctx);
    const [e] = mapper.map(alert, 7) as { table: string; row: Record<string, unknown> }[];
    expect(e?.table).toBe('security');
    expect(e?.row).toEqual({
      timeMs: Date.UTC(2015, 2, 29, 17, 1, 38, 221),
      eventType: 'Attempted Information Leak',
      severity: 'warning',
      threatScore: 0.6,
      sourceIp: '10.0.0.1',
      description: 'ET SCAN nmap',
      actionTaken: 'allowed',
      service: 'suricata',
      eventId: expect.stringMatching(UUID),
    });
    // Same record, same line → same id; another line → another id.
    expect((mapper.map(alert, 7) as { row: { eventId: string } }[])[0]?.row.eventId).toBe(e?.row.eventId);
    expect((mapper.map(alert, 8) as { row: { eventId: string } }[])[0]?.row.eventId).not.toBe(e?.row.eventId);
    expect(Object.values(SURICATA_SEVERITY).map((s) => s.threatScore)).toEqual([0.9, 0.6, 0.3]);
  });

  it('imports anomaly and drop records, skips other event types by name, rejects broken alerts', () => {
    const mapper = suricata.create({ ...ctx, service: 'ids' });
    expect(mapper.map({ timestamp: '2020-01-01T00:00:00Z', event_type: 'anomaly', src_ip: '1.2.3.4', anomaly: { type: 'decode', event: 'ipv4.trunc_pkt' } }, 1)).toMatchObject([
      { row: { eventType: 'anomaly:decode', severity: 'info', threatScore: 0.3, description: 'ipv4.trunc_pkt', service: 'ids' } },
    ]);
    expect(mapper.map({ timestamp: '2020-01-01T00:00:00Z', event_type: 'drop', src_ip: '1.2.3.4', proto: 'TCP', dest_ip: '5.6.7.8', dest_port: 22 }, 2)).toMatchObject([
      { row: { eventType: 'drop', actionTaken: 'dropped', description: 'TCP 1.2.3.4 → 5.6.7.8:22' } },
    ]);
    expect(mapper.map({ timestamp: '2020-01-01T00:00:00Z', event_type: 'flow' }, 3)).toEqual({ skip: 'suricata flow' });
    expect(() => mapper.map({ ...alert, alert: undefined }, 4)).toThrow(/without an "alert" object/);
    expect(() => mapper.map({ ...alert, timestamp: 'soon' }, 5)).toThrow(/unreadable timestamp "soon"/);
    expect(() => mapper.map({ ...alert, alert: { ...alert.alert, severity: 'high' } }, 6)).toThrow(/alert.severity "high"/);
  });
});

describe('Zeek notice.log and weird.log', () => {
  const mapper = zeek.create(ctx);
  it('maps notices and weirds, and skips records of other logs', () => {
    expect(
      mapper.map({ ts: 1320279566.452687, uid: 'C1', 'id.orig_h': '192.168.1.1', note: 'Scan::Port_Scan', msg: 'scanned 20 ports', sub: 'local', actions: ['Notice::ACTION_LOG', 'Notice::ACTION_EMAIL'] }, 1),
    ).toMatchObject([
      { table: 'security', row: { timeMs: 1320279566452, eventType: 'Scan::Port_Scan', severity: 'warning', threatScore: 0.5, sourceIp: '192.168.1.1', description: 'scanned 20 ports — local', actionTaken: 'log,email', service: 'zeek' } },
    ]);
    expect(mapper.map({ ts: '2011-11-03T00:19:26.452687Z', uid: 'C2', 'id.orig_h': '10.1.1.1', name: 'bad_TCP_checksum', addl: '', notice: false, peer: 'zeek' }, 2)).toMatchObject([
      { row: { timeMs: Date.UTC(2011, 10, 3, 0, 19, 26, 452), eventType: 'bad_TCP_checksum', severity: 'info', threatScore: 0.2, description: 'bad_TCP_checksum' } },
    ]);
    expect(mapper.map({ _path: 'conn', ts: 1, uid: 'C3' }, 3)).toEqual({ skip: 'zeek conn' });
    expect(() => mapper.map({ _path: 'notice', ts: 'x', note: 'N' }, 4)).toThrow(/unreadable ts "x"/);
  });
});
