'use client';

import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { receiveFailures } from '@/lib/client/streamed-answers';

/** React Query's hydration of the first screen's state, answers still on their way included (each lands as it comes). */
export function StreamedHydration({ state, children }: { state: DehydratedState; children: ReactNode }) {
  const received = useMemo(() => receiveFailures(state), [state]);
  return <HydrationBoundary state={received}>{children}</HydrationBoundary>;
}
