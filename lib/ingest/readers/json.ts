import type { RawRecord } from './records';

/**
 * JSON records from a stream, in constant memory whatever the file's size:
 * - JSON Lines (one value a line: EVE, OTLP file exporter, Zeek) are parsed
 *   line by line;
 * - a top-level array (Zipkin, EVE arrays) yields its elements;
 * - a top-level object (a Jaeger download, one OTLP document) yields the
 *   elements of its array-valued members, each wrapped as `{ member: [element] }`
 *   so mappers always see the document's shape.
 * Only one element is held at a time. Each record carries the line it starts on.
 */

const LF = 10;

async function* chunks(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

function parse(text: string, line: number): RawRecord {
  try {
    return { line, value: JSON.parse(text) };
  } catch (error) {
    return { line, error: `invalid JSON: ${(error as Error).message}` };
  }
}

async function* lines(first: string, rest: AsyncGenerator<string>): AsyncGenerator<RawRecord> {
  let carry = first;
  let line = 1;
  const emit = function* (text: string): Generator<RawRecord> {
    const trimmed = text.trim();
    if (trimmed !== '') yield parse(trimmed, line);
    line += 1;
  };
  for (;;) {
    let start = 0;
    for (let nl = carry.indexOf('\n'); nl >= 0; nl = carry.indexOf('\n', start)) {
      yield* emit(carry.slice(start, nl));
      start = nl + 1;
    }
    carry = carry.slice(start);
    const next = await rest.next();
    if (next.done) break;
    carry += next.value;
  }
  yield* emit(carry);
}

/** The element splitter for documents: tracks strings and depth, cuts out each record's text. */
async function* elements(first: string, rest: AsyncGenerator<string>): AsyncGenerator<RawRecord> {
  let text = first;
  let i = 0;
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  let root = 0; // '[' or '{' char code
  let recordDepth = 0; // depth at which records start
  let recordStart = -1;
  let recordLine = 0;
  let stringStart = 0;
  let lastString = '';
  let member = '';
  let inMemberArray = false;
  for (;;) {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) {
          inString = false;
          if (recordStart < 0 && depth === 1) lastString = text.slice(stringStart, i);
        }
        continue;
      }
      if (c === LF) line++;
      else if (c === 34) {
        inString = true;
        stringStart = i + 1;
      } else if (c === 123 || c === 91) {
        if (depth === 0) {
          root = c;
          recordDepth = c === 91 ? 1 : 2;
        } else if (root === 123 && depth === 1 && recordStart < 0) {
          inMemberArray = c === 91;
          member = lastString;
        } else if (depth === recordDepth && recordStart < 0 && (root === 91 || inMemberArray)) {
          recordStart = i;
          recordLine = line;
        }
        depth++;
      } else if (c === 125 || c === 93) {
        depth--;
        if (depth === recordDepth && recordStart >= 0) {
          const record = parse(text.slice(recordStart, i + 1), recordLine);
          yield root === 123 && record.error === undefined ? { line: record.line, value: { [member]: [record.value] } } : record;
          recordStart = -1;
        } else if (depth === 1 && root === 123) inMemberArray = false;
        if (depth < 0) {
          yield { line, error: 'unbalanced closing bracket' };
          return;
        }
      } else if (depth === recordDepth && recordStart < 0 && (root === 91 || inMemberArray) && c > 32 && c !== 44) {
        yield { line, error: `an element of the array is not an object (found "${text[i]}")` };
      }
    }
    // Keep only the open record's text (or nothing) across chunks.
    let keepFrom = recordStart >= 0 ? recordStart : text.length;
    if (inString && recordStart < 0) keepFrom = Math.min(keepFrom, stringStart);
    text = text.slice(keepFrom);
    i -= keepFrom;
    if (recordStart >= 0) recordStart -= keepFrom;
    stringStart -= keepFrom;
    const next = await rest.next();
    if (next.done) break;
    text += next.value;
  }
  if (depth !== 0 || inString) yield { line: recordStart >= 0 ? recordLine : line, error: 'the file ends inside a JSON value (truncated?)' };
}

/** Whether the first line is a JSON value on its own (then the file is JSON Lines). */
function firstLineIsWhole(head: string): boolean {
  const nl = head.indexOf('\n');
  try {
    JSON.parse(nl < 0 ? head : head.slice(0, nl));
    return true;
  } catch {
    return false;
  }
}

export async function* readJson(stream: AsyncIterable<Buffer | string>): AsyncGenerator<RawRecord> {
  const source = chunks(stream);
  let head = '';
  // Enough to see the first line or the document's opening.
  while (head.length < 1 << 16 && !head.includes('\n')) {
    const next = await source.next();
    if (next.done) break;
    head += next.value;
  }
  head = head.replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (start.startsWith('[') || (start.startsWith('{') && !firstLineIsWhole(start))) yield* elements(head, source);
  else yield* lines(head, source);
}
