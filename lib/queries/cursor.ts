/**
 * The security-events page cursor: an opaque base64url token holding the
 * last row's (timestamp, event_id), the keyset the next page continues below.
 */

export interface Cursor {
  ts: number;
  id: string;
}

const SHAPE = /^(\d{1,15}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.ts}:${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor in a token, or undefined when the token is not one of ours. */
export function decodeCursor(token: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(token)) return undefined;
  const match = SHAPE.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) return undefined;
  return { ts: Number(match[1]), id: match[2] as string };
}
