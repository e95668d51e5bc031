import { createLoader } from 'nuqs';
import { describe, expect, it } from 'vitest';
import { viewParsers } from '@/lib/url/view-state';
import { MAX_BUCKETS, MAX_WINDOW_MS, placeOf, resolveAt, resolveView } from './resolve';

// A fixed clock: 2026-01-15 12:00:00 UTC.
const NOW = Date.UTC(2026, 0, 15, 12);
const HOUR = 3_600_000;
const load = createLoader(viewParsers);

/** The window parameters a query string gives (as the provider gets them from nuqs). */
function params(query: string) {
  const { at, ...rest } = load(new URLSearchParams(query));
  return { at, window: rest };
}

describe('resolveView', () => {
  it('resolves a relative window against the clock it is given', () => {
    const view = resolveView(params('from=now-6h&to=now').window, NOW);
    expect([view.from, view.to]).toEqual([NOW - 6 * HOUR, NOW]);
    expect(view.relative).toBe(true);
    expect(view.problems).toEqual([]);
  });

  it('keeps absolute windows as they are and picks one bucket step for every panel', () => {
    const from = NOW - 2 * HOUR;
    const view = resolveView(params(`from=${from}&to=${NOW}`).window, NOW);
    expect([view.from, view.to, view.relative]).toEqual([from, NOW, false]);
    // 2 h at ≤ 900 buckets: 10 s is the smallest ladder step (720 buckets; 5 s would be 1440).
    expect(view.step).toBe(10_000);
    expect((view.to - view.from) / view.step).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('shows the panels chosen from the catalog only while the URL names none, with the view-wide label filters', () => {
    const chosen = [{ metric: 'http_request_duration_seconds', aggs: ['p99' as const], filters: [] }];
    const defaults = resolveView(params('label=instance:web-1').window, NOW, { defaultPanels: chosen });
    expect(defaults.params.panel).toEqual([]);
    expect(defaults.panelSpecs).toEqual(chosen);
    expect(defaults.panels).toEqual([{ ...chosen[0], filters: [{ key: 'instance', value: 'web-1' }] }]);
    const named = resolveView(params('panel=queue_depth;avg').window, NOW, { defaultPanels: chosen });
    expect(named.panelSpecs).toEqual([{ metric: 'queue_depth', aggs: ['avg'], filters: [] }]);
  });

  it('falls back to the default window, with a problem, when from is not before to', () => {
    const view = resolveView(params(`from=${NOW}&to=${NOW - HOUR}`).window, NOW);
    expect([view.from, view.to]).toEqual([NOW - 24 * HOUR, NOW]);
    expect(view.problems).toHaveLength(1);
  });

  it('clamps a window over the limit to its last part, and says so', () => {
    const from = NOW - MAX_WINDOW_MS - 30 * 86_400_000;
    const view = resolveView(params(`from=${from}&to=${NOW}`).window, NOW);
    expect(view.to).toBe(NOW);
    expect(view.from).toBe(NOW - MAX_WINDOW_MS);
    expect(view.problems.join()).toMatch(/at most 400d/);
  });

  it('merges view-wide label filters into each panel; a panel’s own filter on the key wins', () => {
    const view = resolveView(params('panel=m1;avg;region:eu&panel=m2;avg&label=region:us&label=exchange:coinbase').window, NOW);
    expect(view.panels.map((p) => p.filters)).toEqual([
      [
        { key: 'region', value: 'eu' },
        { key: 'exchange', value: 'coinbase' },
      ],
      [
        { key: 'region', value: 'us' },
        { key: 'exchange', value: 'coinbase' },
      ],
    ]);
  });

  it('opens a link naming no window on the data’s last day when the data ends before now-24h, and says so', () => {
    const dataEnd = NOW - 30 * 86_400_000 + 12_345;
    const view = resolveView(params('').window, NOW, { dataEnd });
    const end = Math.ceil((dataEnd + 1) / 60_000) * 60_000;
    expect([view.from, view.to, view.relative]).toEqual([end - 24 * HOUR, end, false]);
    expect(view.notices.join()).toMatch(/data ends at .* showing its last 24 hours/);
    expect(view.problems).toEqual([]);
  });

  it('keeps the last 24 hours when the data reaches into them, or when the link asks for them', () => {
    const recent = resolveView(params('').window, NOW, { dataEnd: NOW - HOUR });
    expect([recent.from, recent.to, recent.notices]).toEqual([NOW - 24 * HOUR, NOW, []]);
    const asked = resolveView(params('from=now-24h').window, NOW, { dataEnd: NOW - 30 * 86_400_000 });
    expect([asked.from, asked.to, asked.relative]).toEqual([NOW - 24 * HOUR, NOW, true]);
  });

  it('defaults the playhead to the last bucket of the window', () => {
    const view = resolveView(params('from=now-6h&to=now').window, NOW);
    expect(view.defaultAt).toBe(Math.floor((NOW - 1) / view.step) * view.step);
    expect(view.defaultAt).toBeGreaterThanOrEqual(view.from);
    expect(view.defaultAt).toBeLessThan(view.to);
  });
});

describe('resolveAt', () => {
  const absolute = resolveView(params(`from=${NOW - 2 * HOUR}&to=${NOW - HOUR}`).window, NOW);

  it('takes the URL’s playhead inside the window', () => {
    const at = NOW - 90 * 60_000;
    expect(resolveAt(String(at), absolute, NOW)).toEqual({ at, source: 'url', place: 'inside' });
  });

  it('keeps a playhead outside the window where it was put, and says on which side', () => {
    const before = NOW - 3 * HOUR;
    const after = NOW - 30 * 60_000;
    expect(resolveAt(String(before), absolute, NOW)).toEqual({ at: before, source: 'url', place: 'before' });
    expect(resolveAt(String(after), absolute, NOW)).toEqual({ at: after, source: 'url', place: 'after' });
  });

  it('keeps a pinned playhead that a relative window has moved past', () => {
    // The link was made at NOW with the playhead 10 min back; it is opened 2 h later.
    const pinned = NOW - 10 * 60_000;
    const later = NOW + 2 * HOUR;
    const { window, at } = params(`from=now-1h&to=now&at=${pinned}`);
    const view = resolveView(window, later);
    expect(view.from).toBe(later - HOUR);
    expect(resolveAt(at, view, later)).toEqual({ at: pinned, source: 'url', place: 'before' });
  });

  it('uses the fallback when the URL names no playhead or a malformed one', () => {
    expect(resolveAt(null, absolute, NOW)).toEqual({ at: absolute.defaultAt, source: 'default', place: 'inside' });
    const notable = NOW - 100 * 60_000;
    expect(resolveAt(null, absolute, NOW, notable)).toEqual({ at: notable, source: 'default', place: 'inside' });
  });

  it('reads relative playheads against the same clock as the window', () => {
    expect(resolveAt('now-90m', absolute, NOW).at).toBe(NOW - 90 * 60_000);
  });

  it('places the window’s end outside it (half-open)', () => {
    expect(placeOf(absolute.to, absolute)).toBe('after');
    expect(placeOf(absolute.to - 1, absolute)).toBe('inside');
    expect(placeOf(absolute.from, absolute)).toBe('inside');
  });
});
