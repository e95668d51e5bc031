import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  AdjacentDirection,
  AdjacentEventResponse,
  AdjacentKind,
  AnomaliesResponse,
  CatalogResponse,
  DensityResponse,
  ExtentResponse,
  SecurityEventsResponse,
  SecurityGroup,
  SecuritySummaryResponse,
  SeriesResponse,
  SnapshotResponse,
  TraceResponse,
  TracesResponse,
  Aggregation,
  ChangesResponse,
} from '@/lib/api/types';
import { formatAttributeFilter, type AttributeFilter } from '@/lib/filters/attribute-filter';
import type { GrafanaPanelRef } from '@/lib/grafana/links';
import type { LabelFilter } from '@/lib/url/panel-spec';
import { getJson } from './api';

/**
 * One `queryOptions` factory per API resource, keyed by every input, so that
 * panels asking for the same data share one cached answer (the chart and the
 * inspector read the same buckets) and a change of any input is a new query.
 * Windows are resolved epoch ms: the key never holds `now-…`.
 */

export interface Window {
  from: number;
  to: number;
}

export interface SeriesInput extends Window {
  metric: string;
  /** All of a panel's aggregations: the API answers them from one scan. */
  aggs: Aggregation[];
  step: number;
  filters: LabelFilter[];
  groupBy?: string;
}

const labelParams = (filters: LabelFilter[]) => filters.map((f) => `${f.key}:${f.value}`);

export const catalogQuery = (w: Window) =>
  queryOptions({
    queryKey: ['catalog', w.from, w.to],
    queryFn: ({ signal }) => getJson<CatalogResponse>('/api/catalog', { from: w.from, to: w.to }, signal),
    staleTime: 60_000,
  });

/** Where the data lies in time (the default window follows it when it ends before now-24h). */
export const extentQuery = () =>
  queryOptions({
    queryKey: ['extent'],
    queryFn: ({ signal }) => getJson<ExtentResponse>('/api/extent', {}, signal),
    staleTime: 60_000,
  });

export const seriesQuery = (input: SeriesInput) =>
  queryOptions({
    queryKey: ['series', input.metric, input.aggs, input.from, input.to, input.step, labelParams(input.filters), input.groupBy ?? ''],
    queryFn: ({ signal }) =>
      getJson<SeriesResponse>(
        '/api/series',
        {
          metric: input.metric,
          agg: input.aggs,
          from: input.from,
          to: input.to,
          step: input.step,
          label: labelParams(input.filters),
          groupBy: input.groupBy,
        },
        signal,
      ),
  });

/** Buckets of the density strip and of the lanes' background histograms (one shared answer when not zoomed). */
export const DENSITY_BUCKETS = 240;

export const densityQuery = (w: Window, buckets: number = DENSITY_BUCKETS) =>
  queryOptions({
    queryKey: ['density', w.from, w.to, buckets],
    queryFn: ({ signal }) => getJson<DensityResponse>('/api/density', { from: w.from, to: w.to, buckets }, signal),
  });

export interface SecurityFilter {
  severities: readonly string[];
  eventTypes: readonly string[];
  minThreat: number | null;
  maxThreat: number | null;
  /** An address or a CIDR range. */
  sourceIp: string | null;
  services: readonly string[];
  actions: readonly string[];
}

export function isSecurityFiltered(f: SecurityFilter): boolean {
  return f.severities.length > 0 || f.eventTypes.length > 0 || f.minThreat !== null || f.maxThreat !== null || f.sourceIp !== null || f.services.length > 0 || f.actions.length > 0;
}

/** The filter as the API's parameters (list, summary and snapshot take the same ones). */
function securityParams(f: SecurityFilter) {
  return {
    severity: [...f.severities],
    event_type: [...f.eventTypes],
    service: [...f.services],
    action: [...f.actions],
    source_ip: f.sourceIp ?? undefined,
    min_threat: f.minThreat ?? undefined,
    max_threat: f.maxThreat ?? undefined,
  };
}

/** A query key part that changes with every field of the filter. */
const securityKey = (f: SecurityFilter) => JSON.stringify(securityParams(f));

export const SECURITY_PAGE = 1000;

