import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { boundInactiveQueries } from './query-budget';

/** A real React Query cache, with gcTime so long that only the budget can drop an answer. */
function setup(max: number) {
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity, retry: false } } });
  boundInactiveQueries(client.getQueryCache(), max);
  const keys = () => client.getQueryCache().getAll().map((q) => q.queryKey.join(':')).sort();
  /** A panel showing window `name` until the returned function is called. */
  const show = async (name: string) => {
    const observer = new QueryObserver(client, { queryKey: ['w', name], queryFn: async () => name });
    const leave = observer.subscribe(() => undefined);
    await client.fetchQuery({ queryKey: ['w', name], queryFn: async () => name });
    return leave;
  };
  return { client, keys, show };
}

describe('the budget of answers no panel shows', () => {
  it('keeps the ones left most recently, and never one a panel still shows', async () => {
    const { keys, show } = setup(3);
    const leaveShown = await show('shown');
    for (const name of ['a', 'b', 'c', 'd', 'e']) (await show(name))();
    expect(keys()).toEqual(['w:c', 'w:d', 'w:e', 'w:shown']);
    // Going back to c makes it the most recently left; two more windows push out d and e, not c.
    (await show('c'))();
    for (const name of ['f', 'g']) (await show(name))();
    expect(keys()).toEqual(['w:c', 'w:f', 'w:g', 'w:shown']);
    leaveShown();
    expect(keys()).toEqual(['w:f', 'w:g', 'w:shown']);
  });

  it('counts an answer once however many panels showed it', async () => {
    const { keys, show } = setup(2);
    const [first, second] = [await show('a'), await show('a')];
    first();
    second();
    (await show('b'))();
    expect(keys()).toEqual(['w:a', 'w:b']);
  });

  it('leaves an answer no panel has shown yet (a prefetch, the first view from the server) to gcTime', async () => {
    const { client, keys, show } = setup(1);
    await client.prefetchQuery({ queryKey: ['prefetched'], queryFn: async () => 1 });
    for (const name of ['a', 'b', 'c']) (await show(name))();
    expect(keys()).toEqual(['prefetched', 'w:c']);
  });
});
