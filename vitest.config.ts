import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
    },
  },
  test: {
    // chdb segfaults at teardown under worker threads; one process per test file works.
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: one on a 2-core machine, which runs
    // the files one by one while most of each file's time is spent waiting on the engine
    // (the whole suite kept a third of two cores busy).
    maxWorkers: Math.max(2, availableParallelism()),
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'embedded', include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'] } },
      {
        // The API suite again, through CLICKHOUSE_URL to the HTTP stand-in (test/stand-in/) in front of the same engine.
        extends: true,
        test: {
          name: 'server',
          include: ['app/api/**/*.test.ts', 'lib/queries/**/*.test.ts', 'lib/clickhouse/query.test.ts'],
          exclude: ['app/api/health/**'],
          env: { FLASHBACK_TEST_SERVER: '1', FUZZ_RUNS: '100' },
        },
      },
    ],
  },
});
