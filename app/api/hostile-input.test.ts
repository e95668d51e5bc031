import { describe, expect, it } from 'vitest';
import { DATASET_START, TRACE_ID, datasetUnchangedAfterAll } from '@/test/fixtures/dataset';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { GET as anomalies } from './anomalies/route';
import { GET as catalog } from './catalog/route';
import { GET as changes } from './changes/route';
import { GET as density } from './density/route';
import { GET as adjacent } from './events/adjacent/route';
import { GET as securityEvents } from './security-events/route';
import { GET as securitySummary } from './security-events/summary/route';
import { GET as series } from './series/route';
import { GET as snapshot } from './snapshot/route';
import { GET as trace } from './traces/[traceId]/route';
import { GET as traces } from './traces/route';

/**
 * Every parameter of every route, fed hostile and malformed values: the
 * answer is a clear 4xx (or, for free text that is merely an odd name, a 200
 * with no data), never a 5xx, never SQL or a stack trace; and the tables hold
 * exactly the rows they held before.
 */

const engine = testEngine();

const from = DATASET_START;
const to = DATASET_START + 600_000;

/** typed: the value must parse (400 otherwise); text: any text may be a legal name or label (200 or 400). */
type Kind = 'typed' | 'text';

interface RouteCase {
  name: string;
  handler: (request: Request, segment?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
  path: string;
  base: Record<string, string | number>;
  params: Record<string, Kind>;
  pathParam?: string;
}

/** The security filter's parameters (list, summary, snapshot). */
const SECURITY_FILTER: Record<string, Kind> = {
  severity: 'text',
  event_type: 'text',
  service: 'text',
  action: 'text',
  source_ip: 'typed',
  min_threat: 'typed',
  max_threat: 'typed',
};

const ROUTES: RouteCase[] = [
  {
    name: 'series',
    handler: series,
    path: '/api/series',
    base: { metric: 'order_latency_ms', from, to },
    params: { metric: 'text', from: 'typed', to: 'typed', agg: 'typed', maxPoints: 'typed', step: 'typed', label: 'text', groupBy: 'text' },
  },
  { name: 'density', handler: density, path: '/api/density', base: { from, to }, params: { from: 'typed', to: 'typed', buckets: 'typed' } },
  {
    name: 'security-events',
    handler: securityEvents,
    path: '/api/security-events',
    base: { from, to },
    params: { from: 'typed', to: 'typed', ...SECURITY_FILTER, limit: 'typed', cursor: 'typed' },
  },
  {
    name: 'security-events/summary',
    handler: securitySummary,
    path: '/api/security-events/summary',
    base: { from, to },
    params: { from: 'typed', to: 'typed', ...SECURITY_FILTER, groupBy: 'typed', top: 'typed' },
  },
  {
    name: 'anomalies',
    handler: anomalies,
    path: '/api/anomalies',
    base: { from, to },
    params: { from: 'typed', to: 'typed', metric: 'text', label: 'text', only_anomalies: 'typed', limit: 'typed' },
  },
  {
    name: 'traces',
    handler: traces,
    path: '/api/traces',
    base: { from, to },
    params: { from: 'typed', to: 'typed', service: 'text', min_duration_ms: 'typed', status: 'typed', operation: 'text', attribute: 'text', limit: 'typed' },
  },
  { name: 'trace', handler: trace, path: '/api/traces/x', base: { traceId: TRACE_ID }, params: { traceId: 'typed', from: 'typed', to: 'typed' }, pathParam: 'traceId' },
  {
    name: 'snapshot',
    handler: snapshot,
    path: '/api/snapshot',
    base: { at: from + 330_000 },
    params: { at: 'typed', lookback: 'typed', metric: 'text', label: 'text', ...SECURITY_FILTER },
  },
  { name: 'catalog', handler: catalog, path: '/api/catalog', base: { from, to }, params: { from: 'typed', to: 'typed' } },
  {
    name: 'changes',
    handler: changes,
    path: '/api/changes',
    base: { from, to },
    params: { from: 'typed', to: 'typed', shift: 'typed', baselineFrom: 'typed', baselineTo: 'typed', limit: 'typed' },
  },
  {
    name: 'events/adjacent',
    handler: adjacent,
    path: '/api/events/adjacent',
    base: { from, to, at: from + 300_000, direction: 'next', kind: 'notable' },
    params: { from: 'typed', to: 'typed', at: 'typed', direction: 'typed', kind: 'typed' },
  },
];

const HOSTILE = [
  "'; DROP TABLE metrics_events; --",
  '1; DROP TABLE security_events',
  "1' OR '1'='1",
  '{from:String}',
  '0) UNION ALL SELECT name FROM system.tables --',
  "\\'",
  'nul\u0000byte',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1',
  '0x1F',
  '',
  '日本語',
  '🚀💥',
  '\u202eevil',
  'x'.repeat(10_000),
  '[]',
  '{}',
  'null',
];

datasetUnchangedAfterAll(engine);

async function send(route: RouteCase, query: Query) {
  const params = route.pathParam ? { [route.pathParam]: String((query as Record<string, unknown>)[route.pathParam]) } : undefined;
  return call<ErrorBody>(route.handler, route.path, query, { params });
}

function expectClearAnswer(res: { status: number; body: ErrorBody }) {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    expect(['invalid_input', 'limit_exceeded', 'not_found']).toContain(res.body.error.code);
    expect(res.body.error.message.length).toBeGreaterThan(5);
    // The caller's own input may be quoted back; our SQL, engine errors and stack frames never are.
    expect(res.body.error.message).not.toMatch(/:Identifier\}|DB::Exception|Code: \d+|\.ts:\d+|at \w+ \(/);
  }
}

