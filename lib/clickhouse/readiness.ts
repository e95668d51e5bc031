import 'server-only';
import { z } from 'zod';
import { getClickHouse, type EngineKind } from './client';
import { DatabaseError, classifyError } from './errors';
import { readLimits } from '@/lib/config';
import { lastDoubt, lastObservation, lastWriteFailure, observeFailure, readsInFlight, type Observation } from './observed';
import { queryRows } from './query';

/**
 * Is ClickHouse usable right now? Answered without queueing behind data
 * queries (the embedded engine runs one query at a time, so a probe sent
 * while 50 clients load the timeline would wait seconds): a read through the
 * door that succeeded in the last two seconds *is* the answer. Otherwise
 * (nothing heard for that long, or an outage seen: find out at once whether
 * it is over) a probe runs, with a short time limit
 * (FLASHBACK_READY_TIMEOUT_MS, default 1 s), shared by all callers meanwhile.
 */

/**
 * Ready, or not and why. Ready may carry a warning: the latest write found no
 * disk space. Reads still answer, so the instance stays in service (a load
 * balancer taking it out would leave no way to see the data or retry the
 * import); the warning goes once a write succeeds.
 */
export type Readiness = { ready: true; engine: EngineKind; version: string; warning?: string } | { ready: false; error: DatabaseError };

const FRESH_MS = 2_000;

const globalKey = Symbol.for('flashback.readiness');
type GlobalWithProbe = typeof globalThis & { [globalKey]?: { probe?: Promise<void>; version?: string } };
const state = ((globalThis as GlobalWithProbe)[globalKey] ??= {});

function probeTimeoutMs(): number {
  const value = Number(process.env.FLASHBACK_READY_TIMEOUT_MS ?? 1_000);
  return Number.isFinite(value) && value > 0 ? value : 1_000;
}

/** A probe that also opens the engine and applies the schema (the first of a process, or after a reconnect) gets longer. */
const STARTUP_TIMEOUT_MS = 15_000;

/** Whether the next read will first open the engine or apply the schema (a failed connect counts: it will retry). */
async function starting(): Promise<boolean> {
  if (state.version === undefined) return true;
  return getClickHouse().then(
    (handle) => handle.schemaReady === undefined,
    () => true,
  );
}

async function probe(): Promise<void> {
  const timeout = (await starting()) ? Math.max(STARTUP_TIMEOUT_MS, probeTimeoutMs()) : probeTimeoutMs();
  const signal = AbortSignal.timeout(timeout);
  try {
    const [row] = await queryRows({ sql: 'health/version', row: z.object({ version: z.string() }), signal, share: false });
    state.version = row?.version ?? 'unknown';
  } catch (error) {
    observeFailure(
      signal.aborted
        ? new DatabaseError('overloaded', `ClickHouse did not answer a health probe within ${timeout} ms: it is overloaded or hanging.`)
        : classifyError(error),
    );
  }
}

/**
 * A read succeeded lately: in the last 2 s, or — while reads are in flight,
 * so the engine is busy serving them rather than gone — within the read
 * door's own time limit (a read in flight ends by then, one way or the
 * other). A probe then would only queue behind those reads and time out: the
 * outage a load balancer hears about must be ClickHouse's, not the queue's.
 * A read refused as overloaded since then voids it: the probe finds out.
 */
function recentSuccess(o: Observation | undefined): boolean {
  if (o === undefined || o.error !== undefined) return false;
  const doubt = lastDoubt();
  if (doubt !== undefined && doubt >= o.at) return false;
  const age = Date.now() - o.at;
  return age < FRESH_MS || (readsInFlight() > 0 && age < (readLimits().maxExecutionSeconds + 5) * 1000);
}

export async function readiness(): Promise<Readiness> {
  if (!recentSuccess(lastObservation()) || state.version === undefined) {
    state.probe ??= probe().finally(() => (state.probe = undefined));
    await state.probe;
  }
  const error = lastObservation()?.error;
  if (error) return { ready: false, error };
  const { engine } = await getClickHouse();
  const warning = lastWriteFailure()?.message;
  return { ready: true, engine, version: state.version ?? 'unknown', ...(warning ? { warning } : {}) };
}
