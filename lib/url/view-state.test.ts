import { createLoader } from 'nuqs';
import { describe, expect, it } from 'vitest';
import { decodePanel, encodePanel, type PanelSpec } from './panel-spec';
import { findUrlIssues, serializeView, viewParsers, type ViewParams } from './view-state';

const load = createLoader(viewParsers);
const roundTrip = (state: Partial<ViewParams>) => {
  const query = serializeView(state);
  return { query, state: load(new URLSearchParams(query.slice(1))) };
};

describe('view state in the URL', () => {
  it('leaves defaults out', () => {
    expect(serializeView({ from: null, to: 'now', tz: 'UTC', panel: [], sev: [], etype: [] })).toBe('');
  });

  it('round-trips every parameter', () => {
    const state: ViewParams = {
      from: '1768446000000',
      to: 'now-1d/d',
      at: '1768457100000',
      tz: 'America/New_York',
      panel: [
        { metric: 'order_latency_ms', aggs: ['p99'], groupBy: 'exchange', filters: [{ key: 'symbol', value: 'BTC-USD' }] },
        { metric: 'fill_rate', aggs: ['avg', 'min'], filters: [] },
      ],
      label: [{ key: 'exchange', value: 'coinbase' }],
      trace: '1ebcab15e2818d3fea78e77dec465f8d',
      sev: ['critical', 'warning'],
      etype: ['credential_stuffing'],
      minThreat: 0.7,
      pin: [
        { t: 1768457100000, note: 'coinbase: drops & 再接続' },
        { t: 1768456800000, note: '' },
      ],
      maxThreat: 0.95,
      ip: '203.0.113.0/24',
      ssvc: ['auth-service'],
      sact: ['blocked', 'rate_limited'],
      sgroup: 'sourceIp',
      tservice: 'order-gateway',
      toperation: 'POST /orders',
      tstatus: 'error',
      tmin: 250,
      tattr: [{ key: 'http.method', value: 'POST' }, { key: 'q', value: 'a=b&c' }],
      compare: { kind: 'shift', ms: 86_400_000 },
    };
    const { state: back } = roundTrip(state);
    expect(back).toEqual(state);
  });

  it('round-trips the zone forms and the trace id, and leaves the default zone out', () => {
    for (const tz of ['browser', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires'] as const) {
      expect(roundTrip({ tz }).state.tz).toBe(tz);
    }
    expect(roundTrip({ tz: 'UTC' }).query).toBe('');
    const trace = roundTrip({ trace: 'A1b2C3d4e5f60718' });
    expect(trace.query).toBe('?trace=A1b2C3d4e5f60718');
    expect(trace.state.trace).toBe('A1b2C3d4e5f60718');
  });

  it('keeps label values with : & = %, ; , and unicode', () => {
    const odd = 'a:b&c=d;e,f%g zürich 取引所';
    const panel: PanelSpec = { metric: 'm;x', aggs: ['avg'], groupBy: '@key:1', filters: [{ key: 'k:1', value: odd }] };
    const { query, state } = roundTrip({ panel: [panel], label: [{ key: 'exchange', value: odd }] });
    expect(state.panel).toEqual([panel]);
    expect(state.label).toEqual([{ key: 'exchange', value: odd }]);
    expect(query).not.toContain(' ');
    expect(findUrlIssues(new URLSearchParams(query.slice(1)))).toEqual([]);
  });

  it('spells panels readably', () => {
    expect(encodePanel({ metric: 'order_latency_ms', aggs: ['p50', 'p95'], groupBy: 'exchange', filters: [{ key: 'symbol', value: 'BTC-USD' }] })).toBe(
      'order_latency_ms;p50,p95;@exchange;symbol:BTC-USD',
    );
  });

  it('rejects malformed panels', () => {
    for (const bad of ['', 'metric', 'metric;', 'metric;p42', 'metric;avg,avg', 'metric;avg;nocolon', 'metric;avg;@a;@b', 'metric;avg;k:%E0%A4%A', 'm;avg,min,max,sum,p50']) {
      expect(decodePanel(bad), bad).toBeNull();
    }
  });

  it('reports unknown keys and malformed values, one notice per key', () => {
    const issues = findUrlIssues(new URLSearchParams('from=yesterday&at=soon&tz=Mars/Olympus&panel=x;p42&panel=ok;avg&sev=urgent&trace=xyz&minThreat=2&label=nocolon&foo=1&foo=2'));
    expect(issues.filter((i) => i.message).map((i) => i.key)).toEqual(['from', 'at', 'tz', 'panel', 'sev', 'trace', 'minThreat', 'label', 'foo']);
    expect(issues.filter((i) => i.key === 'foo')).toHaveLength(2); // both dropped from the URL, one message
  });

  it('reports malformed lane filters, and loads them as their defaults', () => {
    const query = 'ip=10.0.0.0/33&maxThreat=-1&sgroup=description&tstatus=failed&tmin=soon&tattr==x&ssvc=a,,b';
    expect(findUrlIssues(new URLSearchParams(query)).map((i) => i.key)).toEqual(['ip', 'maxThreat', 'sgroup', 'tstatus', 'tmin', 'tattr', 'ssvc']);
    const state = load(new URLSearchParams(query));
    expect([state.ip, state.maxThreat, state.sgroup, state.tstatus, state.tmin, state.tattr]).toEqual([null, null, null, null, null, []]);
    expect(findUrlIssues(new URLSearchParams('ip=2001:db8::/32&tmin=1500&tattr=k%3D=v'))).toEqual([]);
  });

  it('accepts Grafana time grammar in from, to and at', () => {
    expect(findUrlIssues(new URLSearchParams('from=now-6h&to=now/d&at=2026-01-15T06:00:00.000Z'))).toEqual([]);
  });
});
