import { HydrationBoundary } from '@tanstack/react-query';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { IDENTITY_HEADER } from '@/lib/security/identity';
import { loadFirstScreen } from '@/lib/server/first-screen';
import type { Chrome } from './Timeline';
import { TimelineRoot } from './TimelineRoot';

/**
 * The timeline with its first screen's data (a server component): the page's
 * shell streams at once with the skeleton, and the timeline follows in the
 * same response with the answers its panels ask for on mount already in
 * React Query's cache, so the browser draws without asking.
 */

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function PrefetchedTimeline({ chrome, searchParams }: { chrome: Chrome; searchParams: SearchParams }) {
  return (
    <Suspense fallback={<TimelineRoot chrome={chrome} waiting />}>
      <WithFirstScreen chrome={chrome} searchParams={searchParams} />
    </Suspense>
  );
}

async function WithFirstScreen({ chrome, searchParams }: { chrome: Chrome; searchParams: SearchParams }) {
  const [query, incoming] = await Promise.all([searchParams, headers()]);
  const { now, state } = await loadFirstScreen(query, incoming.get(IDENTITY_HEADER));
  return (
    <HydrationBoundary state={state}>
      <TimelineRoot chrome={chrome} now={now} />
    </HydrationBoundary>
  );
}
