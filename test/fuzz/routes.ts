import { ADJACENT_DIRECTIONS, ADJACENT_KINDS, AGGREGATIONS, SECURITY_GROUPS } from '@/lib/api/types';
import { MAX_BUCKETS } from '@/lib/queries/density';
import { MAX_LIMIT as ANOMALIES_MAX_LIMIT } from '@/lib/queries/anomalies';
import { MAX_LIMIT as SECURITY_MAX_LIMIT } from '@/lib/queries/security-events';
import { MAX_TOP as SUMMARY_MAX_TOP } from '@/lib/queries/security-summary';
import { MAX_LIMIT as TRACES_MAX_LIMIT, TRACE_STATUSES } from '@/lib/queries/traces';
import { MAX_POINTS_LIMIT } from '@/lib/time/steps';
import * as g from './grammar';

/**
 * Every API route's parameters, declared once by grammar. The generated
 * hostile-input test (app/api/fuzz.test.ts) and `npm run fuzz` read this
 * table; a test there fails when a route under app/api/ is missing from it,
 * so a new route is fuzzed as soon as it declares its parameters here.
 */

type Handler = (request: Request, segment?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

export interface ParamSpec {
  grammar: g.Grammar;
  /** Absent → surely 400. */
  required?: boolean;
  /** May be given several times (up to `max`); a single-valued one given twice is surely 400. */
  repeatable?: { max: number };
  /** Given as a path segment (`/api/traces/[traceId]`), not in the query string. */
  inPath?: boolean;
}

export interface FuzzRoute {
  /** The route's folder under app/api, e.g. `traces/[traceId]`. */
  route: string;
  load: () => Promise<{ GET: Handler }>;
  params: Record<string, ParamSpec>;
}

const from: ParamSpec = { grammar: g.time };
const to: ParamSpec = { grammar: g.time };
const names = (max: number): ParamSpec => ({ grammar: g.name, repeatable: { max } });
const labels: ParamSpec = { grammar: g.label, repeatable: { max: 20 } };

/** The security filter of the list, the summary and the snapshot. */
const securityFilter: Record<string, ParamSpec> = {
  severity: names(10),
  event_type: names(50),
  service: names(50),
  action: names(20),
  source_ip: { grammar: g.ipMatch },
  min_threat: { grammar: g.decimal(0, 1) },
  max_threat: { grammar: g.decimal(0, 1) },
};

export const FUZZ_ROUTES: FuzzRoute[] = [
  {
    route: 'series',
    load: () => import('@/app/api/series/route'),
    params: {
      from, to,
      metric: { ...names(10), required: true },
      agg: { grammar: g.choice(AGGREGATIONS), repeatable: { max: 4 } },
      maxPoints: { grammar: g.integer(1, MAX_POINTS_LIMIT) },
      step: { grammar: g.duration },
      label: labels,
      groupBy: { grammar: g.name },
    },
  },
  { route: 'density', load: () => import('@/app/api/density/route'), params: { from, to, buckets: { grammar: g.integer(1, MAX_BUCKETS) } } },
  {
    route: 'security-events',
    load: () => import('@/app/api/security-events/route'),
    params: {
      from, to,
      ...securityFilter,
      limit: { grammar: g.integer(1, SECURITY_MAX_LIMIT) },
      cursor: { grammar: g.cursor },
    },
  },
  {
    route: 'security-events/summary',
    load: () => import('@/app/api/security-events/summary/route'),
    params: { from, to, ...securityFilter, groupBy: { grammar: g.choice(SECURITY_GROUPS) }, top: { grammar: g.integer(1, SUMMARY_MAX_TOP) } },
  },
  {
    route: 'anomalies',
    load: () => import('@/app/api/anomalies/route'),
    params: { from, to, metric: names(50), label: labels, only_anomalies: { grammar: g.flag }, limit: { grammar: g.integer(1, ANOMALIES_MAX_LIMIT) } },
  },
  {
    route: 'traces',
    load: () => import('@/app/api/traces/route'),
    params: {
      from, to,
      service: { grammar: g.name },
      min_duration_ms: { grammar: g.decimal(0, 86_400_000) },
      status: { grammar: g.choice(TRACE_STATUSES) },
      operation: { grammar: g.name },
      attribute: { grammar: g.attribute, repeatable: { max: 10 } },
      limit: { grammar: g.integer(1, TRACES_MAX_LIMIT) },
    },
  },
  {
    route: 'traces/[traceId]',
    load: () => import('@/app/api/traces/[traceId]/route'),
    params: { traceId: { grammar: g.traceId, required: true, inPath: true }, from, to },
  },
  {
    route: 'snapshot',
    load: () => import('@/app/api/snapshot/route'),
    params: { at: { grammar: g.time }, lookback: { grammar: g.duration }, metric: names(50), label: labels, ...securityFilter },
  },
  {
    route: 'changes',
    load: () => import('@/app/api/changes/route'),
    params: { from, to, baselineFrom: { grammar: g.time }, baselineTo: { grammar: g.time }, shift: { grammar: g.duration }, limit: { grammar: g.integer(1, 500) } },
  },
  { route: 'catalog', load: () => import('@/app/api/catalog/route'), params: { from, to } },
  { route: 'extent', load: () => import('@/app/api/extent/route'), params: {} },
  {
    route: 'events/adjacent',
    load: () => import('@/app/api/events/adjacent/route'),
    params: {
      from, to,
      at: { grammar: g.time, required: true },
      direction: { grammar: g.choice(ADJACENT_DIRECTIONS), required: true },
      kind: { grammar: g.choice(ADJACENT_KINDS) },
    },
  },
  { route: 'health', load: () => import('@/app/api/health/route'), params: {} },
  { route: 'health/live', load: () => import('@/app/api/health/live/route'), params: {} },
  { route: 'config', load: () => import('@/app/api/config/route'), params: {} },
];
