'use client';

import { Suspense, useSyncExternalStore } from 'react';
import { Timeline } from './Timeline';

/**
 * The timeline renders in the browser only: it resolves relative windows
 * against the viewer's clock and zone, which the server cannot know, so the
 * server sends a skeleton and the client draws the real thing.
 */

const subscribe = () => () => {};

export function TimelineRoot() {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  if (!isClient) return <TimelineSkeleton />;
  return (
    <Suspense fallback={<TimelineSkeleton />}>
      <Timeline />
    </Suspense>
  );
}

function TimelineSkeleton() {
  return (
    <div className="flex h-dvh flex-col" aria-busy="true" data-testid="timeline-skeleton">
      <div className="h-11 border-b border-line bg-panel" />
      <div className="flex flex-1 gap-0">
        <div className="flex flex-1 flex-col gap-3 p-3">
          {[150, 120, 64, 84].map((h, i) => (
            <div key={i} className="animate-pulse rounded bg-skeleton" style={{ height: h }} />
          ))}
        </div>
        <div className="w-80 border-l border-line bg-panel" />
      </div>
    </div>
  );
}
