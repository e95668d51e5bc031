'use client';

import { Suspense, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTimeline } from '@/lib/client/store';
import { Timeline, type Chrome } from './Timeline';
import { TimelineSkeleton } from './TimelineSkeleton';

/**
 * The timeline renders in the browser only: it resolves times in the
 * viewer's zone, which the server cannot know, so the server sends a
 * skeleton and the client draws the real thing. `now` is the clock the
 * server resolved the first view against (its data came with the page):
 * relative windows resolve against it, so the first view asks for what the
 * server already fetched.
 */

const subscribe = () => () => {};

/**
 * `waiting`: the first screen's data is still on its way (the page's
 * streamed fallback). Shown by this module rather than by the skeleton
 * alone, so the browser loads the timeline's code while the data comes.
 */
export function TimelineRoot({ chrome = 'app', now, waiting = false }: { chrome?: Chrome; now?: number; waiting?: boolean }) {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  if (!isClient || waiting) return <TimelineSkeleton chrome={chrome} />;
  return (
    <Suspense fallback={<TimelineSkeleton chrome={chrome} />}>
      <ServerClock now={now}>
        <Timeline chrome={chrome} />
      </ServerClock>
    </Suspense>
  );
}

/** Sets the view's clock once, before anything resolves a window against it. */
function ServerClock({ now, children }: { now: number | undefined; children: ReactNode }) {
  useState(() => {
    if (now !== undefined) useTimeline.setState({ now });
  });
  return children;
}
