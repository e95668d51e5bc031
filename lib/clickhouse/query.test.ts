import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testEngine } from '@/test/engine';
import { DatabaseError } from './errors';
import { queryRows } from './query';

const engine = testEngine();
const numbers = z.object({ n: z.number() });

async function failure(promise: Promise<unknown>): Promise<DatabaseError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}

describe('queryRows, the read door', () => {
  it('returns validated rows with bound parameters', async () => {
    expect(await queryRows({ sql: 'test/numbers', params: { n: 3 }, row: numbers })).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });

  it('runs the arms of a union a read names, all of them when it names none', async () => {
    const total = async (arms?: string[]) => (await queryRows({ sql: 'test/arms', arms, row: z.object({ total: z.number() }) }))[0]?.total;
    expect(await total()).toBe(111);
    expect(await total(['a'])).toBe(1);
    expect(await total(['b'])).toBe(110);
    expect(await total(['c'])).toBe(100);
    expect(await total(['a', 'c'])).toBe(101);
    await expect(total(['d'])).rejects.toThrow(); // a read that names no arm of the file is a bug: it fails, never runs an empty union
  });

  it('makes ClickHouse refuse a write sent through it', async () => {
    expect((await failure(queryRows({ sql: 'test/write-attempt', row: z.object({}) }))).kind).toBe('readonly');
  });

  it('confines its guards to its own query: writes elsewhere in the process still work after a read', async () => {
    await queryRows({ sql: 'test/numbers', params: { n: 1 }, row: numbers });
    const client = await engine.client();
    await client.insert({
      table: 'metrics_events',
      values: [{ timestamp: '2026-01-01 00:00:00.000', metric_name: 'probe', service: 's', value: 1, labels: {} }],
      format: 'JSONEachRow',
    });
    const result = await client.query({ query: "SELECT toUInt32(count()) AS c FROM metrics_events WHERE metric_name = 'probe'", format: 'JSONEachRow' });
    expect(await result.json()).toEqual([{ c: 1 }]);
  });

  it('stops a result larger than the row limit as overload, not as a crash', async () => {
    process.env.FLASHBACK_MAX_RESULT_ROWS = '10';
    try {
      expect((await failure(queryRows({ sql: 'test/numbers', params: { n: 50_000 }, row: numbers }))).kind).toBe('overloaded');
    } finally {
      delete process.env.FLASHBACK_MAX_RESULT_ROWS;
    }
  });

  it('rejects rows that do not match their schema', async () => {
    const error = await failure(queryRows({ sql: 'test/numbers', params: { n: 1 }, row: z.object({ n: z.string() }) }));
    expect(error.kind).toBe('unexpected_rows');
    expect(error.message).toMatch(/test\/numbers with rows that do not match their schema \(n: .*\): check that the FLASHBACK_TABLE_/);
  });

  it('cancels a query when its signal aborts (a client that disconnects)', async () => {
    const controller = new AbortController();
    const started = performance.now();
    // Counting 10^11 numbers takes far longer than the test waits.
    const pending = queryRows({ sql: 'test/slow-count', params: { n: '100000000000' }, row: numbers, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await pending.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DatabaseError); // an abort, not a ClickHouse failure
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
