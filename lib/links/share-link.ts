import { isRelativeTime, parseTime } from '@/lib/time/datemath';
import { withParams } from './query';

/**
 * The link "Copy link" puts on the clipboard. By default a relative window
 * (`now-1h`) is pinned to the absolute epoch-ms times it means right now, so
 * the link shows the same data tomorrow; `keepRelative` keeps it moving. The
 * playhead is always pinned. Everything else in the query string is kept as
 * is (the URL state already leaves defaults out, which keeps links short).
 */

export interface ShareOptions {
  /** The view's clock reading: the instant its relative times were resolved at. */
  now: number;
  /** The zone `now/d`-style rounding uses (the view's zone). */
  tz: string;
  keepRelative: boolean;
  /** The window a link without `from`/`to` shows (the URL leaves defaults out). */
  defaultWindow: { from: string; to: string };
}

const PINNED: readonly { key: string; roundUp: boolean }[] = [
  { key: 'from', roundUp: false },
  { key: 'to', roundUp: true },
  { key: 'at', roundUp: false },
];

/** The pinned values: epoch ms for each relative time the link must not keep. */
export function pinnedTimes(params: URLSearchParams, options: ShareOptions): Record<string, string> {
  const pinned: Record<string, string> = {};
  for (const { key, roundUp } of PINNED) {
    const given = params.get(key);
    const value = given ?? (key === 'at' ? null : options.defaultWindow[key as 'from' | 'to']);
    if (value === null) continue;
    if (!isRelativeTime(value)) {
      // An absolute default (the data's last day, when the data ends before now-24h) is written out.
      if (given === null) pinned[key] = value;
      continue;
    }
    if (options.keepRelative && key !== 'at') continue;
    const parsed = parseTime(value, { now: options.now, roundUp, tz: options.tz });
    if (parsed.ok) pinned[key] = String(parsed.ms);
  }
  return pinned;
}

/** The absolute link for the current page (other parameters kept as written). */
export function shareUrl(href: string, options: ShareOptions): string {
  const url = new URL(href);
  url.search = withParams(url.search, pinnedTimes(url.searchParams, options));
  return url.toString();
}

/** The embed's frame height in the snippet: room for two metric panels and the lanes. */
const EMBED_HEIGHT = 400;

/**
 * The `<iframe>` snippet for `/embed` at the state of a share link (its query
 * string kept as written, so compare mode, panels and filters come along),
 * escaped for an HTML attribute.
 */
export function embedSnippet(link: string): string {
  const url = new URL(link);
  url.pathname = '/embed';
  const src = url.toString().replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<iframe src="${src}" width="100%" height="${EMBED_HEIGHT}" frameborder="0"></iframe>`;
}
