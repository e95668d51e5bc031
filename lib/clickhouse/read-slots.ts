import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EngineKind } from './client';
import { DatabaseError } from './errors';

/**
 * A bounded, first-come-first-served queue in front of the engine. The
 * embedded engine runs each query on every core, so fifty requests at once
 * do not finish sooner than a few at a time: they thrash, and all of them
 * finish late (measured: 50 clients got p99 10 s and timeouts). Reads wait
 * for one of FLASHBACK_MAX_CONCURRENT_READS slots (default 2 embedded, 16
 * on a server, which has its own scheduler) in arrival order (of their
 * requests, see withRequestOrder), so latency
 * grows with the queue's length, not with the thrashing; identical reads
 * share one flight before they get here (shared-reads.ts), so they take one
 * slot. A read that waits longer than FLASHBACK_READ_QUEUE_MS (default 10 s)
 * is refused as overloaded (a clear 503) rather than run for nobody; one
 * whose caller leaves while it waits leaves the queue.
 *
 * The embedded engine's binding (chdb 3.4, index.js `globalParamChain`)
 * runs one parameterized query at a time per process, so there the two
 * slots are one read running and one ready behind it, and each read has
 * every core. Reads used to run on one thread whenever another was in a
 * slot, for a contention that cannot happen behind that chain: under load
 * the engine then used one core of two. Measured at 1e8 rows, 50 clients
 * for 30 s, alternating rounds (2026-12-06): every core 27.1/25.1/24.2
 * requests/s, p99 2.3-2.5 s; one thread beside another 20.4/22.8/19.0,
 * p99 2.8-3.3 s. One slot with every core: 23.3/s, three: 25.3/s.
 */

interface Waiter {
  /** When the request the read serves arrived (the queue's order), then the read's own arrival. */
  since: number;
  order: number;
  start: () => void;
}

/**
 * The queue is in order of the requests' arrival, not the reads': a request
 * whose second read (after a first answer, e.g. a coverage check or the next
 * page of traces) comes back to the queue takes its turn before requests that
 * came after it, instead of waiting a whole queue length again. Under load
 * that tail was the p99: twice the median.
 */
const requestStart = new AsyncLocalStorage<number>();

/**
 * Runs `work` (a request's handling) with its reads queued by `arrivedAt`; a
 * request made on behalf of an earlier one (the page's first screen calls the
 * routes in-process) keeps that one's place.
 */
export function withRequestOrder<T>(arrivedAt: number, work: () => T): T {
  return requestStart.run(Math.min(arrivedAt, requestStart.getStore() ?? Infinity), work);
}

let arrivals = 0;

/** Inserts after every waiter that is not later (stable for equal times). */
function enqueue(queue: Waiter[], waiter: Waiter): void {
  let i = queue.length;
  while (i > 0 && (queue[i - 1]!.since > waiter.since || (queue[i - 1]!.since === waiter.since && queue[i - 1]!.order > waiter.order))) i -= 1;
  queue.splice(i, 0, waiter);
}

interface Slots {
  active: number;
  queue: Waiter[];
}

const slotsKey = Symbol.for('flashback.read-slots');
type GlobalWithSlots = typeof globalThis & { [slotsKey]?: Slots };

function slots(): Slots {
  const g = globalThis as GlobalWithSlots;
  return (g[slotsKey] ??= { active: 0, queue: [] });
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** How many reads may run in the engine at once. */
export function readSlotLimit(engine: EngineKind): number {
  return Math.floor(positive('FLASHBACK_MAX_CONCURRENT_READS', engine === 'embedded' ? 2 : 16));
}

function release(s: Slots): void {
  s.active -= 1;
  const next = s.queue.shift();
  if (next) {
    s.active += 1;
    next.start();
  }
}

/** Runs `work` once a slot is free (in the order of its request's arrival), freeing the slot when it settles. */
export async function withReadSlot<T>(engine: EngineKind, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  const s = slots();
  if (s.active < readSlotLimit(engine) && s.queue.length === 0) {
    s.active += 1;
  } else {
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        since: requestStart.getStore() ?? Date.now(),
        order: (arrivals += 1),
        start: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const leave = (error: unknown) => {
        const index = s.queue.indexOf(waiter);
        if (index >= 0) s.queue.splice(index, 1);
        signal?.removeEventListener('abort', onAbort);
        clearTimeout(timer);
        reject(error);
      };
      const onAbort = () => leave(signal?.reason);
      const timer = setTimeout(
        () =>
          leave(
            new DatabaseError('overloaded', `ClickHouse is busy: this read waited ${positive('FLASHBACK_READ_QUEUE_MS', 10_000)} ms for a turn. Try again shortly.`),
          ),
        positive('FLASHBACK_READ_QUEUE_MS', 10_000),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      enqueue(s.queue, waiter);
    });
  }
  try {
    return await work();
  } finally {
    release(s);
  }
}

/** Reads running and waiting now (for tests and diagnostics). */
export function readSlotState(): { active: number; waiting: number } {
  const s = slots();
  return { active: s.active, waiting: s.queue.length };
}
