import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Each test file runs in its own process (pool: forks) and opens the embedded
 * engine in its own data dir under one temporary root, removed at the end.
 * Times are checked under a non-UTC zone so local-time bugs show up.
 */
export default function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'flashback-test-'));
  process.env.FLASHBACK_TEST_ROOT = root;
  process.env.TZ = 'America/New_York';
  // Tests insert rows with the client directly, past the ingest door that clears the read cache.
  process.env.FLASHBACK_READ_CACHE_SECONDS = '0';
  delete process.env.CLICKHOUSE_URL;
  return () => rmSync(root, { recursive: true, force: true });
}
