import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { closeClickHouse, getClickHouse } from '@/lib/clickhouse/client';
import { ensureSchema } from '@/lib/clickhouse/schema';
import { ClickHouseStandIn } from './stand-in/clickhouse-http';

/**
 * Gives a test file a real embedded ClickHouse with the app's schema in a
 * fresh data dir, closed after the file. Returns the client for inserts.
 *
 * With FLASHBACK_TEST_SERVER=1 (the `server` vitest project) the same engine
 * sits behind the HTTP stand-in (test/stand-in/) and the app reaches it
 * through CLICKHOUSE_URL with a password, as it would a ClickHouse server.
 */
export function testEngine() {
  let standIn: ClickHouseStandIn | undefined;
  beforeAll(async () => {
    const root = process.env.FLASHBACK_TEST_ROOT;
    if (!root) throw new Error('FLASHBACK_TEST_ROOT is unset: run tests through vitest (test/global-setup.ts)');
    const dir = mkdtempSync(path.join(root, 'engine-'));
    if (process.env.FLASHBACK_TEST_SERVER === '1') {
      standIn = await new ClickHouseStandIn({ path: dir, accounts: { flashback: { password: 'stand-in-secret' } } }).start();
      process.env.CLICKHOUSE_URL = standIn.url;
      process.env.CLICKHOUSE_USER = 'flashback';
      process.env.CLICKHOUSE_PASSWORD = 'stand-in-secret';
    } else {
      process.env.FLASHBACK_DATA_DIR = dir;
    }
    await ensureSchema();
  });
  afterAll(async () => {
    await closeClickHouse();
    await standIn?.stop();
  });
  return {
    async client() {
      return (await getClickHouse()).client;
    },
  };
}
