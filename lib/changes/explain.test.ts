import { describe, expect, it } from 'vitest';
import type { AnomalyChange, Change, MetricChange, SecurityChange, SecurityGroup, SpanChange } from '@/lib/api/types';
import { explainRows, explainSecurity, metricShapes, type SecurityCell } from './explain';
import { securityChanges } from './rank';

const MINUTE = 60_000;
const exposure = { windowMs: 20 * MINUTE, baselineMs: 60 * MINUTE };

function cell(ip: string, type: string, service: string, action: string, windowCount: number, baselineCount: number): SecurityCell {
  return { values: { sourceIp: ip, eventType: type, service, action }, windowCount, baselineCount };
}

/** The marginal counts of each listed value, summed from the cells (what sql/changes/security.sql reads). */
function listed(cells: SecurityCell[]): SecurityChange[] {
  const values = new Map<string, { field: SecurityGroup; value: string; windowCount: number; baselineCount: number }>();
  for (const c of cells) {
    for (const field of ['sourceIp', 'eventType', 'service', 'action'] as const) {
      const value = c.values[field];
      if (value === '') continue;
      const v = values.get(`${field}:${value}`) ?? { field, value, windowCount: 0, baselineCount: 0 };
      v.windowCount += c.windowCount;
      v.baselineCount += c.baselineCount;
      values.set(`${field}:${value}`, v);
    }
  }
  return securityChanges([...values.values()], { window: 1000, baseline: 1000 }, exposure);
}

const name = (r: SecurityChange) => `${r.field}=${r.value}`;

describe('explainSecurity', () => {
  // Two addresses a, b send types t1 (always answered with action x) and t2 to service s; s and x also see background.
  const burst = [
    cell('a', 't1', 's', 'x', 40, 0),
    cell('b', 't1', 's', 'x', 40, 0),
    cell('a', 't2', 's', '', 20, 0),
    cell('b', 't2', 's', '', 20, 0),
    cell('', '', 's', '', 10, 30),
    cell('', '', '', 'x', 2, 6),
  ];

  it('explains the service by the values inside it, and the action by the type it answers', () => {
    const rows = listed(burst);
    // Every value is listed: a and b 60 vs 0, t1 80 vs 0, t2 40 vs 0, s 130 vs 30, x 82 vs 6 (20 min against 60).
    expect(rows.map(name).sort()).toEqual(['action=x', 'eventType=t1', 'eventType=t2', 'service=s', 'sourceIp=a', 'sourceIp=b']);
    const explained = explainSecurity(rows, burst, exposure);
    const by = Object.fromEntries([...explained].map(([row, parts]) => [name(row), parts.map(name).sort()]));
    // s without a, b, t1, t2 and x is its background, 10 in 20 min against 30 in 60: no change left.
    // x without t1 is 2 against 6: none either; t1 and x name the same events, told by the event type (it comes first).
    // a, b, t1, t2 each have a listed change outside every other value (a outside t1: 20 against 0, G = 52.4).
    expect(by).toEqual({
      'service=s': ['action=x', 'eventType=t1', 'eventType=t2', 'sourceIp=a', 'sourceIp=b'],
      'action=x': ['eventType=t1'],
    });
  });

  it('keeps a value whose own change outgrows what lies inside it', () => {
    // s's background doubles too: 60 in 20 min against 30 in 60 is 5.95× the rate, G = 69.2.
    const cells = burst.map((c) => (c.values.sourceIp === '' && c.values.service === 's' ? { ...c, windowCount: 60 } : c));
    const explained = explainSecurity(listed(cells), cells, exposure);
    expect([...explained.keys()].map(name)).toEqual(['action=x']);
  });
});

const common = { effect: 1, explanation: '', explainedBy: [] };

