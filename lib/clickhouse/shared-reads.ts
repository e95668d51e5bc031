import 'server-only';

/**
 * Many viewers, one query. Identical reads (same SQL file, same bound
 * parameters) that are in flight at once share one ClickHouse query, and a
 * finished answer is kept for a few seconds in a small LRU bounded by size,
 * so fifty people opening the same pinned incident link cost one query per
 * panel. Parameters are absolute (a relative window is resolved to epoch ms
 * before it gets here), so a hit is the same question. Writes through the
 * ingest door clear the cache; rows written by others may be seen up to
 * FLASHBACK_READ_CACHE_SECONDS late (default 15, long enough for a link
 * pasted into a channel and opened within seconds; 0 turns the cache off).
 * Failures are never kept.
 */

interface Entry {
  value: unknown[];
  size: number;
  expires: number;
}

interface Flight {
  promise: Promise<{ value: unknown[]; size: number }>;
  controller: AbortController;
  waiting: number;
}

const MAX_BYTES = 32 * 1024 * 1024;

interface State {
  flights: Map<string, Flight>;
  cache: Map<string, Entry>;
  bytes: number;
}

const stateKey = Symbol.for('flashback.shared-reads');
type GlobalWithState = typeof globalThis & { [stateKey]?: State };

function state(): State {
  const g = globalThis as GlobalWithState;
  return (g[stateKey] ??= { flights: new Map(), cache: new Map(), bytes: 0 });
}

function ttlMs(): number {
  const raw = process.env.FLASHBACK_READ_CACHE_SECONDS;
  const seconds = raw === undefined || raw === '' ? 15 : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function remember(s: State, key: string, value: unknown[], size: number): void {
  const ttl = ttlMs();
  if (ttl === 0 || size > MAX_BYTES / 8) return;
  s.cache.set(key, { value, size, expires: Date.now() + ttl });
  s.bytes += size;
  // A Map iterates in insertion order: the first keys are the least recently used.
  for (const [oldKey, old] of s.cache) {
    if (s.bytes <= MAX_BYTES) break;
    s.cache.delete(oldKey);
    s.bytes -= old.size;
  }
}

function cached(s: State, key: string): unknown[] | undefined {
  const entry = s.cache.get(key);
  if (!entry) return undefined;
  s.cache.delete(key);
  if (entry.expires <= Date.now() || ttlMs() === 0) {
    s.bytes -= entry.size;
    return undefined;
  }
  s.cache.set(key, entry); // most recently used now
  return entry.value;
}

/**
 * The rows for `key`: from the cache, from a query already in flight, or
 * from `run` (given a signal that aborts only when every caller waiting for
 * it has gone). `run` answers the rows and their size in bytes.
 */
export async function sharedRead(
  key: string,
  signal: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<{ value: unknown[]; size: number }>,
): Promise<unknown[]> {
  if (signal?.aborted) throw signal.reason;
  const s = state();
  const hit = cached(s, key);
  if (hit) return hit;
  let flight = s.flights.get(key);
  if (!flight) {
    const controller = new AbortController();
    const promise = run(controller.signal).then((result) => {
      remember(s, key, result.value, result.size);
      return result;
    });
    const started: Flight = { promise, controller, waiting: 0 };
    flight = started;
    s.flights.set(key, started);
    void promise.then(
      () => s.flights.delete(key),
      () => s.flights.delete(key),
    );
  }
  return wait(flight, signal);
}

/**
 * One caller's wait. A caller that aborts stops waiting at once while others
 * wait; the last one to leave cancels the query and returns when the client
 * has given it up, as an unshared read would.
 */
async function wait(flight: Flight, signal: AbortSignal | undefined): Promise<unknown[]> {
  flight.waiting += 1;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([flight.promise, aborted]);
    if (outcome !== 'aborted') return outcome.value;
    if (flight.waiting === 1) {
      flight.controller.abort(signal?.reason);
      await flight.promise.catch(() => undefined);
    }
    throw signal?.reason;
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    flight.waiting -= 1;
  }
}

/** After a write through the ingest door: answers read before it may be stale. */
export function forgetSharedReads(): void {
  const s = state();
  s.cache.clear();
  s.bytes = 0;
}
