import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testEngine } from '@/test/engine';
import { closeClickHouse, getClickHouse, type ReadonlyLevel } from './client';
import { DatabaseError } from './errors';
import { queryRows } from './query';
import { ensureSchema } from './schema';

/**
 * Servers often give Flashback an account that is read-only already. Its
 * level decides which guards a read may still set; the embedded engine plays
 * that account by setting `readonly` on its session.
 */

testEngine();
const numbers = z.object({ n: z.number() });

/** A fresh session whose account is read-only at `level`, as the app would first meet it. */
async function accountAt(level: ReadonlyLevel) {
  await closeClickHouse(); // a new session: settings start from the defaults again
  const handle = await getClickHouse();
  await handle.client.command({ query: `SET readonly = ${level}` });
  return handle;
}

describe('a read-only account', () => {
  it.each([2, 1] as const)('at level %i: the schema step passes, reads work, writes are refused', async (level) => {
    await accountAt(level);
    expect(await ensureSchema()).toBe(level);
    expect(await queryRows({ sql: 'test/numbers', params: { n: 2 }, row: numbers })).toEqual([{ n: 0 }, { n: 1 }]);
    const write = await queryRows({ sql: 'test/write-attempt', row: z.object({}) }).catch((e: unknown) => e);
    expect(write).toBeInstanceOf(DatabaseError);
    expect((write as DatabaseError).kind).toBe('readonly');
  });

  it('says which setting to check when a configured table does not exist', async () => {
    await accountAt(0);
    process.env.FLASHBACK_TABLE_METRICS = 'no_such_table';
    try {
      (await getClickHouse()).schemaReady = Promise.resolve(0); // as if another process had created the schema
      // Any read of the metrics table: the seed's row count is one.
      const error = await queryRows({ sql: 'seed/counts', row: z.object({}) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).kind).toBe('unavailable');
      expect((error as DatabaseError).message).toMatch(/FLASHBACK_TABLE_/);
    } finally {
      delete process.env.FLASHBACK_TABLE_METRICS;
    }
  });
});
