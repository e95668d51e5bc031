import 'server-only';
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { readConnectionConfig, readLimits, type ConnectionConfig } from '@/lib/config';
import { onShutdown } from '@/lib/lifecycle/shutdown';
import { classifyError } from './errors';
import { forgetObservations } from './observed';

/**
 * The one ClickHouse client of this process.
 *
 * Created lazily on first use (never at import: `next build` evaluates route
 * modules and must not open the embedded data dir) and kept on `globalThis`
 * so that `next dev` hot reloads reuse it: chDB allows one owner per data dir.
 */

export type EngineKind = ConnectionConfig['kind'];

export interface ClickHouseHandle {
  client: ClickHouseClient;
  engine: EngineKind;
  /** Where the data lives: the server URL or the embedded data dir. */
  location: string;
  /** Set by `ensureSchema()`: the tables exist once this resolves, to the account's `readonly` level. */
  schemaReady?: Promise<ReadonlyLevel>;
}

/**
 * The account's own `readonly` setting: 0 may change any setting, 2 all but
 * `readonly`, 1 none (its profile then sets the limits, and writes are refused anyway).
 */
export type ReadonlyLevel = 0 | 1 | 2;

const globalKey = Symbol.for('flashback.clickhouse');
type GlobalWithClient = typeof globalThis & { [globalKey]?: Promise<ClickHouseHandle> };

async function connect(config: ConnectionConfig): Promise<ClickHouseHandle> {
  if (config.kind === 'server') {
    const { url, username, password, database } = config;
    // A server that takes the connection and never answers is cut off a little after the queries' own time limit.
    const requestTimeout = (readLimits().maxExecutionSeconds + 5) * 1000;
    return { client: createClient({ url, username, password, database, request_timeout: requestTimeout }), engine: 'server', location: url };
  }
  // Imported on demand so the native engine (~250 MB resident) loads only in embedded mode.
  const { createChdbConnection } = await import('chdb/connection');
  const connection = createChdbConnection({ path: config.path });
  // chdb's Connection type is nominally distinct from the client's vendored copy; they are runtime-compatible.
  const client = createClient({ connection: connection as unknown as ClickHouseClientConfigOptions['connection'] });
  return { client, engine: 'embedded', location: config.path };
}

export function getClickHouse(): Promise<ClickHouseHandle> {
  const g = globalThis as GlobalWithClient;
  onShutdown(closeClickHouse); // a graceful stop closes the engine (and frees its data dir) before the process exits
  // A failed connect is forgotten so that the next call retries (the data dir may have been freed).
  g[globalKey] ??= connect(readConnectionConfig()).catch((error: unknown) => {
    delete g[globalKey];
    throw classifyError(error);
  });
  return g[globalKey];
}

/** Closes the client (tests and scripts); the next `getClickHouse()` reconnects. */
export async function closeClickHouse(): Promise<void> {
  const g = globalThis as GlobalWithClient;
  const handle = g[globalKey];
  delete g[globalKey];
  forgetObservations(); // what was seen of this connection says nothing of the next
  await (await handle?.catch(() => undefined))?.client.close();
}
