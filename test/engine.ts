import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { closeClickHouse, getClickHouse } from '@/lib/clickhouse/client';
import { ensureSchema } from '@/lib/clickhouse/schema';

/**
 * Gives a test file a real embedded ClickHouse with the app's schema in a
 * fresh data dir, closed after the file. Returns the client for inserts.
 */
export function testEngine() {
  beforeAll(async () => {
    const root = process.env.FLASHBACK_TEST_ROOT;
    if (!root) throw new Error('FLASHBACK_TEST_ROOT is unset: run tests through vitest (test/global-setup.ts)');
    process.env.FLASHBACK_DATA_DIR = mkdtempSync(path.join(root, 'engine-'));
    await ensureSchema();
  });
  afterAll(async () => {
    await closeClickHouse();
  });
  return {
    async client() {
      return (await getClickHouse()).client;
    },
  };
}
