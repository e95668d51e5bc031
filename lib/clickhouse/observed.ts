import 'server-only';
import type { DatabaseError } from './errors';

/**
 * The latest outcome of a read through the door, kept per process: readiness
 * (readiness.ts) answers from it instead of queueing a probe behind data
 * queries. Only an outage disproves the path: a bad query or a hit limit is
 * the request's problem, not the server's.
 */

export interface Observation {
  at: number;
  error?: DatabaseError;
}

const globalKey = Symbol.for('flashback.observed');
type GlobalWithObservation = typeof globalThis & { [globalKey]?: { last?: Observation; doubt?: number; write?: Observation; inFlight?: number } };
const holder = ((globalThis as GlobalWithObservation)[globalKey] ??= {});

export function observe(error?: DatabaseError): void {
  // Overloaded is not an outage (a query over its own limit is the request's problem), but it may be
  // the server's state (refusing every query as too many): an earlier success no longer vouches for it.
  if (error?.kind === 'overloaded') holder.doubt = Date.now();
  if (error && error.kind !== 'unavailable') return;
  holder.last = { at: Date.now(), error };
}

/** When a read last failed as overloaded (readiness then asks ClickHouse instead of trusting an older success). */
export function lastDoubt(): number | undefined {
  return holder.doubt;
}

/** Records a failure the door does not count as an outage (a probe that timed out). */
export function observeFailure(error: DatabaseError): void {
  holder.last = { at: Date.now(), error };
}

export function lastObservation(): Observation | undefined {
  return holder.last;
}

/** Counts a read through the door as in flight; call the returned function when it has ended. */
export function readStarted(): () => void {
  holder.inFlight = (holder.inFlight ?? 0) + 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    holder.inFlight = (holder.inFlight ?? 1) - 1;
  };
}

export function readsInFlight(): number {
  return holder.inFlight ?? 0;
}

/**
 * The latest outcome of a write through the ingest door, kept only when it
 * says something of the instance: no disk space, until a write succeeds again.
 */
export function observeWrite(error?: DatabaseError): void {
  if (error && error.kind !== 'out_of_space') return;
  holder.write = { at: Date.now(), error };
}

export function lastWriteFailure(): DatabaseError | undefined {
  return holder.write?.error;
}

/** Tests: forget what was seen (a new engine, a new server). */
export function forgetObservations(): void {
  holder.last = undefined;
  holder.write = undefined;
}
