import { describe, expect, it } from 'vitest';
import { mergeWindowEvents, pageIsComplete, windowEvents } from './window-events';

const idle = { isPending: false, error: null, retry: () => {} };
type E = { id: string; t: number };
const time = (e: E) => e.t;
const key = (e: E) => e.id;
const ev = (id: string, t: number): E => ({ id, t });

describe('events in the window', () => {
  it('is complete when the cursor says there is nothing more, or a page is under its limit', () => {
    expect(pageIsComplete(10, { kind: 'cursor', next: null })).toBe(true);
    expect(pageIsComplete(10, { kind: 'cursor', next: undefined })).toBe(true);
    expect(pageIsComplete(10, { kind: 'cursor', next: 'abc' })).toBe(false);
    expect(pageIsComplete(999, { kind: 'limit', limit: 1000 })).toBe(true);
    expect(pageIsComplete(1000, { kind: 'limit', limit: 1000 })).toBe(false);
  });

  it('answers all events, sorted by time, with their exact total', () => {
    const answer = windowEvents([ev('b', 20), ev('a', 10), ev('c', 30)], { kind: 'limit', limit: 5 }, idle, time);
    expect(answer.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect([answer.complete, answer.total]).toEqual([true, 3]);
  });

  it('answers a cut-short page with the total only when a count is known', () => {
    const page = [ev('a', 1), ev('b', 2)];
    expect(windowEvents(page, { kind: 'limit', limit: 2 }, idle, time)).toMatchObject({ complete: false, total: null });
    expect(windowEvents(page, { kind: 'cursor', next: 'x' }, idle, time, 5000)).toMatchObject({ complete: false, total: 5000 });
  });

  it('is neither complete nor counted before anything has arrived', () => {
    const pending = windowEvents<E>(null, { kind: 'limit', limit: 2 }, { ...idle, isPending: true }, time);
    expect(pending).toMatchObject({ events: [], complete: false, total: null, isPending: true });
  });

  it('merges answers without duplicates, complete only when every part is', () => {
    const a = windowEvents([ev('x', 5), ev('y', 1)], { kind: 'limit', limit: 10 }, idle, time);
    const b = windowEvents([ev('y', 1), ev('z', 3)], { kind: 'limit', limit: 10 }, idle, time);
    const cut = windowEvents([ev('w', 9)], { kind: 'limit', limit: 1 }, idle, time);
    const merged = mergeWindowEvents([a, b], key, time);
    expect(merged.events.map((e) => e.id)).toEqual(['y', 'z', 'x']);
    expect([merged.complete, merged.total]).toEqual([true, 3]);
    expect(mergeWindowEvents([a, cut], key, time)).toMatchObject({ complete: false, total: null });
  });

  it('passes on the first error and retries only the parts that failed', () => {
    const failed: string[] = [];
    const ok = windowEvents([ev('x', 5)], { kind: 'limit', limit: 10 }, { ...idle, retry: () => failed.push('ok') }, time);
    const broken = windowEvents<E>(null, { kind: 'limit', limit: 10 }, { isPending: false, error: new Error('boom'), retry: () => failed.push('broken') }, time);
    const merged = mergeWindowEvents([ok, broken], key, time);
    expect(merged.error?.message).toBe('boom');
    merged.retry();
    expect(failed).toEqual(['broken']);
  });
});
