import { NextResponse, type NextRequest } from 'next/server';
import { rewriteGrafanaLink } from '@/lib/grafana/incoming';
import { contentSecurityPolicy } from '@/lib/security/frame-ancestors';

/**
 * Runs before every page: turns Grafana's `time`/`time.window` and
 * `var-<label>` links into Flashback's canonical `from`/`to`/`at`/`label` (one redirect, so the address bar
 * holds a link that reopens the same view), and sets who may frame the page.
 */
export function proxy(request: NextRequest) {
  const canonical = rewriteGrafanaLink(request.nextUrl.searchParams, Date.now());
  if (canonical) {
    const url = request.nextUrl.clone();
    url.search = canonical.toString();
    return NextResponse.redirect(url, 307);
  }
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', policyFor(request.nextUrl.pathname));
  return response;
}

/** A malformed FLASHBACK_FRAME_ANCESTORS must not take pages down: log it and allow only the same origin. */
function policyFor(pathname: string): string {
  try {
    return contentSecurityPolicy(pathname, process.env.FLASHBACK_FRAME_ANCESTORS);
  } catch (error) {
    console.error(`[flashback] ${(error as Error).message}; falling back to frame-ancestors 'self'`);
    return "frame-ancestors 'self'";
  }
}

export const config = {
  // Pages only: API routes, static files and Next's own assets pass straight through.
  matcher: ['/((?!api/|_next/|favicon|icon|.*\\.(?:svg|png|ico|txt)$).*)'],
};
