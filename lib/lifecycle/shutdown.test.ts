import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { beginShutdown, SHUTTING_DOWN_MESSAGE } from './shutdown';

/**
 * Draining: once the process is asked to stop, a request still arriving on an
 * open connection is refused with a 503 that says why, on pages and API
 * routes alike (e2e/shutdown.spec.ts stops a real server).
 */
describe('while shutting down', () => {
  it('refuses every page and API route with a clear 503', async () => {
    expect(proxy(new NextRequest('http://flashback.test/api/series')).status).toBe(200);
    beginShutdown();
    for (const path of ['/', '/embed', '/api/series?metric=x', '/api/health']) {
      const res = proxy(new NextRequest(`http://flashback.test${path}`));
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message: SHUTTING_DOWN_MESSAGE } });
    }
  });
});
