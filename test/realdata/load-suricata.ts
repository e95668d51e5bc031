import { readRealdata } from './root';

/**
 * Suricata EVE JSON alerts (FrankHassanabad/suricata-sample-data) mapped to
 * security_events as SOURCES.md describes. The files are JSON arrays; EVE
 * logs are usually one object a line, so both are read.
 */

export interface EveAlert {
  timestamp: string;
  src_ip: string;
  alert: { action: string; signature: string; category: string; severity: number };
}

export function readEve(file: string): EveAlert[] {
  const text = readRealdata(`security/suricata/${file}`).trim();
  if (text.startsWith('[')) return JSON.parse(text) as EveAlert[];
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as EveAlert);
}

const SEVERITY: Record<number, string> = { 1: 'critical', 2: 'warning', 3: 'info' };

export function severityOf(alert: EveAlert): string {
  const severity = SEVERITY[alert.alert.severity];
  if (!severity) throw new Error(`unexpected Suricata severity ${alert.alert.severity}`);
  return severity;
}

/**
 * Suricata's severity 1 (high) .. 3 (low) as the 0..1 threat score Flashback
 * documents for IDS alerts (README, "Suricata"): 0.9, 0.6, 0.3. Written out
 * here rather than taken from the importer, so the tests check it.
 */
const THREAT: Record<number, number> = { 1: 0.9, 2: 0.6, 3: 0.3 };

export function threatScoreOf(alert: EveAlert): number {
  const score = THREAT[alert.alert.severity];
  if (score === undefined) throw new Error(`unexpected Suricata severity ${alert.alert.severity}`);
  return score;
}

const EVE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An EVE timestamp (`2015-03-29T11:01:38.221126-0600`) → epoch ms, the
 * microseconds cut to the millisecond the table keeps. Parsed by hand: the
 * zone has no colon, which Date.parse does not promise to read. The honeypot
 * file's timestamps carry no zone at all: they are taken as UTC.
 */
export function eveTimeMs(timestamp: string): number {
  const m = EVE_TIME.exec(timestamp);
  if (!m) throw new Error(`unreadable EVE timestamp ${timestamp}`);
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Number(frac.padEnd(6, '0').slice(0, 3));
  if (zone === 'Z') return local;
  const offset = zone.replace(':', '');
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
  return local - (offset[0] === '-' ? -1 : 1) * minutes * 60_000;
}

/** The row a security_events writer would store for the alert. */
export const eveRow = (alert: EveAlert) => ({
  t: eveTimeMs(alert.timestamp),
  event_type: alert.alert.category,
  severity: severityOf(alert),
  source_ip: alert.src_ip,
  description: alert.alert.signature,
  threat_score: threatScoreOf(alert),
  action_taken: alert.alert.action,
  service: 'ids',
});
