import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { decideAccess, readAccessConfig } from './access';
import { IDENTITY_HEADER } from './identity';
import { hashPassword, verifyPassword } from './passwords';
import { PEER_HEADER } from './peer';

/** Access control: off by default, basic auth from hashed passwords, and a trusted sign-in proxy. */

const alice = hashPassword('correct horse');
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

afterEach(() => {
  for (const key of ['FLASHBACK_AUTH', 'FLASHBACK_USERS', 'FLASHBACK_TRUSTED_PROXIES', 'FLASHBACK_AUTH_PROXY_HEADER']) delete process.env[key];
});

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(`http://flashback.test${path}`, { headers });
}

/** The headers the route will see when the proxy lets the request through. */
function forwarded(res: Response): Headers {
  const names = res.headers.get('x-middleware-override-headers')?.split(',').filter(Boolean) ?? [];
  return new Headers(names.map((name): [string, string] => [name, res.headers.get(`x-middleware-request-${name}`) ?? '']));
}

describe('passwords', () => {
  it('verifies the password it hashed and nothing else; salts differ', () => {
    expect(verifyPassword('correct horse', alice)).toBe(true);
    expect(verifyPassword('correct horse ', alice)).toBe(false);
    expect(hashPassword('correct horse')).not.toBe(alice);
    expect(verifyPassword('x', 'scrypt$bad')).toBe(false);
  });
});

describe('access control', () => {
  it('is off by default: every page and route answers, no identity is passed on, a forged one is dropped', () => {
    for (const path of ['/', '/embed', '/api/series?metric=m']) {
      const res = proxy(request(path, { [IDENTITY_HEADER]: 'mallory' }));
      expect(res.status).toBe(200);
      expect(forwarded(res).get(IDENTITY_HEADER)).toBeNull();
    }
  });

  it('basic: asks for credentials on pages, /embed and API routes; lets the right password in and names the user', () => {
    process.env.FLASHBACK_AUTH = 'basic';
    process.env.FLASHBACK_USERS = `alice:${alice}, bob:${hashPassword('b')}`;
    for (const path of ['/', '/embed?only=latency', '/api/catalog']) {
      const anonymous = proxy(request(path));
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="Flashback"/);
      expect(proxy(request(path, { authorization: basic('alice', 'wrong') })).status).toBe(401);
      expect(proxy(request(path, { authorization: basic('carol', 'correct horse') })).status).toBe(401);
      const signedIn = proxy(request(path, { authorization: basic('alice', 'correct horse'), [IDENTITY_HEADER]: 'mallory' }));
      expect(signedIn.status).toBe(200);
      expect(forwarded(signedIn).get(IDENTITY_HEADER)).toBe('alice');
    }
  });

  it('leaves the health checks open for load balancers', () => {
    process.env.FLASHBACK_AUTH = 'basic';
    process.env.FLASHBACK_USERS = `alice:${alice}`;
    expect(proxy(request('/api/health')).status).toBe(200);
    expect(proxy(request('/api/health/live')).status).toBe(200);
  });

  it('proxy mode: believes the identity header only from a configured proxy address', () => {
    process.env.FLASHBACK_AUTH = 'proxy';
    process.env.FLASHBACK_TRUSTED_PROXIES = '10.0.0.5, ::1';
    const fromProxy = proxy(request('/api/catalog', { [PEER_HEADER]: '::ffff:10.0.0.5', 'x-forwarded-user': 'alice@example.com' }));
    expect(fromProxy.status).toBe(200);
    expect(forwarded(fromProxy).get(IDENTITY_HEADER)).toBe('alice@example.com');
    // The same header straight from a client (or via a spoofed X-Forwarded-For) is refused.
    expect(proxy(request('/api/catalog', { [PEER_HEADER]: '192.0.2.9', 'x-forwarded-user': 'alice@example.com', 'x-forwarded-for': '10.0.0.5' })).status).toBe(403);
    expect(proxy(request('/embed', { 'x-forwarded-user': 'alice@example.com' })).status).toBe(403);
    expect(proxy(request('/', { [PEER_HEADER]: '::1' })).status).toBe(401); // the proxy sent no user
  });

  it('refuses everything, saying so, when the settings are broken (never falls open)', () => {
    process.env.FLASHBACK_AUTH = 'basic';
    process.env.FLASHBACK_USERS = 'alice:plaintext';
    expect(() => readAccessConfig()).toThrow(/not name:scrypt/);
    const res = proxy(request('/'));
    expect(res.status).toBe(500);
    process.env.FLASHBACK_AUTH = 'proxy';
    expect(() => readAccessConfig()).toThrow(/FLASHBACK_TRUSTED_PROXIES/);
    process.env.FLASHBACK_AUTH = 'sometimes';
    expect(() => readAccessConfig()).toThrow(/not off, basic or proxy/);
  });

  it('decides from the configuration alone (no request state kept but verified passwords)', () => {
    const config = readAccessConfig({ FLASHBACK_AUTH: 'basic', FLASHBACK_USERS: `alice:${alice}` });
    const headers = new Headers({ authorization: basic('alice', 'correct horse') });
    expect(decideAccess(config, '/', headers, undefined)).toEqual({ ok: true, identity: 'alice' });
    expect(decideAccess(config, '/', headers, undefined)).toEqual({ ok: true, identity: 'alice' });
  });
});
