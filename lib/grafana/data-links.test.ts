import { describe, expect, it } from 'vitest';
import { fillGrafanaTemplate } from '@/test/grafana-data-links';
import { parseTime } from '@/lib/time/datemath';
import { comparisonFor, parseCompare } from '@/lib/url/compare';
import { grafanaDataLinks } from './data-links';
import { rewriteGrafanaLink } from './incoming';

const now = Date.UTC(2026, 10, 21, 12);
const clicked = Date.UTC(2026, 10, 21, 9, 30, 15);

/** What Flashback ends up showing for a filled link: the canonical params after the proxy's rewrite. */
function landing(template: string, values: Parameters<typeof fillGrafanaTemplate>[1]) {
  const url = new URL(fillGrafanaTemplate(template, values), 'http://flashback.test');
  const params = rewriteGrafanaLink(url.searchParams, now) ?? url.searchParams;
  const resolve = (key: string, roundUp = false) => {
    const raw = params.get(key);
    if (raw === null) return null;
    const parsed = parseTime(raw, { now, roundUp });
    return parsed.ok ? parsed.ms : NaN;
  };
  return { from: resolve('from'), to: resolve('to', true), at: resolve('at'), labels: params.getAll('label'), compare: params.get('compare') };
}

const template = (id: string) => grafanaDataLinks('exchange').find((link) => link.id === id)?.template ?? '';

describe('Grafana data-link templates', () => {
  it("opens the panel's time range, relative or absolute", () => {
    expect(landing(template('time-range'), { from: 'now-6h', to: 'now' })).toEqual({ from: now - 6 * 3_600_000, to: now, at: null, labels: [], compare: null });
    expect(landing(template('time-range'), { from: '1700000000000', to: '1700003600000' })).toMatchObject({ from: 1_700_000_000_000, to: 1_700_003_600_000 });
    expect(landing(template('time-range'), { from: 'now-1d/d', to: 'now-1d/d' })).toMatchObject({
      from: Date.UTC(2026, 10, 20),
      to: Date.UTC(2026, 10, 21) - 1,
    });
  });

  it('opens ten minutes centred on the clicked point with the playhead on it', () => {
    expect(landing(template('point'), { from: 'now-6h', to: 'now', valueTime: clicked })).toEqual({
      from: clicked - 300_000, to: clicked + 300_000, at: clicked, labels: [], compare: null,
    });
  });

  it("carries the series' label as a filter, however odd its value", () => {
    for (const exchange of ['coinbase', 'a:b&c=d', 'zürich 取引所']) {
      expect(landing(template('label-filter'), { from: 'now-6h', to: 'now', valueTime: clicked, labels: { exchange } })).toMatchObject({
        at: clicked,
        labels: [`exchange:${exchange}`],
      });
    }
  });

  it('carries compare mode: the window before, or the same minutes a day earlier', () => {
    const before = landing(template('compare-previous'), { from: 'now-6h', to: 'now' });
    expect(before).toMatchObject({ from: now - 6 * 3_600_000, to: now, compare: 'previous' });
    const spec = parseCompare(before.compare ?? '');
    expect(spec && comparisonFor({ from: now - 6 * 3_600_000, to: now }, spec).baseline).toEqual({ from: now - 12 * 3_600_000, to: now - 6 * 3_600_000 });

    const day = landing(template('compare-day'), { from: 'now-6h', to: 'now', valueTime: clicked });
    expect(day).toMatchObject({ from: clicked - 300_000, to: clicked + 300_000, at: clicked, compare: '-1d' });
    const shift = parseCompare(day.compare ?? '');
    expect(shift && comparisonFor({ from: clicked - 300_000, to: clicked + 300_000 }, shift).baseline).toEqual({
      from: clicked - 300_000 - 86_400_000,
      to: clicked + 300_000 - 86_400_000,
    });
  });
});
