/**
 * The JSON the API answers with: the public contract shared by the route
 * handlers (which build it) and the UI (which reads it). Times are epoch
 * milliseconds; durations are milliseconds (sub-ms precision allowed).
 */

export type Labels = Record<string, string>;

export const AGGREGATIONS = ['avg', 'min', 'max', 'sum', 'count', 'last', 'p50', 'p90', 'p95', 'p99', 'rate'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface CatalogResponse {
  from: number;
  to: number;
  metrics: { name: string; services: string[]; rows: number }[];
  services: string[];
  labels: { key: string; values: string[] }[];
  securityEventTypes: string[];
  severities: string[];
}

/** GET /api/extent: the first and last metric sample (epoch ms), null when there is none. */
export interface ExtentResponse {
  first: number | null;
  last: number | null;
}

/** A bucket: [bucket start, value or null when the bucket holds no data]. */
export type Point = [number, number | null];

export interface Series {
  metric: string;
  agg: Aggregation;
  labels: Labels;
  points: Point[];
}

export interface SeriesResponse {
  from: number;
  to: number;
  step: number;
  series: Series[];
}

/** One security event. `eventId` is its identity (the table's `event_id`): two events may share every other field. */
export interface SecurityEvent {
  eventId: string;
  timestamp: number;
  eventType: string;
  severity: string;
  sourceIp: string;
  description: string;
  /** 0 (benign) .. 1 (certain threat). */
  threatScore: number;
  actionTaken: string;
  service: string;
}

export interface SecurityEventsResponse {
  events: SecurityEvent[];
  nextCursor: string | null;
}

/** One verdict of the anomaly detector on one point of a metric's series (`context`: the series' labels and the detector's). */
/** Fields of a security event the summary groups by (`groupBy`). */
export const SECURITY_GROUPS = ['sourceIp', 'eventType', 'service', 'action'] as const;
export type SecurityGroup = (typeof SECURITY_GROUPS)[number];

/** Exact counts of the events that pass a filter (`/api/security-events/summary`). */
export interface SecuritySummaryResponse {
  total: number;
  /** Per severity found (a severity with no event is absent); the values sum to `total`. */
  bySeverity: Record<string, number>;
  groupBy: SecurityGroup | null;
  /** The `top` largest groups, most events first (ties by value). */
  groups: { value: string; count: number }[];
  /** How many distinct groups there are (more than `groups.length` when the top N cut some). */
  groupCount: number;
}

export interface Anomaly {
  timestamp: number;
  metric: string;
  value: number;
  expectedValue: number;
  deviationScore: number;
  isAnomaly: boolean;
  context: Labels;
}

export interface AnomaliesResponse {
  anomalies: Anomaly[];
}

export interface TraceSummary {
  traceId: string;
  rootService: string;
  rootName: string;
  start: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
}

export interface TracesResponse {
  traces: TraceSummary[];
}

export interface Span {
  spanId: string;
  parentSpanId: string;
  name: string;
  service: string;
  kind: string;
  start: number;
  durationMs: number;
  statusCode: string;
  statusMessage: string;
  attributes: Labels;
}

export interface TraceResponse {
  traceId: string;
  spans: Span[];
}

export interface SnapshotMetric {
  metric: string;
  labels: Labels;
  value: number;
  timestamp: number;
}

export interface SnapshotSpan {
  traceId: string;
  spanId: string;
  name: string;
  service: string;
  start: number;
  durationMs: number;
  statusCode: string;
}

export interface SnapshotResponse {
  at: number;
  metrics: SnapshotMetric[];
  anomalies: Anomaly[];
  securityEvents: SecurityEvent[];
  spans: SnapshotSpan[];
}

export interface DensityBucket {
  t: number;
  security: Record<Severity, number>;
  anomalies: number;
  errorSpans: number;
  spans: number;
}

export interface DensityResponse {
  from: number;
  to: number;
  step: number;
  buckets: DensityBucket[];
}

export const ADJACENT_DIRECTIONS = ['next', 'prev'] as const;
export type AdjacentDirection = (typeof ADJACENT_DIRECTIONS)[number];

/** `any`: every security event, detected anomaly and error span; `notable`: critical security events and detected anomalies. */
export const ADJACENT_KINDS = ['any', 'notable'] as const;
export type AdjacentKind = (typeof ADJACENT_KINDS)[number];

export type EventSource = 'security' | 'anomaly' | 'trace';

export interface AdjacentEventResponse {
  at: number;
  direction: AdjacentDirection;
  kind: AdjacentKind;
  /** The nearest event's millisecond strictly after (next) or before (prev) `at`, in the window; null when there is none. */
  t: number | null;
  source: EventSource | null;
}

/** `/api/health`: readiness — ClickHouse is usable (else 503 with the cause). */
export interface HealthResponse {
  /** `degraded`: reads answer, but the latest write found no disk space (`warning` says what to do). */
  status: 'ok' | 'degraded';
  engine: 'embedded' | 'server';
  version: string;
  warning?: string;
}

// --- What changed (/api/changes) ---

export interface TimeRange {
  from: number;
  to: number;
}

/** What one click on a change row opens: a metric panel, a security-events filter, or a trace list. */
export type ChangeAction =
  | { kind: 'panel'; metric: string; agg: Aggregation; labels: { key: string; value: string }[] }
  | { kind: 'securityFilter'; field: SecurityGroup; value: string }
  | {
      kind: 'traces';
      service: string;
      operation: string;
      status?: 'error';
      /** Slow spans: self time over this (the baseline's p95 for the operation). */
      minSelfMs?: number;
      attribute?: { scope: 'span' | 'resource'; key: string; value: string };
    };

export type MetricStatistic = 'mean' | 'p99';

interface ChangeCommon {
  /** One line for a person: `order_latency_ms p99 {exchange=coinbase}`. */
  what: string;
  /** On one chi-square-like scale for every signal (G, or z²); listed from `threshold` up, highest first. */
  score: number;
  /** The move in the signal's own terms: a ratio (counts, shares) or window − baseline (metric levels). */
  effect: number;
  /** Why this score, in words (the hover text). */
  explanation: string;
  /**
   * The listed rows (their `what`) that account for this one, strongest
   * first: a finding has none and ranks before every explained row (see
   * docs/api.md, "Ranking").
   */
  explainedBy: string[];
  action: ChangeAction;
}

export interface MetricChange extends ChangeCommon {
  signal: 'metric';
  metric: string;
  statistic: MetricStatistic;
  /** The series: null is the whole metric. */
  label: { key: string; value: string } | null;
  /** Median bucket value and, for the baseline, the spread the move is measured in. */
  baseline: { value: number; spread: number; buckets: number };
  window: { value: number; buckets: number };
  /** (window − baseline) / spread. */
  z: number;
}

export interface CountSide {
  count: number;
  total: number;
  /** count / total (0 when total is 0). */
  share: number;
  perHour: number;
}

export interface SecurityChange extends ChangeCommon {
  signal: 'security';
  field: SecurityGroup;
  value: string;
  baseline: CountSide;
  window: CountSide;
}

export interface SpanSide {
  spans: number;
  matching: number;
  share: number;
}

export interface SpanChange extends ChangeCommon {
  signal: 'spans';
  /** failed: the span's own error (no child failed); slow: self time over the baseline's p95 for its operation. */
  kind: 'failed' | 'slow';
  service: string;
  operation: string;
  attribute: { scope: 'span' | 'resource'; key: string; value: string } | null;
  slowThresholdMs: number;
  baseline: SpanSide;
  window: SpanSide;
}

export interface AnomalyChange extends ChangeCommon {
  signal: 'anomaly';
  metric: string;
  /** The detector's context for the series. */
  context: Labels;
  baseline: { flagged: number; perHour: number };
  window: { flagged: number; perHour: number; maxDeviation: number };
}

export type Change = MetricChange | SecurityChange | SpanChange | AnomalyChange;

export interface ChangesResponse {
  window: TimeRange;
  baseline: TimeRange;
  /** Bucket width of the metric levels. */
  step: number;
  threshold: number;
  changes: Change[];
  /** How many rows reached the threshold before `limit` cut the list. */
  total: number;
  /** Signals that could not be compared, e.g. "the baseline holds no security events". */
  notes: string[];
}

/** `/api/health/live`: liveness — the process answers; never waits on ClickHouse. */
export interface LivenessResponse {
  status: 'ok';
  uptimeSeconds: number;
}

/** POST /api/import: what one uploaded file put where. */
export interface ImportedTable {
  /** The app's name for the table: metrics, security, anomalies or traces. */
  table: 'metrics' | 'security' | 'anomalies' | 'traces';
  rows: number;
  /** Rows of batches the import ledger already held (a file imported before), not written again. */
  alreadyImported: number;
  /** Epoch ms of the earliest and latest row. */
  from: number | null;
  to: number | null;
}

export interface ImportResponse {
  file: string;
  format: string;
  records: number;
  tables: ImportedTable[];
  rejected: number;
  /** The first rejected records, by line. */
  issues: { line: number; message: string }[];
  /** Records of types the format does not import (e.g. Suricata flow records), by type. */
  skipped: Record<string, number>;
  /** The window to show the imported data in, or null when nothing was imported. */
  window: { from: number; to: number } | null;
}
