'use client';

import { Suspense, useSyncExternalStore } from 'react';
import { Timeline, type Chrome } from './Timeline';

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

function TimelineSkeleton({ chrome }: { chrome: Chrome }) {
  const app = chrome === 'app';
  return (
    <div className="flex h-dvh flex-col" aria-busy="true" data-testid="timeline-skeleton">
      <div className={`${app ? 'h-11' : 'h-6'} border-b border-line bg-panel`} />
      <div className="flex min-h-0 flex-1 gap-0 overflow-hidden">
        <div className="flex flex-1 flex-col gap-3 p-3">
          {[150, 120, 64, 84].map((h, i) => (
            <div key={i} className="shrink-0 animate-pulse rounded bg-skeleton" style={{ height: h }} />
          ))}
        </div>
        {app && <div className="w-80 border-l border-line bg-panel" />}
      </div>
    </div>
  );
}
