import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { verifyPassword } from './passwords';

/**
 * Who may use Flashback. Off by default (local use). For production:
 *
 * - `FLASHBACK_AUTH=basic`: HTTP basic auth against FLASHBACK_USERS, entries
 *   `name:scrypt$…` (from `npm run auth:hash`) separated by commas or spaces.
 * - `FLASHBACK_AUTH=proxy`: an auth proxy (oauth2-proxy, …) in front names
 *   the user in a header (FLASHBACK_AUTH_PROXY_HEADER, default
 *   `X-Forwarded-User`), believed only from FLASHBACK_TRUSTED_PROXIES (IP
 *   addresses): anyone else could send that header too.
 *
 * Health checks stay open so that load balancers need no credentials.
 */

export type AccessConfig =
  | { mode: 'off' }
  | { mode: 'basic'; users: Map<string, string> }
  | { mode: 'proxy'; header: string; trusted: Set<string> };

export type AccessDecision = { ok: true; identity?: string } | { ok: false; status: 401 | 403 | 500; message: string; challenge?: string };

export const OPEN_PATHS = new Set(['/api/health', '/api/health/live']);

export function readAccessConfig(env: Record<string, string | undefined> = process.env): AccessConfig {
  const mode = (env.FLASHBACK_AUTH ?? 'off').trim() || 'off';
  if (mode === 'off') return { mode };
  if (mode === 'basic') {
    const users = new Map<string, string>();
    for (const entry of (env.FLASHBACK_USERS ?? '').split(/[\s,]+/).filter(Boolean)) {
      const colon = entry.indexOf(':');
      if (colon <= 0 || !entry.slice(colon + 1).startsWith('scrypt$')) throw new Error(`FLASHBACK_USERS: "${entry.slice(0, 20)}…" is not name:scrypt$… (make one with npm run auth:hash)`);
      users.set(entry.slice(0, colon), entry.slice(colon + 1));
    }
    if (users.size === 0) throw new Error('FLASHBACK_AUTH=basic needs FLASHBACK_USERS (name:scrypt$… entries)');
    return { mode, users };
  }
  if (mode === 'proxy') {
    const trusted = new Set((env.FLASHBACK_TRUSTED_PROXIES ?? '').split(/[\s,]+/).filter(Boolean).map(normalizeAddress));
    const bad = [...trusted].find((a) => isIP(a) === 0);
    if (bad !== undefined) throw new Error(`FLASHBACK_TRUSTED_PROXIES: "${bad}" is not an IP address`);
    if (trusted.size === 0) throw new Error('FLASHBACK_AUTH=proxy needs FLASHBACK_TRUSTED_PROXIES (the auth proxy\'s addresses)');
    return { mode, header: (env.FLASHBACK_AUTH_PROXY_HEADER ?? 'x-forwarded-user').toLowerCase(), trusted };
  }
  throw new Error(`FLASHBACK_AUTH="${mode}" is not off, basic or proxy`);
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Verified basic-auth pairs (by digest, never the password), so scrypt runs once per user and password, not per request. */
const verified = new Map<string, string>();

function checkBasic(users: Map<string, string>, authorization: string | null): AccessDecision {
  const challenge = 'Basic realm="Flashback", charset="UTF-8"';
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!match) return { ok: false, status: 401, message: 'Sign in to use Flashback.', challenge };
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const name = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const stored = users.get(name);
  const digest = createHash('sha256').update(`${name}\0${password}\0${stored ?? ''}`).digest('base64');
  if (stored !== undefined && (verified.get(digest) === name || verifyPassword(password, stored))) {
    if (verified.size > 1_000) verified.clear();
    verified.set(digest, name);
    return { ok: true, identity: name };
  }
  return { ok: false, status: 401, message: 'The user name or password is wrong.', challenge };
}

/** The decision for one request; `peer` is the connecting address (see instrumentation.ts). */
export function decideAccess(config: AccessConfig, pathname: string, headers: Headers, peer: string | undefined): AccessDecision {
  if (config.mode === 'off' || OPEN_PATHS.has(pathname)) return { ok: true };
  if (config.mode === 'basic') return checkBasic(config.users, headers.get('authorization'));
  if (peer === undefined || !config.trusted.has(normalizeAddress(peer))) {
    return { ok: false, status: 403, message: 'Flashback is only reachable through its sign-in proxy.' };
  }
  const identity = headers.get(config.header)?.trim();
  if (!identity) return { ok: false, status: 401, message: `The sign-in proxy sent no ${config.header} header.` };
  return { ok: true, identity };
}
