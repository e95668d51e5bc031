'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { useState, type ReactNode } from 'react';
import { ApiRequestError } from '@/lib/client/api';
import { boundInactiveQueries } from '@/lib/client/query-budget';
import { useRecovery } from '@/lib/client/recovery';

/** React Query (server state) and nuqs (URL state) for the whole app. */

/**
 * Answers kept for windows no panel shows any more: the default view asks 13
 * queries per window (its panels, lanes, overview and catalog), so this keeps
 * the last three or so windows panned through (going back draws at once) and
 * no more (lib/client/query-budget.ts).
 */
const INACTIVE_ANSWERS = 48;

function makeQueryClient() {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // Bad input will not get better by asking again; a busy or unreachable server might, once.
        retry: (failures, error) => failures < 1 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
        retryDelay: 800,
      },
    },
  });
  boundInactiveQueries(client.getQueryCache(), INACTIVE_ANSWERS);
  return client;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Recovery />
      <NuqsAdapter>{children}</NuqsAdapter>
    </QueryClientProvider>
  );
}

/** Panels that failed while ClickHouse was away fetch again by themselves once it is back (lib/client/recovery.ts). */
function Recovery() {
  useRecovery();
  return null;
}
