'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { densityQuery, type Window } from '../queries';
import { lastEventBucket, notableMoments, type Moment } from './moments';

export interface NotableMoments {
  /** Ranked, most notable first. */
  ranked: Moment[];
  /** The same, in time order (what n/p walk). */
  byTime: Moment[];
  /** The last bucket holding any event (the playhead's fallback when nothing stands out). */
  lastEvent: number | null;
  isPending: boolean;
}

/** The window's notable moments, from the density answer the lanes share (one cached request). */
export function useNotableMoments(w: Window): NotableMoments {
  const { data, isPending } = useQuery(densityQuery(w));
  return useMemo(() => {
    const ranked = data ? notableMoments(data.buckets, data.step) : [];
    return { ranked, byTime: [...ranked].sort((a, b) => a.at - b.at), lastEvent: data ? lastEventBucket(data.buckets) : null, isPending };
  }, [data, isPending]);
}
