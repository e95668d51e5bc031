import { isZeekRecord } from './formats/zeek';
import { isObject, type FormatName } from './types';

/**
 * Which format a file is, from its first bytes (and its name only where the
 * content cannot tell: protobuf has no signature). Looks at the first JSON
 * record's keys, the first exposition line or the CSV header.
 */

/** The first complete JSON value of the head, or of its first line/element. */
function firstRecord(head: string): unknown {
  const text = head.trimStart();
  const firstLine = text.split('\n', 1)[0] ?? '';
  for (const candidate of [firstLine, text]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next candidate
    }
  }
  // An array or document cut off by the head: its first element alone.
  const open = text.startsWith('[') ? 1 : text.indexOf('[');
  if (open < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        const element = JSON.parse(text.slice(text.indexOf('{', open), i + 1));
        return text.startsWith('[') ? [element] : { [/"(\w+)"\s*:\s*\[/.exec(text)?.[1] ?? '']: [element] };
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function jsonFormat(record: unknown): FormatName | null {
  const first = Array.isArray(record) ? record[0] : record;
  if (!isObject(first)) return null;
  if ('resourceSpans' in first) return 'otlp-json';
  if (Array.isArray(first.data) && isObject(first.data[0]) && 'spans' in first.data[0]) return 'jaeger';
  if ('traceID' in first && 'spans' in first) return 'jaeger';
  if (typeof first.traceId === 'string' && typeof first.id === 'string') return 'zipkin';
  if (typeof first.event_type === 'string' && 'timestamp' in first) return 'suricata';
  if (isZeekRecord(first)) return 'zeek';
  return 'jsonl';
}

const EXPOSITION = /^(# (HELP|TYPE|UNIT|EOF)\b|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})?\s+[-+0-9.eEaINnf]+(\s+\d+(\.\d+)?)?\s*$)/;

export function detectFormat(head: Buffer, fileName: string): FormatName | null {
  if (/\.(pb|binpb|proto|protobuf)$/i.test(fileName)) return 'otlp-proto';
  // Text formats are UTF-8 without NUL bytes; a binary file is OTLP/protobuf if it starts like one.
  if (head.includes(0)) return head[0] === 0x0a ? 'otlp-proto' : null;
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return jsonFormat(firstRecord(start));
  const firstLine = start.split('\n', 1)[0]?.trim() ?? '';
  if (EXPOSITION.test(firstLine)) return 'prometheus';
  if (firstLine.includes(',') && !firstLine.startsWith('#')) return 'csv';
  return null;
}
