import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Graceful shutdown of a production server (the main e2e build) with its own
 * embedded data dir: SIGTERM while an import is in flight. The import answers
 * (done, or stopped between batches, saying so), a new connection is
 * refused, the engine closes (another process opens the data dir the moment
 * the server has exited), every batch in the tables is in the import ledger
 * and none is half there, and importing the file again completes it without
 * a duplicate. Access control is on (a trusted sign-in proxy, which this
 * test plays): the embedded mode with auth on.
 */

test.skip(!!process.env.E2E_BASE_URL, 'spawns its own server from the e2e build');

const PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = process.env.E2E_DIST_DIR ?? '.next-e2e';
const ROWS = 200_000; // ten batches of the importer's 20 000
const T0 = Date.UTC(2025, 0, 1);

function csv(): string {
  const lines = ['timestamp,metric_name,service,value'];
  for (let i = 0; i < ROWS; i++) lines.push(`${new Date(T0 + i * 1000).toISOString()},shutdown_probe,importer,${i}`);
  return `${lines.join('\n')}\n`;
}

/** Counts read straight from the data dir by another process (which also proves the lock is gone). */
function countsInDataDir(dir: string): { rows: number; ledgerRows: number; batches: number } {
  const script = `
    const { Session } = require('chdb');
    const s = new Session(${JSON.stringify(dir)});
    const q = (sql) => Number(s.query(sql, 'TSV').toString().trim());
    console.log(JSON.stringify({
      rows: q("SELECT count() FROM metrics_events WHERE metric_name = 'shutdown_probe'"),
      ledgerRows: q("SELECT sum(rows) FROM flashback_imports FINAL WHERE target_table = 'metrics_events'"),
      batches: q("SELECT count() FROM flashback_imports FINAL WHERE target_table = 'metrics_events'"),
    }));
    s.close();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { rows: number; ledgerRows: number; batches: number };
}

let dir: string;
let server: ChildProcess | undefined;

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'flashback-shutdown-'));
});
test.afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('SIGTERM finishes what is in flight, refuses what is new, closes the engine, and loses no import batch', async () => {
  test.setTimeout(180_000);
  let log = '';
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
    // Access control on, behind a trusted sign-in proxy (this test is it): the embedded mode with auth on.
    env: { ...process.env, FLASHBACK_DATA_DIR: dir, NEXT_DIST_DIR: DIST, FLASHBACK_AUTH: 'proxy', FLASHBACK_TRUSTED_PROXIES: '127.0.0.1,::1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server?.on('exit', (code) => resolve(code)));
  await expect.poll(() => fetch(`${BASE}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  expect((await fetch(`${BASE}/api/config`)).status).toBe(401); // through the proxy, but signed in as nobody
  const signedIn = { 'x-forwarded-user': 'importer@example.com' };
  expect((await fetch(`${BASE}/api/config`, { headers: signedIn })).status).toBe(200);

  const file = path.join(dir, '..', `${path.basename(dir)}.csv`);
  const body = csv();
  writeFileSync(file, body);
  const upload = fetch(`${BASE}/api/import?name=probe.csv`, { method: 'POST', body, headers: { ...signedIn, 'content-type': 'application/octet-stream' } }).then(
    async (res) => ({ status: res.status, body: (await res.json()) as { tables?: { rows: number }[]; error?: { code: string; message: string } } }),
  );
  // The import is under way: its first batches answer reads.
  const seriesUrl = `${BASE}/api/series?metric=shutdown_probe&from=${T0}&to=${T0 + ROWS * 1000}&agg=count`;
  await expect.poll(() => fetch(seriesUrl, { headers: signedIn }).then((r) => r.json()).then((b: { series?: { points: [number, number | null][] }[] }) => b.series?.[0]?.points.some(([, v]) => (v ?? 0) > 0) ?? false, () => false), { timeout: 60_000 }).toBe(true);

  server.kill('SIGTERM');
  await expect.poll(() => log.includes('[flashback] SIGTERM: finishing'), { timeout: 15_000 }).toBe(true);
  // A new connection: refused (the listener is closed), never served half-way.
  const refused = await fetch(`${BASE}/api/health`).then((r) => `answered ${r.status}`, (error: { cause?: { code?: string } }) => error.cause?.code ?? String(error));
  expect(refused).toBe('ECONNREFUSED');

  // The request in flight gets its whole answer: done, or stopped between two batches and saying so.
  const answer = await upload;
  if (answer.status === 200) expect(answer.body.tables?.[0]?.rows).toBe(ROWS);
  else expect(answer).toMatchObject({ status: 503, body: { error: { code: 'unavailable', message: expect.stringMatching(/shutting down: the import stopped between two batches.*import the file again/) } } });

  expect(await exited).toBe(143); // Next.js's exit code for SIGTERM, after its own cleanup
  expect(log).toContain('[flashback] ClickHouse closed');
  expect(log).not.toMatch(/Cannot lock file|Another server instance/);

  // Right after exit, another process owns the data dir: every batch in the table is in the ledger, whole.
  const after = countsInDataDir(dir);
  test.info().annotations.push({ type: 'at exit', description: `import answered ${answer.status}; ${after.batches} batch(es), ${after.rows} rows written` });
  expect(after.rows).toBe(after.ledgerRows);
  expect(after.rows % 20_000).toBe(0);
  expect(after.batches).toBe(after.rows / 20_000);

  // Importing the file again writes only the rest, once.
  const output = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/import.ts', file], {
    env: { ...process.env, FLASHBACK_DATA_DIR: dir },
    encoding: 'utf8',
  });
  expect(output).toMatch(/200[ ,]?000/);
  const rerun = countsInDataDir(dir);
  expect(rerun).toEqual({ rows: ROWS, ledgerRows: ROWS, batches: ROWS / 20_000 });
  rmSync(file, { force: true });
});
