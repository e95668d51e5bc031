import { contentEventId } from '../event-id';
import { nsToMs, parseTimestamp } from '../timestamp';
import { isObject, RecordError, text, type FormatSpec, type Mapped } from '../types';
import { ZEEK_NOTICE, ZEEK_WEIRD } from './security-scores';

/**
 * Zeek's JSON logs → security_events: notice.log (event_type = note,
 * description = msg and sub, source_ip = src or id.orig_h, action_taken =
 * the notice actions) and weird.log (event_type = name, description = addl).
 * A record is told apart by `_path` when Zeek writes it, else by its fields;
 * records of other logs (conn, dns …) are counted as skipped.
 */

type Kind = 'notice' | 'weird';

function kindOf(r: Record<string, unknown>): Kind | string {
  const path = text(r._path);
  if (path) return path;
  if ('note' in r) return 'notice';
  if ('name' in r && ('peer' in r || 'addl' in r || 'notice' in r)) return 'weird';
  return 'unknown';
}

export function isZeekRecord(r: Record<string, unknown>): boolean {
  return 'ts' in r && ('uid' in r || 'note' in r || '_path' in r) && kindOf(r) !== 'unknown';
}

const actions = (v: unknown) => (Array.isArray(v) ? v.map((a) => text(a).replace(/^Notice::ACTION_/, '').toLowerCase()).join(',') : text(v));

export function zeekRow(record: unknown, line: number, service: string): Mapped {
  if (!isObject(record)) throw new RecordError('a Zeek record must be a JSON object');
  const kind = kindOf(record);
  if (kind !== 'notice' && kind !== 'weird') return { skip: `zeek ${kind}` };
  const ns = parseTimestamp(record.ts);
  if (ns === null) throw new RecordError(`unreadable ts "${text(record.ts)}"`);
  const sourceIp = text(record.src) || text(record['id.orig_h']);
  const common = { timeMs: nsToMs(ns), sourceIp, service, eventId: contentEventId(record, line) };
  if (kind === 'notice') {
    const note = text(record.note);
    if (!note) throw new RecordError('a notice without "note"');
    return [
      {
        table: 'security',
        row: { ...common, ...ZEEK_NOTICE, eventType: note, description: [text(record.msg), text(record.sub)].filter(Boolean).join(' — '), actionTaken: actions(record.actions) || 'logged' },
      },
    ];
  }
  const name = text(record.name);
  if (!name) throw new RecordError('a weird record without "name"');
  return [{ table: 'security', row: { ...common, ...ZEEK_WEIRD, eventType: name, description: text(record.addl) || name, actionTaken: 'logged' } }];
}

export const zeek: FormatSpec = {
  name: 'zeek',
  reader: 'json',
  describe: "Zeek JSON logs: notice.log and weird.log (other logs' records are counted and skipped)",
  create: (ctx) => ({ map: (record, line) => zeekRow(record, line, ctx.service ?? 'zeek') }),
};
