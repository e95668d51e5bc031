/**
 * Prints a FLASHBACK_USERS entry for a user: `npm run auth:hash -- alice`
 * then type the password (read from stdin, so it stays out of shell history).
 */
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '@/lib/security/passwords';

const name = process.argv[2];
if (!name || !/^[\w.@-]+$/.test(name)) {
  console.error('usage: npm run auth:hash -- <user name>   (letters, digits, . _ @ -), then the password on stdin');
  process.exit(2);
}
const rl = createInterface({ input: process.stdin });
const password = (await rl[Symbol.asyncIterator]().next()).value as string | undefined;
rl.close();
if (!password) {
  console.error('no password given on stdin');
  process.exit(2);
}
console.log(`${name}:${hashPassword(password)}`);
