import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '@/lib/clickhouse/query';
import { testEngine } from '@/test/engine';
import { dateTime64 } from './common';

testEngine();

const readBack = async (ms: number) =>
  Number((await queryRows({ sql: 'test/epoch-ms', params: { t: dateTime64(ms) }, row: z.object({ ms: z.string() }), share: false }))[0]?.ms);

describe('dateTime64, the text bound to a DateTime64(3) placeholder', () => {
  // ClickHouse reads "3600.000" as a year followed by garbage: the first hours of 1970 once answered /api/catalog?from=0 with a 500.
  it.each([0, 1, 999, 3_600_000, 9_999_999, 10_000_000, 86_400_000])('is read back as the same instant: %i ms', async (ms) => {
    expect(await readBack(ms)).toBe(ms);
  });

  it('is read back as the same instant for any epoch millisecond up to year 2286', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 9_999_999_999_999 })), async (ms) => {
        expect(await readBack(ms)).toBe(ms);
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });
});
