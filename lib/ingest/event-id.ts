import { createHash } from 'node:crypto';

/**
 * A security event's identity derived from its content and its place in the
 * file, shaped as a UUID (the column's type): the same file imported twice
 * yields the same ids, and two identical alerts on different lines stay two.
 */
export function contentEventId(record: unknown, line: number): string {
  const h = createHash('sha1').update(JSON.stringify(record)).update(`#${line}`).digest('hex');
  // Version 5 / RFC 4122 variant bits, so the value is a well-formed name-based UUID.
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
