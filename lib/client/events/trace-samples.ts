import type { TraceFilter } from '../queries';

/**
 * What the traces lane shows of a window one page cannot hold: every failed
 * trace and every slow one (≥ SLOW_MS) under the lane's filter. Shared by
 * the lane and the server's first screen, so both ask the same queries.
 */

export const SLOW_MS = 100;

export const failedTraces = (filter: TraceFilter): TraceFilter => ({ ...filter, status: 'error' });

export const slowTraces = (filter: TraceFilter): TraceFilter => ({ ...filter, minDurationMs: Math.max(SLOW_MS, filter.minDurationMs ?? 0) });
