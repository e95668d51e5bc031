import type { SecurityRow } from '@/lib/clickhouse/ingest-rows';
import { contentEventId } from '../event-id';
import { nsToMs, parseTimestamp } from '../timestamp';
import { isObject, RecordError, text, type FormatSpec, type MapContext, type Mapped } from '../types';
import { SURICATA_ANOMALY, SURICATA_DROP, SURICATA_SEVERITY } from './security-scores';

/**
 * Suricata EVE JSON (one record a line, or an array) → security_events
 * (SOURCES.md's mapping): alert → event_type = alert.category, severity and
 * threat_score from alert.severity (security-scores.ts), source_ip = src_ip,
 * description = alert.signature, action_taken = alert.action. Anomaly and
 * drop records are imported too; every other event type (flow, dns, http,
 * tls, stats …) is counted as skipped, which is not an error.
 */

export function eveTimeMs(record: Record<string, unknown>): number {
  const ns = parseTimestamp(record.timestamp);
  if (ns === null) throw new RecordError(`unreadable timestamp "${text(record.timestamp)}"`);
  return nsToMs(ns);
}

const flow = (r: Record<string, unknown>) =>
  `${text(r.proto)} ${text(r.src_ip)}${r.src_port !== undefined ? `:${text(r.src_port)}` : ''} → ${text(r.dest_ip)}${r.dest_port !== undefined ? `:${text(r.dest_port)}` : ''}`.trim();

function alertFields(r: Record<string, unknown>): Omit<SecurityRow, 'timeMs' | 'sourceIp' | 'service' | 'eventId'> {
  const alert = r.alert;
  if (!isObject(alert)) throw new RecordError('an alert record without an "alert" object');
  const level = Number(alert.severity);
  if (!Number.isInteger(level) || level < 1) throw new RecordError(`alert.severity "${text(alert.severity)}" is not 1 (high) .. 3 (low)`);
  // Custom rules may go below 3 (4+): they are the lowest level.
  const mapped = SURICATA_SEVERITY[Math.min(level, 3)] ?? SURICATA_ANOMALY;
  return {
    eventType: text(alert.category) || text(alert.signature) || 'alert',
    severity: mapped.severity,
    threatScore: mapped.threatScore,
    description: text(alert.signature),
    actionTaken: text(alert.action),
  };
}

function anomalyFields(r: Record<string, unknown>) {
  const a = isObject(r.anomaly) ? r.anomaly : {};
  return {
    eventType: `anomaly:${text(a.type) || 'unknown'}`,
    ...SURICATA_ANOMALY,
    description: [text(a.event), text(a.layer)].filter(Boolean).join(' ') || flow(r),
    actionTaken: 'logged',
  };
}

function dropFields(r: Record<string, unknown>) {
  return { eventType: 'drop', ...SURICATA_DROP, description: flow(r), actionTaken: 'dropped' };
}

const FIELDS: Record<string, (r: Record<string, unknown>) => Omit<SecurityRow, 'timeMs' | 'sourceIp' | 'service' | 'eventId'>> = {
  alert: alertFields,
  anomaly: anomalyFields,
  drop: dropFields,
};

function one(record: unknown, line: number, ctx: MapContext): Mapped {
  if (!isObject(record)) throw new RecordError('an EVE record must be a JSON object');
  const type = text(record.event_type);
  if (!type) throw new RecordError('an EVE record without "event_type"');
  const fields = FIELDS[type];
  if (!fields) return { skip: `suricata ${type}` };
  return [
    {
      table: 'security',
      row: {
        timeMs: eveTimeMs(record),
        sourceIp: text(record.src_ip),
        service: ctx.service ?? 'suricata',
        eventId: contentEventId(record, line),
        ...fields(record),
      },
    },
  ];
}

export const suricata: FormatSpec = {
  name: 'suricata',
  reader: 'json',
  describe: 'Suricata EVE JSON (alert, anomaly and drop records; other event types are counted and skipped)',
  create: (ctx) => ({
    map(record, line) {
      if (!Array.isArray(record)) return one(record, line, ctx);
      // A JSON Lines file whose lines are arrays of records.
      const rows = record.map((r) => one(r, line, ctx));
      return rows.flatMap((m) => (Array.isArray(m) ? m : []));
    },
  }),
};
