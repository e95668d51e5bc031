import 'server-only';
import { z } from 'zod';
import type { LabelFilter } from '@/lib/api/params';
import type { SnapshotMetric, SnapshotResponse, SnapshotSpan } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { queryAnomalies } from './anomalies';
import { dateTime64, float, labelParams, num, stringMap, withService } from './common';
import { querySecurityEvents } from './security-events';
import type { SecurityFilter } from './security-filter';

/**
 * The state of the world at instant `at` (what the inspector shows under the
 * playhead): each series' last value in [at - lookback, at], the anomalies
 * and security events of that interval, and the spans in flight at `at`.
 */

export interface SnapshotQuery {
  at: number;
  lookback: number;
  metrics?: string[];
  /** The metric panels' label filters: the series and the anomalies (by their context) must match. */
  labels?: LabelFilter[];
  /** The view's security filter: the snapshot's events are the ones the lanes show. */
  security?: SecurityFilter;
}

export const DEFAULT_LOOKBACK_MS = 5 * 60_000;
export const MAX_LOOKBACK_MS = 60 * 60_000;
/** How many of each list the snapshot returns (series by name; the rest newest first). */
export const LIMITS = { metrics: 1000, anomalies: 50, securityEvents: 100, spans: 100 } as const;

const metricRow = z.object({
  metric: z.string(),
  service_name: z.string(),
  label_map: stringMap,
  last_value: float,
  ts: num,
});

const spanRow = z.object({
  trace_id: z.string(),
  span_id: z.string(),
  name: z.string(),
  service: z.string(),
  start_ms: num,
  duration_ms: num,
  status_code: z.string(),
});

async function metricsAt(query: SnapshotQuery, from: string, signal?: AbortSignal): Promise<SnapshotMetric[]> {
  const rows = await queryRows({
    sql: 'snapshot/metrics',
    params: { from, at: dateTime64(query.at), metrics: query.metrics ?? [], limit: LIMITS.metrics, ...labelParams(query.labels) },
    row: metricRow,
    signal,
  });
  return rows.map((r) => ({ metric: r.metric, labels: withService(r.label_map, r.service_name), value: r.last_value ?? Number.NaN, timestamp: r.ts }));
}

async function spansAt(query: SnapshotQuery, from: string, signal?: AbortSignal): Promise<SnapshotSpan[]> {
  const rows = await queryRows({
    sql: 'snapshot/spans',
    params: { from, at: dateTime64(query.at), at_ms: query.at, limit: LIMITS.spans },
    row: spanRow,
    signal,
  });
  return rows.map((r) => ({
    traceId: r.trace_id,
    spanId: r.span_id,
    name: r.name,
    service: r.service,
    start: r.start_ms,
    durationMs: r.duration_ms,
    statusCode: r.status_code,
  }));
}

export async function fetchSnapshot(query: SnapshotQuery, signal?: AbortSignal): Promise<SnapshotResponse> {
  const { at } = query;
  const fromMs = Math.max(0, at - query.lookback);
  const from = dateTime64(fromMs);
  // [from, at] inclusive of `at`: the list queries take a half-open window, so end it 1 ms later.
  const interval = { from: fromMs, to: at + 1 };
  const [metrics, anomalies, securityEvents, spans] = await Promise.all([
    metricsAt(query, from, signal),
    queryAnomalies({ ...interval, metrics: query.metrics, labels: query.labels, onlyAnomalies: true, limit: LIMITS.anomalies }, signal),
    querySecurityEvents({ ...interval, ...query.security, limit: LIMITS.securityEvents }, signal),
    spansAt(query, from, signal),
  ]);
  return { at, metrics, anomalies, securityEvents, spans };
}
