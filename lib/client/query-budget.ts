import type { QueryCache } from '@tanstack/react-query';

/**
 * Keeps at most `max` answers that no panel shows any more, dropping the ones
 * left longest ago. React Query keeps an answer for its gcTime after its last
 * observer goes, so every window passed through while panning stayed in memory
 * for five minutes: the heap grew by a window's answers (about 1 MB for six
 * 24-hour panels) with each step, without bound for a user panning fast. With
 * a budget, going back to the last few windows still draws from the cache
 * while memory stops growing once it is full. Answers never shown (a prefetch,
 * the server's first view before its panels mount) are left to gcTime.
 */
export function boundInactiveQueries(cache: QueryCache, max: number): () => void {
  // Query hashes in the order their last observer left; a Map iterates in insertion order.
  const left = new Map<string, true>();
  return cache.subscribe((event) => {
    const { query } = event;
    if (event.type === 'observerAdded' || event.type === 'removed') {
      left.delete(query.queryHash);
      return;
    }
    if (event.type !== 'observerRemoved' || query.getObserversCount() > 0) return;
    left.delete(query.queryHash);
    left.set(query.queryHash, true);
    for (const hash of left.keys()) {
      if (left.size <= max) break;
      left.delete(hash);
      const oldest = cache.get(hash);
      if (oldest && oldest.getObserversCount() === 0) cache.remove(oldest);
    }
  });
}