const cases = ROUTES.flatMap((route) =>
  Object.entries(route.params).flatMap(([param, kind]) =>
    HOSTILE.map((value) => ({ route, param, kind, value, label: `${route.name} ${param}=${JSON.stringify(value.slice(0, 40))}` })),
  ),
);

describe('hostile and malformed input', () => {
  it.each(cases)('$label', async ({ route, param, kind, value }) => {
    const res = await send(route, { ...route.base, [param]: value });
    expectClearAnswer(res);
    if (kind === 'typed') expect(res.status, JSON.stringify(res.body)).toBe(400);
  });

  it.each(ROUTES.flatMap((route) => Object.keys(route.params).map((param) => ({ route, param, label: `${route.name} ${param}` }))))(
    'answers a repeated single parameter, or a repeatable one, clearly: $label',
    async ({ route, param }) => {
      const base = route.base[param] ?? 'x';
      const res = await send(route, { ...route.base, [param]: [String(base), String(base)] });
      expectClearAnswer(res);
    },
  );

  it.each([
    ['series from > to', series, { metric: 'm', from: to, to: from }, /from must be before to/],
    ['density from = to', density, { from, to: from }, /from must be before to/],
    ['catalog huge window', catalog, { from: 0, to: 'now' }, /the window may span at most 400d/],
    ['traces far future', traces, { from, to: '99999999999999' }, /to: must be a time between 1970-01-01 and 2250-01-01/],
    ['series unknown agg', series, { metric: 'm', from, to, agg: 'stddev' }, /agg: must be one of/],
    ['series maxPoints=Infinity', series, { metric: 'm', from, to, maxPoints: 'Infinity' }, /maxPoints: must be a whole number/],
    ['series maxPoints=1e4', series, { metric: 'm', from, to, maxPoints: '1e4' }, /maxPoints: must be a whole number/],
    ['series 10 000 labels', series, { metric: 'm', from, to, label: Array.from({ length: 10_000 }, (_, i) => `k${i}:v`) }, /label: may be given at most 20 times/],
    ['series 11 metrics', series, { metric: Array.from({ length: 11 }, (_, i) => `m${i}`), from, to }, /metric: may be given at most 10 times/],
    ['series a label without a key', series, { metric: 'm', from, to, label: ':v' }, /each label must be key:value/],
    ['snapshot lookback NaN', snapshot, { lookback: 'NaN' }, /lookback: must be a duration/],
    ['series 1ms steps over 400 days', series, { metric: 'm', from: 'now-400d', to: 'now', step: '1' }, /points over this window/],
    ['security-events min_threat=Infinity', securityEvents, { from, to, min_threat: 'Infinity' }, /min_threat: must be a number/],
    ['events/adjacent without an instant', adjacent, { from, to, direction: 'next' }, /at: is required/],
    ['events/adjacent direction=up', adjacent, { from, to, at: from, direction: 'up' }, /direction: must be one of next, prev/],
  ] as const)('rejects %s with a message saying what to change', async (_name, handler, query, message) => {
    const res = await call<ErrorBody>(handler, '/api/x', query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers legal but odd names (SQL, unicode, NUL) as plain values: 200 with no data', async () => {
    for (const name of ["'; DROP TABLE metrics_events; --", '日本語🚀', 'nul\u0000byte', '\\']) {
      const res = await call<{ series: { metric: string; points: [number, number | null][] }[] }>(series, '/api/series', {
        metric: name, from, to, step: '1m', label: `exchange:${name}`, groupBy: name,
      });
      expect(res.status).toBe(200);
      expect(res.body.series).toEqual([]);
      const plain = await call<{ series: { metric: string; points: [number, number | null][] }[] }>(series, '/api/series', { metric: name, from, to, step: '1m' });
      expect(plain.body.series.map((s) => s.metric)).toEqual([name]);
      expect(plain.body.series[0]?.points.every((p) => p[1] === null)).toBe(true);
    }
  });
});
