import http from 'node:http';

/**
 * Graceful shutdown. On SIGTERM (or SIGINT) Next.js closes its listener, so
 * new connections are refused, waits for the connections it has, then exits.
 * Alongside it, this process:
 *
 * - drains: requests still arriving on open connections get a 503 saying
 *   Flashback is shutting down (proxy.ts), and an import stops at the next
 *   batch boundary (the ingest door), so every batch is either written and in
 *   the import ledger, or not written at all, and a re-run writes the rest;
 * - once no request is in flight, runs what registered with `onShutdown` (the
 *   ClickHouse client: the embedded engine closes and releases its data dir
 *   before the process exits, so the next owner opens it at once).
 *
 * State lives on globalThis: proxy, routes and instrumentation are separate
 * bundles of one process.
 */

interface Lifecycle {
  draining: boolean;
  inFlight: number;
  closers: Set<() => Promise<void>>;
  installed?: boolean;
  idle?: () => void;
}

const key = Symbol.for('flashback.lifecycle');
const state = ((globalThis as typeof globalThis & { [key]?: Lifecycle })[key] ??= { draining: false, inFlight: 0, closers: new Set() });

/** True from the moment the process was asked to stop. */
export function shuttingDown(): boolean {
  return state.draining;
}

/** The refusal a request gets while the process drains. */
export const SHUTTING_DOWN_MESSAGE = 'Flashback is shutting down; try again in a moment (another instance, or this one once it has restarted).';

/** Runs `close` once the process drains and no request is in flight. */
export function onShutdown(close: () => Promise<void>): void {
  state.closers.add(close);
}

/** Starts draining (scripts call this from their own signal handler; the server's handler calls it too). */
export function beginShutdown(): void {
  state.draining = true;
}

function idle(): Promise<void> {
  if (state.inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => (state.idle = resolve));
}

/** For the server (instrumentation.ts): counts requests in flight and closes what registered once they are done. */
export function installGracefulShutdown(): void {
  if (state.installed) return;
  state.installed = true;
  const proto = http.Server.prototype;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      state.inFlight += 1;
      (args[1] as http.ServerResponse).once('close', () => {
        state.inFlight -= 1;
        if (state.inFlight === 0) state.idle?.();
      });
    }
    return (emit as (...all: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    beginShutdown();
    console.log(`[flashback] ${signal}: finishing ${state.inFlight} request(s) in flight, then closing ClickHouse`);
    void idle()
      .then(() => Promise.all([...state.closers].map((close) => close())))
      .then(
        () => console.log('[flashback] ClickHouse closed'),
        (error: unknown) => console.error('[flashback] closing ClickHouse failed:', error),
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
