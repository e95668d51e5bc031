import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseError } from './errors';
import { readSlotState, withReadSlot } from './read-slots';

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
