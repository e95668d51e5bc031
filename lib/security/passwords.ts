import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes for FLASHBACK_USERS: `scrypt$N$r$p$salt$hash` (salt and
 * hash base64url). scrypt is memory-hard, so a leaked list is slow to guess.
 */

const PARAMS = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;

export function hashPassword(password: string, salt = randomBytes(16)): string {
  const hash = scryptSync(password, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** True when `password` matches `stored`; false for a wrong one or a malformed hash. */
export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  if (![N, r, p].every(Number.isInteger) || expected.length === 0) return false;
  try {
    const actual = scryptSync(password, salt, expected.length, { N, r, p, maxmem: 256 * N * r });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
