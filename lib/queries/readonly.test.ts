import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DatabaseError } from '@/lib/clickhouse/errors';
import { queryRows } from '@/lib/clickhouse/query';
import { testEngine } from '@/test/engine';
import { insertRows, securityRow, tableFingerprints } from '@/test/fixtures/rows';

/**
 * The read door enforces read-only in ClickHouse itself (readonly = 2), not
 * by trusting the SQL files: statements that write, sent through queryRows,
 * are refused, and the tables are unchanged.
 */

const engine = testEngine();

const anyRow = z.object({}).loose();

async function refusal(sql: string): Promise<DatabaseError> {
  const error = await queryRows({ sql, row: anyRow }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}

describe('queryRows is read-only', () => {
  it('refuses an INSERT and a DROP with kind "readonly", and nothing changes', async () => {
    const client = await engine.client();
    await insertRows('security', [securityRow({ t: Date.UTC(2024, 2, 1) })]);
    const before = await tableFingerprints(client);

    // The write is the first statement of this session: the refusal comes from the query's own settings.
    expect((await refusal('test/write-attempt')).kind).toBe('readonly');
    expect((await refusal('test/drop-attempt')).kind).toBe('readonly');

    expect(await tableFingerprints(client)).toEqual(before);
    expect(before.security_events?.rows).toBe(1);
  });
});
