'use client';

import { Suspense, useSyncExternalStore } from 'react';
import { Timeline, type Chrome } from './Timeline';
import { TimelineSkeleton } from './TimelineSkeleton';

/**
 * The timeline renders in the browser only: it resolves relative windows
 * against the viewer's clock and zone, which the server cannot know, so the
 * server sends a skeleton and the client draws the real thing.
 */

const subscribe = () => () => {};

export function TimelineRoot({ chrome = 'app' }: { chrome?: Chrome }) {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  if (!isClient) return <TimelineSkeleton chrome={chrome} />;
  return (
    <Suspense fallback={<TimelineSkeleton chrome={chrome} />}>
      <Timeline chrome={chrome} />
    </Suspense>
  );
}
