import { NextResponse, type NextRequest } from 'next/server';
import { rewriteGrafanaLink } from '@/lib/grafana/incoming';
import { SHUTTING_DOWN_MESSAGE, shuttingDown } from '@/lib/lifecycle/shutdown';
import { decideAccess, readAccessConfig, type AccessConfig } from '@/lib/security/access';
import { contentSecurityPolicy } from '@/lib/security/frame-ancestors';
import { IDENTITY_HEADER } from '@/lib/security/identity';
import { PEER_HEADER } from '@/lib/security/peer';

/**
 * Runs before every page and API route: refuses requests while the process
 * shuts down, decides access (lib/security/access.ts;
 * off by default), passes the signed-in identity on to the route (and from
 * there to each query's log_comment), turns Grafana's `time`/`time.window`
 * and `var-<label>` links into Flashback's canonical `from`/`to`/`at`/`label`
 * (one redirect), and sets
 * each page's Content-Security-Policy (who may frame it).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Draining after SIGTERM: a request on a connection still open is refused, saying why (lib/lifecycle/shutdown.ts).
  if (shuttingDown()) return NextResponse.json({ error: { code: 'unavailable', message: SHUTTING_DOWN_MESSAGE } }, { status: 503, headers: { 'Cache-Control': 'no-store', Connection: 'close' } });
  const access = accessConfig();
  if (!access.ok) return NextResponse.json({ error: { code: 'internal', message: access.message } }, { status: 500 });
  const decision = decideAccess(access.config, pathname, request.headers, request.headers.get(PEER_HEADER) ?? undefined);
  if (!decision.ok) {
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (decision.challenge) headers['WWW-Authenticate'] = decision.challenge;
    const code = decision.status === 403 ? 'forbidden' : 'unauthorized';
    return NextResponse.json({ error: { code, message: decision.message } }, { status: decision.status, headers });
  }
  // The route trusts only what is set here: a client's own identity header is replaced or dropped.
  const forwarded = new Headers(request.headers);
  forwarded.delete(IDENTITY_HEADER);
  if (decision.identity) forwarded.set(IDENTITY_HEADER, decision.identity);

  if (pathname.startsWith('/api/')) return NextResponse.next({ request: { headers: forwarded } });
  const canonical = rewriteGrafanaLink(request.nextUrl.searchParams, Date.now());
  if (canonical) {
    const url = request.nextUrl.clone();
    url.search = canonical.toString();
    return NextResponse.redirect(url, 307);
  }
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set('Content-Security-Policy', policyFor(pathname));
  return response;
}

/** A broken access setting must not open the app: every request is refused, saying why. */
function accessConfig(): { ok: true; config: AccessConfig } | { ok: false; message: string } {
  try {
    return { ok: true, config: readAccessConfig() };
  } catch (error) {
    console.error(`[flashback] ${(error as Error).message}`);
    return { ok: false, message: 'Access control is misconfigured (FLASHBACK_AUTH and related settings); the server log says why.' };
  }
}

/** A malformed FLASHBACK_FRAME_ANCESTORS must not take pages down: log it and allow only the same origin. */
function policyFor(pathname: string): string {
  try {
    return contentSecurityPolicy(pathname, process.env.FLASHBACK_FRAME_ANCESTORS);
  } catch (error) {
    console.error(`[flashback] ${(error as Error).message}; falling back to frame-ancestors 'self'`);
    return contentSecurityPolicy(pathname, "'self'");
  }
}

export const config = {
  // Everything but Next's static build output (no data in it).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
