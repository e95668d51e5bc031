/**
 * The demo's incidents, defined once as data: the SQL receives their windows
 * as parameters (so the shapes in the metrics, traces, security events and
 * anomalies all line up), and the CLI prints them so a user knows where to look.
 * They sit at fixed offsets before `end`, so "the last 24 h" always shows two.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type IncidentId = 'coinbase-outage' | 'credential-stuffing' | 'margin-spike';

export interface Incident {
  id: IncidentId;
  title: string;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  summary: string;
}

interface IncidentDefinition extends Omit<Incident, 'start' | 'end'> {
  /** How long before the dataset's end the incident starts. */
  offset: number;
  duration: number;
}

export const INCIDENT_DEFINITIONS: readonly IncidentDefinition[] = [
  {
    id: 'coinbase-outage',
    title: 'Coinbase connectivity loss',
    offset: 6 * HOUR,
    duration: 12 * MINUTE,
    summary:
      'exchange_connected{exchange=coinbase} drops to 0; order_latency_ms p99 on coinbase spikes from a minute before, ' +
      'fill_rate collapses, reject_rate rises, pnl_usd draws down and recovers slowly; exchange.submit spans fail.',
  },
  {
    id: 'credential-stuffing',
    title: 'Credential-stuffing burst',
    offset: 15 * HOUR,
    duration: 20 * MINUTE,
    summary:
      'A burst of auth_failure / credential_stuffing / rate_limit_exceeded events (6,000 at scale 1) from 4 source IPs ' +
      '(203.0.113.0/24, 198.51.100.0/24) with high threat scores, blocked and rate-limited.',
  },
  {
    id: 'margin-spike',
    title: 'Margin spike / risk-engine slowdown',
    offset: 50 * HOUR,
    duration: 25 * MINUTE,
    summary:
      'margin_utilization climbs to ~0.95, risk-engine CPU saturates and risk.check slows, so order latency rises on ' +
      'every exchange, reject_rate climbs (risk rejections) and fill_rate dips.',
  },
];

/**
 * The anomaly detector compares each minute with the hour before it, so an
 * incident is only generated when that hour of history exists in the dataset.
 */
export const INCIDENT_LEAD = HOUR;

/** The incidents that fit in a dataset of `days` days ending at `end` (epoch ms). */
export function incidentsFor(end: number, days: number): Incident[] {
  const datasetStart = end - days * 24 * HOUR;
  return INCIDENT_DEFINITIONS.filter((d) => end - d.offset - INCIDENT_LEAD >= datasetStart).map((d) => ({
    id: d.id,
    title: d.title,
    start: end - d.offset,
    end: end - d.offset + d.duration,
    summary: d.summary,
  }));
}

/**
 * What each incident moves, as the seed's SQL generates it (the burst's
 * addresses and event types are passed to that SQL from here): the story a
 * reader of the data, or a "what changed" ranking, should find. `moves`
 * lists everything else the incident also shifts (knock-on effects).
 */
export const INCIDENT_SIGNALS = {
  'coinbase-outage': {
    exchange: 'coinbase',
    /** Series of the exchange that break; order_latency_ms in its tail (p99). */
    brokenMetrics: ['exchange_connected', 'fill_rate', 'reject_rate', 'order_latency_ms'],
    failingSpan: { service: 'exchange-adapter', operation: 'exchange.submit' },
    moves: { metrics: ['order_rate', 'pnl_usd', 'cpu_utilization'], operations: ['exchange.submit'] },
  },
  'credential-stuffing': {
    sourceIps: ['203.0.113.45', '203.0.113.77', '198.51.100.23', '198.51.100.201'],
    /** In order of their share of the burst: 55 %, 30 %, 15 %. */
    eventTypes: ['credential_stuffing', 'auth_failure', 'rate_limit_exceeded'],
    service: 'order-gateway',
    actions: ['block', 'alert', 'rate_limit'],
  },
  'margin-spike': {
    metric: 'margin_utilization',
    slowSpan: { service: 'risk-engine', operation: 'risk.check' },
    /** Runs inside risk.check (in 40 % of traces, in every one past half the spike) and slows with it. */
    innerSpan: { service: 'risk-engine', operation: 'margin.lookup' },
    moves: {
      metrics: ['cpu_utilization', 'order_latency_ms', 'reject_rate', 'fill_rate', 'order_rate', 'pnl_usd'],
      // risk.check also rejects orders; margin.lookup runs inside it and slows with it.
      operations: ['risk.check', 'margin.lookup'],
    },
  },
} as const;
