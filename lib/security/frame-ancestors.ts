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

/**
 * A page's whole policy: everything from this origin only (the API is same-origin;
 * no third-party script, font or beacon), inline script and style allowed because
 * Next.js inlines its bootstrap and the theme script, ECharts sets inline styles;
 * `next dev` also needs eval for React's debugging. Then who may frame it.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** API answers are data: nothing in them may load or frame anything. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function framePolicy(pathname: string, env: string | undefined): string {
  const isEmbed = pathname === '/embed' || pathname.startsWith('/embed/');
  return `frame-ancestors ${isEmbed ? embedFrameAncestors(env) : "'self'"}`;
}

export function contentSecurityPolicy(pathname: string, env: string | undefined): string {
  return `${PAGE_POLICY}; ${framePolicy(pathname, env)}`;
}
