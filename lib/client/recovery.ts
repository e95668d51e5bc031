'use client';

import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiRequestError } from './api';

/**
 * Panels that failed because ClickHouse (or Flashback itself) was away come
 * back by themselves, without a reload. While any shown query holds such a
 * failure, one watcher asks `/api/health` now and then (one cheap request
 * however many panels failed, and the panels keep showing their message
 * instead of flashing a skeleton at each attempt); once health answers 200,
 * the failed queries are fetched again. The pause doubles after each attempt
 * (2 s up to 16 s), so a long outage, or a query that keeps hitting a limit
 * while health is fine, is not hammered; it starts over once nothing fails.
 */

const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 16_000;

/**
 * A failure that may pass without anyone changing anything: no answer at all,
 * ClickHouse unavailable or overloaded (503), a gateway's own error page (a
 * proxy in front while Flashback restarts). Flashback's 502 (rows of another
 * shape) and every 4xx need a change of configuration or input instead.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  return error.status === 0 || error.status === 503 || error.status === 504 || (error.status === 502 && error.code === 'http');
}

const failedTransiently = (query: Query) =>
  query.state.status === 'error' && query.state.fetchStatus === 'idle' && query.getObserversCount() > 0 && isTransient(query.state.error);

async function healthy(): Promise<boolean> {
  try {
    return (await fetch('/api/health', { cache: 'no-store', headers: { accept: 'application/json' } })).ok;
  } catch {
    return false;
  }
}

/** Starts the watcher for one query client; returns its stop function. */
export function watchRecovery(client: QueryClient): () => void {
  const cache = client.getQueryCache();
  const anyFailed = () => cache.findAll({ predicate: failedTransiently }).length > 0;
  let delay = FIRST_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checking = false;
  let stopped = false;

  const schedule = () => {
    if (stopped || timer !== undefined || checking) return;
    if (!anyFailed()) {
      delay = FIRST_DELAY_MS;
      return;
    }
    timer = setTimeout(() => void attempt(), delay);
  };

  const attempt = async () => {
    timer = undefined;
    checking = true;
    try {
      if (anyFailed() && (await healthy()) && !stopped) await client.refetchQueries({ predicate: failedTransiently });
    } finally {
      checking = false;
      delay = Math.min(delay * 2, MAX_DELAY_MS);
      schedule();
    }
  };

  const unsubscribe = cache.subscribe(schedule);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}

export function useRecovery(): void {
  const client = useQueryClient();
  useEffect(() => watchRecovery(client), [client]);
}
