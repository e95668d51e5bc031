/**
 * Who may put Flashback in an iframe. The chrome-less `/embed` view allows the
 * origins in FLASHBACK_FRAME_ANCESTORS (space-separated, e.g.
 * `https://grafana.example.com`; default: same origin only); every other page
 * may be framed only by Flashback itself.
 */

const SOURCE = /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?|\*)$/;

export function embedFrameAncestors(env: string | undefined): string {
  const sources = (env ?? '').split(/\s+/).filter(Boolean);
  if (sources.length === 0) return "'self'";
  const bad = sources.find((s) => !SOURCE.test(s));
  if (bad) throw new Error(`FLASHBACK_FRAME_ANCESTORS: "${bad}" is not a CSP source (use origins like https://grafana.example.com, 'self' or 'none')`);
  return sources.join(' ');
}

export function contentSecurityPolicy(pathname: string, env: string | undefined): string {
  const isEmbed = pathname === '/embed' || pathname.startsWith('/embed/');
  return `frame-ancestors ${isEmbed ? embedFrameAncestors(env) : "'self'"}`;
}