function metric(name: string, label: { key: string; value: string } | null, score: number): MetricChange {
  return {
    ...common,
    signal: 'metric',
    what: `${name}${label ? ` {${label.key}=${label.value}}` : ''}`,
    metric: name,
    statistic: 'mean',
    label,
    baseline: { value: 0, spread: 1, buckets: 60 },
    window: { value: 1, buckets: 12 },
    z: Math.sqrt(score),
    score,
    action: { kind: 'panel', metric: name, agg: 'avg', labels: label ? [label] : [] },
  };
}

function spans(service: string, operation: string, score: number): SpanChange {
  const side = { spans: 10, matching: 5, share: 0.5 };
  return {
    ...common,
    signal: 'spans',
    what: `failed ${operation} spans of ${service}`,
    kind: 'failed',
    service,
    operation,
    attribute: null,
    slowThresholdMs: 1,
    baseline: side,
    window: side,
    score,
    action: { kind: 'traces', service, operation, status: 'error' },
  };
}

function flag(name: string, key: string, value: string, score: number): AnomalyChange {
  return {
    ...common,
    signal: 'anomaly',
    what: `${name} flagged {${key}=${value}}`,
    metric: name,
    context: { [key]: value },
    baseline: { flagged: 0, perHour: 0 },
    window: { flagged: 5, perHour: 25, maxDeviation: 9 },
    score,
    action: { kind: 'panel', metric: name, agg: 'avg', labels: [{ key, value }] },
  };
}

/** Metric shapes: connected reported by the adapter per exchange, cpu per service, pnl per strategy, gauge a single series. */
const shapes = metricShapes([
  { metric: 'connected', key: 'service', value: 'adapter' },
  { metric: 'connected', key: 'exchange', value: 'x1' },
  { metric: 'connected', key: 'exchange', value: 'x2' },
  { metric: 'cpu', key: 'service', value: 'adapter' },
  { metric: 'cpu', key: 'service', value: 'gateway' },
  { metric: 'pnl', key: 'service', value: 'strategy' },
  { metric: 'pnl', key: 'strategy', value: 'a' },
  { metric: 'pnl', key: 'strategy', value: 'b' },
  { metric: 'gauge', key: 'service', value: 'gateway' },
]);

const explainedNames = (rows: Change[]) => {
  const explained = explainRows(rows, shapes, new Map());
  return Object.fromEntries([...explained].map(([row, by]) => [row.what, by.map((b) => b.what)]));
};

describe('explainRows', () => {
  it("explains a service's metric by listed rows about its parts, strongest first", () => {
    const cpu = metric('cpu', { key: 'service', value: 'adapter' }, 900);
    const rows = [cpu, metric('connected', { key: 'exchange', value: 'x1' }, 400), spans('adapter', 'submit', 30), spans('gateway', 'post', 50)];
    expect(explainedNames(rows)).toEqual({ 'cpu {service=adapter}': ['connected {exchange=x1}', 'failed submit spans of adapter'] });
    // Nothing listed inside the gateway: its CPU is a finding.
    expect(explainedNames([metric('cpu', { key: 'service', value: 'gateway' }, 900), spans('adapter', 'submit', 30)])).toEqual({});
  });

  it('explains a metric that moved in every series, or was flagged on every value, by the rows that single out where', () => {
    const where = metric('connected', { key: 'exchange', value: 'x1' }, 400);
    const rows = [metric('pnl', null, 5000), flag('pnl', 'strategy', 'a', 60), flag('pnl', 'strategy', 'b', 55), where, metric('gauge', null, 70)];
    // The single-series gauge is its own finding; one of two strategies flagged would be too.
    expect(explainedNames(rows)).toEqual({ pnl: [where.what], 'pnl flagged {strategy=a}': [where.what], 'pnl flagged {strategy=b}': [where.what] });
    expect(explainedNames([flag('pnl', 'strategy', 'a', 60), where])).toEqual({});
    // With nothing that says where, the move everywhere is the finding.
    expect(explainedNames([metric('pnl', null, 5000)])).toEqual({});
  });
});
