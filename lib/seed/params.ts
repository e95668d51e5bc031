import type { QueryParams } from '@/lib/clickhouse/query';
import { dateTime64 } from '@/lib/queries/common';
import { INCIDENT_SIGNALS, type Incident, type IncidentId } from './incidents';
import type { SeedOptions } from './options';

/**
 * Everything the seed SQL receives, computed once from the options: the
 * window, the incident windows and how many `numbers()` rows each statement
 * expands. Rates are per second at scale 1 and chosen so that the default
 * (3 days) writes about 5.8 M metric rows, most of them latency samples.
 */

const DAY_SECONDS = 86_400;

/** Latency sample candidates per second; about 65 % survive the diurnal thinning. */
const LATENCY_CANDIDATES_PER_SECOND = 30;
/** One order-flow trace candidate every this many seconds (also thinned by load). */
const TRACE_INTERVAL_SECONDS = 1.25;
/** Background security events: one every this many seconds. */
const SECURITY_INTERVAL_SECONDS = 4;
const BURST_EVENTS = 6000;

/**
 * Regular series (connectivity, rates, utilisation) tick every 10 s at scale 1
 * and more slowly at small scales, always on a divisor of a minute so that each
 * minute the anomaly detector aggregates holds the same mix of series.
 */
export function seriesStepSeconds(scale: number): number {
  return [10, 15, 20, 30].find((step) => step >= 10 / scale) ?? 60;
}

export interface SeedSizes {
  latencyCandidates: number;
  seriesTicks: number;
  seriesStepSeconds: number;
  traceCandidates: number;
  securityBackground: number;
  securityBurst: number;
}

export function seedSizes(options: Pick<SeedOptions, 'days' | 'scale'>): SeedSizes {
  const seconds = options.days * DAY_SECONDS;
  const step = seriesStepSeconds(options.scale);
  // Small scales keep at least a trace every 10 s so an incident still holds a few dozen traces.
  const traceInterval = Math.min(TRACE_INTERVAL_SECONDS / options.scale, 10);
  return {
    latencyCandidates: Math.round(seconds * LATENCY_CANDIDATES_PER_SECOND * options.scale),
    seriesTicks: Math.floor(seconds / step),
    seriesStepSeconds: step,
    traceCandidates: Math.floor(seconds / traceInterval),
    securityBackground: Math.max(100, Math.round((seconds / SECURITY_INTERVAL_SECONDS) * options.scale)),
    securityBurst: Math.max(200, Math.round(BURST_EVENTS * options.scale)),
  };
}

/** `{id}_start` / `{id}_end` for each incident; an absent one gets an empty window at 0. */
function incidentWindows(incidents: readonly Incident[]): QueryParams {
  const names: Record<IncidentId, string> = {
    'coinbase-outage': 'coinbase',
    'credential-stuffing': 'stuffing',
    'margin-spike': 'margin',
  };
  const params: QueryParams = {};
  for (const [id, name] of Object.entries(names)) {
    const incident = incidents.find((i) => i.id === id);
    params[`${name}_start`] = dateTime64(incident?.start ?? 0);
    params[`${name}_end`] = dateTime64(incident?.end ?? 0);
  }
  return params;
}

/** Parameters shared by every seed statement; each statement uses the ones it names. */
export function seedParams(options: SeedOptions, incidents: readonly Incident[]): QueryParams {
  const sizes = seedSizes(options);
  return {
    seed: options.seed,
    start: dateTime64(options.end - options.days * DAY_SECONDS * 1000),
    end: dateTime64(options.end),
    latency_n: sizes.latencyCandidates,
    series_ticks: sizes.seriesTicks,
    series_step_s: sizes.seriesStepSeconds,
    trace_n: sizes.traceCandidates,
    security_n: sizes.securityBackground,
    burst_n: sizes.securityBurst,
    burst_ips: [...INCIDENT_SIGNALS['credential-stuffing'].sourceIps],
    burst_types: [...INCIDENT_SIGNALS['credential-stuffing'].eventTypes],
    ...incidentWindows(incidents),
  };
}
