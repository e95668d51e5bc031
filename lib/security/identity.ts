import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who a request is for (the signed-in user, from proxy.ts), available to the
 * read door without threading it through every repository, so each query's
 * `log_comment` names its user in ClickHouse's query log.
 */

export const IDENTITY_HEADER = 'x-flashback-identity';

const storage = new AsyncLocalStorage<string>();

export function withIdentity<T>(identity: string | null, work: () => T): T {
  return identity ? storage.run(identity, work) : work();
}

/** The identity as it may appear inside a SQL string literal: letters, digits and `._@-` only. */
export function currentIdentity(): string | undefined {
  const identity = storage.getStore()?.replace(/[^\w.@-]/g, '').slice(0, 64);
  return identity || undefined;
}
