import { headers } from 'next/headers';
import { Suspense } from 'react';
import { IDENTITY_HEADER } from '@/lib/security/identity';
import { loadFirstScreen } from '@/lib/server/first-screen';
import { StreamedHydration } from './StreamedHydration';
import type { Chrome } from './Timeline';
import { TimelineRoot } from './TimelineRoot';

/**
 * The timeline with its first screen's data (a server component): the page's
 * shell streams at once with the skeleton, and the timeline follows in the
 * same response as soon as its view is resolved, with the answers its panels
 * ask for on mount in React Query's cache or on their way (each streamed as
 * it lands), so the browser draws without asking.
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
  const { now, state } = await loadFirstScreen(query, incoming.get(IDENTITY_HEADER), chrome === 'embed');
  return (
    <StreamedHydration state={state}>
      <TimelineRoot chrome={chrome} now={now} />
    </StreamedHydration>
  );
}
