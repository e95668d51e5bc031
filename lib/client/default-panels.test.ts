import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseDefaultPanels } from './default-panels';

const catalog = (entries: [name: string, rows: number][]) => entries.map(([name, rows]) => ({ name, services: ['svc'], rows }));

describe('the default panels, chosen from the catalog', () => {
  it('picks the latency and PnL metrics of data named like the demo, as today', () => {
    const demo = catalog([
      ['cpu_utilization', 900],
      ['exchange_connected', 400],
      ['fill_rate', 800],
      ['margin_utilization', 300],
      ['order_latency_ms', 700],
      ['order_rate', 800],
      ['pnl_usd', 200],
      ['reject_rate', 800],
    ]);
    expect(chooseDefaultPanels(demo)).toEqual([
      { metric: 'order_latency_ms', aggs: ['p50', 'p95', 'p99'], filters: [] },
      { metric: 'pnl_usd', aggs: ['last'], filters: [] },
    ]);
  });

  it('prefers the busiest latency-like metric and fills up with the busiest others', () => {
    const web = catalog([
      ['go_goroutines', 50],
      ['http_request_duration_seconds', 300],
      ['http_requests_total', 900],
      ['process_cpu_seconds_total', 1000],
      ['rpc_latency', 100],
    ]);
    expect(chooseDefaultPanels(web, 3)).toEqual([
      { metric: 'http_request_duration_seconds', aggs: ['p50', 'p95', 'p99'], filters: [] },
      // A counter of seconds is not a latency.
      { metric: 'process_cpu_seconds_total', aggs: ['avg'], filters: [] },
      { metric: 'http_requests_total', aggs: ['avg'], filters: [] },
    ]);
  });

  it('takes the busiest metrics when none is named like a latency or PnL', () => {
    expect(chooseDefaultPanels(catalog([['a', 1], ['b', 3], ['c', 2]]))).toEqual([
      { metric: 'b', aggs: ['avg'], filters: [] },
      { metric: 'c', aggs: ['avg'], filters: [] },
    ]);
    expect(chooseDefaultPanels([])).toEqual([]);
  });

  const word = fc.stringMatching(/^[a-z]{1,6}$/);
  const suffix = fc.constantFrom('', '_seconds', '_ms', '_latency', '_duration_seconds', '_total', '_pnl', '_bytes', '_ratio', '_seconds_total');
  const name = fc.tuple(word, suffix).map(([w, s]) => w + s);
  // Distinct names, as the catalog groups by name (a repeated name with two counts was a catalog that cannot be).
  const metrics = fc.uniqueArray(fc.tuple(name, fc.nat(10_000)), { maxLength: 30, selector: ([n]) => n }).map(catalog);
  // Independent of the chooser's patterns: the names the generator made latency-like.
  const latencyLike = (n: string) => /(_seconds|_ms|_latency|_duration_seconds)$/.test(n);

  it('returns at most N distinct panels, each naming a catalog metric, a latency-like one first when there is one', () => {
    fc.assert(
      fc.property(metrics, fc.integer({ min: 1, max: 5 }), (entries, max) => {
        const panels = chooseDefaultPanels(entries, max);
        const names = new Set(entries.map((m) => m.name));
        expect(panels.length).toBe(Math.min(max, names.size));
        expect(new Set(panels.map((p) => p.metric)).size).toBe(panels.length);
        for (const p of panels) expect(names.has(p.metric)).toBe(true);
        const latency = entries.filter((m) => latencyLike(m.name));
        const [first] = panels;
        if (latency.length > 0) {
          expect(first && latencyLike(first.metric)).toBe(true);
          expect(first?.aggs).toEqual(['p50', 'p95', 'p99']);
          const most = Math.max(...latency.map((m) => m.rows));
          expect(latency.find((m) => m.name === first?.metric)?.rows).toBe(most);
        }
      }),
    );
  });
});