export const securityEventsQuery = (w: Window, filter: SecurityFilter) =>
  infiniteQueryOptions({
    queryKey: ['security-events', w.from, w.to, securityKey(filter)],
    queryFn: ({ signal, pageParam }) =>
      getJson<SecurityEventsResponse>(
        '/api/security-events',
        { from: w.from, to: w.to, ...securityParams(filter), limit: SECURITY_PAGE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The groups the security table shows at most. */
export const SECURITY_TOP = 20;

/** Exact counts of what the filter keeps (total, per severity) and, with `groupBy`, its top groups. */
export const securitySummaryQuery = (w: Window, filter: SecurityFilter, groupBy: SecurityGroup | null = null) =>
  queryOptions({
    queryKey: ['security-summary', w.from, w.to, securityKey(filter), groupBy ?? ''],
    queryFn: ({ signal }) =>
      getJson<SecuritySummaryResponse>(
        '/api/security-events/summary',
        { from: w.from, to: w.to, ...securityParams(filter), groupBy: groupBy ?? undefined, top: groupBy ? SECURITY_TOP : undefined },
        signal,
      ),
  });

/** Whether the filter keeps critical events (the security lane then asks for them apart when its page is cut short). */
export const keepsCritical = (f: SecurityFilter) => f.severities.length === 0 || f.severities.includes('critical');

/** Critical events only: few, so all of them steer `n`/`p` even when the busy window is truncated. */
export const criticalEventsQuery = (w: Window, filter: SecurityFilter) =>
  queryOptions({
    queryKey: ['security-events', 'critical', w.from, w.to, securityKey(filter)],
    queryFn: ({ signal }) =>
      getJson<SecurityEventsResponse>(
        '/api/security-events',
        { from: w.from, to: w.to, ...securityParams(filter), severity: 'critical', limit: SECURITY_PAGE },
        signal,
      ),
  });

/** The detected anomalies asked for (the API's default page): a full page may be missing older ones. */
export const ANOMALIES_LIMIT = 1000;

/** Every detected anomaly of the window, or (a metric panel's overlay) those of one metric under the panel's label filters. */
export const anomaliesQuery = (w: Window, scope: { metric?: string; filters: LabelFilter[] } | null = null) =>
  queryOptions({
    queryKey: ['anomalies', w.from, w.to, scope?.metric ?? '', scope ? labelParams(scope.filters) : []],
    queryFn: ({ signal }) =>
      getJson<AnomaliesResponse>(
        '/api/anomalies',
        { from: w.from, to: w.to, only_anomalies: true, limit: ANOMALIES_LIMIT, metric: scope?.metric, label: scope ? labelParams(scope.filters) : undefined },
        signal,
      ),
  });

export interface AdjacentInput extends Window {
  at: number;
  direction: AdjacentDirection;
  kind: AdjacentKind;
}

/** The event nearest `at` in one direction, searched over the whole window by the server (keyboard stepping on a busy window). */
export const adjacentEventQuery = (input: AdjacentInput) =>
  queryOptions({
    queryKey: ['events-adjacent', input.at, input.direction, input.kind, input.from, input.to],
    queryFn: ({ signal }) =>
      getJson<AdjacentEventResponse>(
        '/api/events/adjacent',
        { at: input.at, direction: input.direction, kind: input.kind, from: input.from, to: input.to },
        signal,
      ),
  });

/** The API's largest trace page. */
export const TRACES_LIMIT = 1000;

export interface TraceFilter {
  service?: string;
  operation?: string;
  status?: 'ok' | 'error';
  minDurationMs?: number;
  attributes?: readonly AttributeFilter[];
  limit?: number;
}

export const tracesQuery = (w: Window, filter: TraceFilter = {}) => {
  const params = {
    service: filter.service,
    operation: filter.operation,
    status: filter.status,
    min_duration_ms: filter.minDurationMs,
    attribute: (filter.attributes ?? []).map(formatAttributeFilter),
    limit: filter.limit ?? TRACES_LIMIT,
  };
  return queryOptions({
    queryKey: ['traces', w.from, w.to, JSON.stringify(params)],
    queryFn: ({ signal }) => getJson<TracesResponse>('/api/traces', { from: w.from, to: w.to, ...params }, signal),
  });
};

export const traceQuery = (traceId: string, hint: Window) =>
  queryOptions({
    queryKey: ['trace', traceId, hint.from, hint.to],
    queryFn: ({ signal }) =>
      getJson<TraceResponse>(`/api/traces/${encodeURIComponent(traceId)}`, { from: hint.from, to: hint.to }, signal),
    staleTime: Infinity,
  });

/** How far before the playhead the inspector's snapshot looks for the last samples and events. */
export const SNAPSHOT_LOOKBACK_MS = 5 * 60_000;

/** The state of the world at `at`, under the view's filters (label filters for metrics and anomalies, the security filter for events). */
export const snapshotQuery = (at: number, filters: { labels: LabelFilter[]; security: SecurityFilter }, lookbackMs: number = SNAPSHOT_LOOKBACK_MS) =>
  queryOptions({
    queryKey: ['snapshot', at, lookbackMs, labelParams(filters.labels), securityKey(filters.security)],
    queryFn: ({ signal }) =>
      getJson<SnapshotResponse>('/api/snapshot', { at, lookback: lookbackMs, label: labelParams(filters.labels), ...securityParams(filters.security) }, signal),
    staleTime: Infinity,
  });

/** GET /api/config: the operator's Grafana (null when not configured) and the panels to show from it. */
export interface ConfigResponse {
  grafana: { url: string | null; panels: GrafanaPanelRef[] };
}

export const configQuery = () =>
  queryOptions({
    queryKey: ['config'],
    queryFn: ({ signal }) => getJson<ConfigResponse>('/api/config', {}, signal),
    // Changes need a server restart: once per page is enough.
    staleTime: Infinity,
  });

export const changesQuery = (w: Window, baseline: Window) =>
  queryOptions({
    queryKey: ['changes', w.from, w.to, baseline.from, baseline.to],
    queryFn: ({ signal }) =>
      getJson<ChangesResponse>('/api/changes', { from: w.from, to: w.to, baselineFrom: baseline.from, baselineTo: baseline.to }, signal),
    staleTime: 60_000,
  });
