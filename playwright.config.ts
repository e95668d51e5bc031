import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';
import { E2E_SERVER_ENV } from './e2e/support/server-env';
import { SERVER_PATH_ACCOUNT, SERVER_PATH_BASE_URL, SERVER_PATH_PORTS, SERVER_PATH_VIEWER } from './e2e/support/server-path';
import { hashPassword } from './lib/security/passwords';

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against a
 * production build (`next start`) on a dedicated, freshly seeded data dir
 * with a fixed end time, so tests deep-link to known instants. Port, data dir
 * and dist dir come from the environment, so two runs can coexist:
 *   E2E_PORT (3100), E2E_DATA_DIR (.data/e2e), E2E_DIST_DIR (.next-e2e),
 *   E2E_SKIP_BUILD=1 to reuse the last build, E2E_BASE_URL to test a running server
 *   (which then needs the configuration in e2e/support/server-env.ts: Grafana, frame-ancestors).
 * A second server (started after the first, from its build) holds only
 * imported foreign data, no seed: E2E_FOREIGN_PORT (E2E_PORT + 1),
 * E2E_FOREIGN_DATA_DIR (.data/e2e-foreign); its URL is E2E_FOREIGN_BASE_URL
 * for the specs (e2e/foreign-first-screen.spec.ts).
 * A third (e2e/support/server-path.ts) reaches its data through CLICKHOUSE_URL,
 * over the ClickHouse stand-in, whose faults the specs switch (e2e/server-path.spec.ts).
 */

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const foreignPort = Number(process.env.E2E_FOREIGN_PORT ?? port + 1);
if (!process.env.E2E_BASE_URL) process.env.E2E_FOREIGN_BASE_URL ??= `http://127.0.0.1:${foreignPort}`;

const server = { reuseExistingServer: !process.env.CI, timeout: 300_000, stdout: 'pipe', stderr: 'pipe' } as const;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 720 },
    timezoneId: 'UTC',
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : [
        { ...server, command: 'bash e2e/support/serve.sh', url: `${baseURL}/api/health`, env: { E2E_PORT: String(port), ...E2E_SERVER_ENV } },
        {
          ...server,
          command: 'bash e2e/support/serve-foreign.sh',
          url: `${process.env.E2E_FOREIGN_BASE_URL}/api/health`,
          // No operator configuration (no Grafana): the first screen a new user gets.
          env: { E2E_FOREIGN_PORT: String(foreignPort) },
        },
        {
          ...server,
          command: 'bash e2e/support/serve-server-path.sh',
          url: `${SERVER_PATH_BASE_URL}/api/health/live`,
          env: {
            E2E_SERVER_PATH_PORT: String(SERVER_PATH_PORTS.app),
            E2E_SERVER_PATH_CLICKHOUSE_PORT: String(SERVER_PATH_PORTS.clickhouse),
            E2E_SERVER_PATH_CONTROL_PORT: String(SERVER_PATH_PORTS.control),
            E2E_CLICKHOUSE_USER: SERVER_PATH_ACCOUNT.user,
            E2E_CLICKHOUSE_PASSWORD: SERVER_PATH_ACCOUNT.password,
            FLASHBACK_AUTH: 'basic',
            FLASHBACK_USERS: `${SERVER_PATH_VIEWER.username}:${hashPassword(SERVER_PATH_VIEWER.password)}`,
          },
        },
      ],
});
