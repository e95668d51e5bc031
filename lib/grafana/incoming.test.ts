import { describe, expect, it } from 'vitest';
import { rewriteGrafanaLink } from './incoming';

const now = Date.UTC(2026, 10, 21, 12);
const rewrite = (query: string) => rewriteGrafanaLink(new URLSearchParams(query), now)?.toString() ?? null;

describe('rewriteGrafanaLink', () => {
  it('leaves links without `time` alone', () => {
    expect(rewrite('from=now-6h&to=now')).toBeNull();
  });

  it('centres a window of time.window ms on time and puts the playhead there', () => {
    expect(rewrite('time=1500000000000&time.window=10000')).toBe('from=1499999995000&to=1500000005000&at=1500000000000');
  });

  it('reads ISO times and duration windows, and overrides from/to as Grafana does', () => {
    const out = new URLSearchParams(rewrite('from=now-1h&to=now&time=2017-07-14T02:40:00.000Z&time.window=10m&label=exchange:coinbase') ?? '');
    expect(Number(out.get('from'))).toBe(Date.UTC(2017, 6, 14, 2, 35));
    expect(Number(out.get('to'))).toBe(Date.UTC(2017, 6, 14, 2, 45));
    expect(Number(out.get('at'))).toBe(Date.UTC(2017, 6, 14, 2, 40));
    expect(out.get('label')).toBe('exchange:coinbase');
  });

  it('defaults the window to two minutes', () => {
    expect(rewrite('time=1500000000000')).toBe('from=1499999940000&to=1500000060000&at=1500000000000');
  });

  it('turns template variables into label filters, leaving "all values" out', () => {
    const out = new URLSearchParams(rewrite('from=1&to=2&var-exchange=coinbase&var-symbol=$__all&var-region=All&var-venue=a:b') ?? '');
    expect(out.getAll('label')).toEqual(['exchange:coinbase', 'venue:a:b']);
    expect([...out.keys()].some((k) => k.startsWith('var-'))).toBe(false);
    expect([out.get('from'), out.get('to')]).toEqual(['1', '2']);
  });

  it('drops a time it cannot read, so the page falls back to its defaults', () => {
    expect(rewrite('time=garbage&time.window=10000')).toBe('');
    expect(rewrite('time=1500000000000&time.window=-5')).toBe('');
  });
});
