import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseError } from './errors';
import { readSlotState, withReadSlot, withRequestOrder } from './read-slots';

/** A piece of work the test finishes by hand, recording when it started. */
function gate(started: string[], name: string) {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    name,
    finish: () => finish(),
    work: async () => {
      started.push(name);
      await done;
      return name;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  delete process.env.FLASHBACK_MAX_CONCURRENT_READS;
  delete process.env.FLASHBACK_READ_QUEUE_MS;
  vi.useRealTimers();
});

describe('read slots', () => {
  it('run at most the limit at once, the rest in arrival order', async () => {
    process.env.FLASHBACK_MAX_CONCURRENT_READS = '2';
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd', 'e'].map((name) => gate(started, name));
    const results = gates.map((g) => withReadSlot('embedded', undefined, g.work));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(readSlotState()).toEqual({ active: 2, waiting: 3 });
    gates[1]!.finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    gates[0]!.finish();
    gates[2]!.finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    gates[3]!.finish();
    gates[4]!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(readSlotState()).toEqual({ active: 0, waiting: 0 });
  });

  it('free the slot of a read that fails, and drop a waiter whose caller leaves', async () => {
    process.env.FLASHBACK_MAX_CONCURRENT_READS = '1';
    const started: string[] = [];
    const first = gate(started, 'first');
    const running = withReadSlot('embedded', undefined, async () => {
      await first.work();
      throw new Error('boom');
    });
    const controller = new AbortController();
    const leaving = withReadSlot('embedded', controller.signal, gate(started, 'leaving').work);
    const last = gate(started, 'last');
    const waiting = withReadSlot('embedded', undefined, last.work);
    await settle();
    controller.abort(new Error('gone'));
    await expect(leaving).rejects.toThrow('gone');
    expect(readSlotState()).toEqual({ active: 1, waiting: 1 });
    first.finish();
    await expect(running).rejects.toThrow('boom');
    await settle();
    expect(started).toEqual(['first', 'last']);
    last.finish();
    expect(await waiting).toBe('last');
  });

  it("queue a read by its request's arrival: a request's second read goes before the reads of later requests", async () => {
    process.env.FLASHBACK_MAX_CONCURRENT_READS = '1';
    const started: string[] = [];
    const [busy, first, second, later1, later2] = ['busy', 'early 1st', 'early 2nd', 'later', 'latest'].map((name) => gate(started, name));
    const running = withReadSlot('embedded', undefined, busy!.work);
    // The early request (arrived at 1000) reads, and once answered reads again; requests of 2000 and 3000 queue meanwhile.
    const early = withRequestOrder(1000, async () => [await withReadSlot('embedded', undefined, first!.work), await withReadSlot('embedded', undefined, second!.work)]);
    await settle();
    const others = [later1!, later2!].map((g, i) => withRequestOrder(2000 + 1000 * i, () => withReadSlot('embedded', undefined, g.work)));
    await settle();
    for (const g of [busy!, first!, later1!, second!, later2!]) {
      g.finish();
      await settle();
      await settle();
    }
    await Promise.all([running, early, ...others]);
    // The second read came back while `later` ran, and went before `latest`, which had waited longer.
    expect(started).toEqual(['busy', 'early 1st', 'later', 'early 2nd', 'latest']);
    expect(readSlotState()).toEqual({ active: 0, waiting: 0 });
  });

  it('keep the place of the outer request for a request made on its behalf', async () => {
    process.env.FLASHBACK_MAX_CONCURRENT_READS = '1';
    const started: string[] = [];
    const [busy, inner, other] = ['busy', 'inner', 'other'].map((name) => gate(started, name));
    const running = withReadSlot('embedded', undefined, busy!.work);
    const later = withRequestOrder(2000, () => withReadSlot('embedded', undefined, other!.work));
    // The page arrived at 1000 and calls a route in-process at 3000.
    const page = withRequestOrder(1000, () => withRequestOrder(3000, () => withReadSlot('embedded', undefined, inner!.work)));
    await settle();
    for (const g of [busy!, inner!, other!]) {
      g.finish();
      await settle();
      await settle();
    }
    await Promise.all([running, later, page]);
    expect(started).toEqual(['busy', 'inner', 'other']);
  });

  it('refuse a read that waited too long as overloaded', async () => {
    vi.useFakeTimers();
    process.env.FLASHBACK_MAX_CONCURRENT_READS = '1';
    process.env.FLASHBACK_READ_QUEUE_MS = '500';
    const started: string[] = [];
    const busy = gate(started, 'busy');
    const running = withReadSlot('embedded', undefined, busy.work);
    const refused = withReadSlot('embedded', undefined, gate(started, 'late').work).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(501);
    const error = await refused;
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).kind).toBe('overloaded');
    busy.finish();
    expect(await running).toBe('busy');
    expect(started).toEqual(['busy']);
    expect(readSlotState()).toEqual({ active: 0, waiting: 0 });
  });
});
