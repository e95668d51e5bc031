import { describe, expect, it } from 'vitest';
import { embedSnippet, shareUrl } from './share-link';

const now = Date.UTC(2026, 10, 21, 14, 37, 25, 500);
const pinned = { now, tz: 'UTC', keepRelative: false, defaultWindow: { from: 'now-6h', to: 'now' } };

describe('shareUrl', () => {
  it('pins a relative window and playhead to the epoch ms they mean now', () => {
    const url = new URL(shareUrl('http://fb.test/?from=now-1h&to=now&at=now-30m&panel=pnl_usd%3Bsum', pinned));
    expect(url.searchParams.get('from')).toBe(String(now - 3_600_000));
    expect(url.searchParams.get('to')).toBe(String(now));
    expect(url.searchParams.get('at')).toBe(String(now - 1_800_000));
    expect(url.searchParams.get('panel')).toBe('pnl_usd;sum');
  });

  it('rounds day windows in the view zone, up to the last millisecond for to', () => {
    const url = new URL(shareUrl('http://fb.test/?from=now-1d/d&to=now-1d/d', { ...pinned, tz: 'America/New_York' }));
    expect(url.searchParams.get('from')).toBe(String(Date.UTC(2026, 10, 20, 5)));
    expect(url.searchParams.get('to')).toBe(String(Date.UTC(2026, 10, 21, 5) - 1));
  });

  it('keeps the window relative on request, but never the playhead', () => {
    const url = new URL(shareUrl('http://fb.test/?from=now-1h&to=now&at=now-5m', { ...pinned, keepRelative: true }));
    expect(url.searchParams.get('from')).toBe('now-1h');
    expect(url.searchParams.get('to')).toBe('now');
    expect(url.searchParams.get('at')).toBe(String(now - 300_000));
  });

  it('keeps the other parameters as written, so the link stays short and readable', () => {
    expect(shareUrl('http://fb.test/?from=now-1h&panel=order_latency_ms;p99;@exchange&label=exchange:coinbase', pinned)).toBe(
      `http://fb.test/?from=${now - 3_600_000}&panel=order_latency_ms;p99;@exchange&label=exchange:coinbase&to=${now}`,
    );
  });

  it('leaves absolute links untouched', () => {
    expect(shareUrl('http://fb.test/?from=1700000000000&to=1700003600000', pinned)).toBe('http://fb.test/?from=1700000000000&to=1700003600000');
  });

  it('pins the default window when the link has none, so it still shows the same data later', () => {
    expect(shareUrl('http://fb.test/', pinned)).toBe(`http://fb.test/?from=${now - 6 * 3_600_000}&to=${now}`);
    expect(shareUrl('http://fb.test/', { ...pinned, keepRelative: true })).toBe('http://fb.test/');
  });
});

describe('embedSnippet', () => {
  it('frames /embed at the same state, compare mode included, escaped for the attribute', () => {
    const link = shareUrl('http://fb.test/?from=now-1h&to=now&compare=-1d&label=exchange:a%22b', pinned);
    const snippet = embedSnippet(link);
    const src = /^<iframe src="([^"]+)" width="100%" height="\d+" frameborder="0"><\/iframe>$/.exec(snippet)?.[1] ?? '';
    const url = new URL(src.replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
    expect(url.pathname).toBe('/embed');
    expect(url.searchParams.get('compare')).toBe('-1d');
    expect(url.searchParams.get('from')).toBe(String(now - 3_600_000));
    expect(url.searchParams.get('label')).toBe('exchange:a"b');
    expect(src).not.toMatch(/&(?!amp;|quot;)/);
  });
});
