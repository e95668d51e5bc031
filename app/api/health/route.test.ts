import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeClickHouse } from '@/lib/clickhouse/client';
import { GET } from './route';

/** Each case points the process's one client somewhere else, so close it between cases. */
afterEach(async () => {
  await closeClickHouse();
  delete process.env.CLICKHOUSE_URL;
});

function freshDataDir(): string {
  return mkdtempSync(path.join(process.env.FLASHBACK_TEST_ROOT as string, 'health-'));
}

/** Another process that opens the embedded engine on `dir` and holds it until killed. */
async function holdDataDir(dir: string): Promise<ChildProcess> {
  const script = `
    const { createChdbConnection } = require('chdb/connection');
    createChdbConnection({ path: ${JSON.stringify(dir)} });
    console.log('holding');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

describe('GET /api/health', () => {
  it('answers 200 with the embedded engine and its version', async () => {
    process.env.FLASHBACK_DATA_DIR = freshDataDir();
    const res = await GET(new Request('http://flashback.test/api/health'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', engine: 'embedded' });
    expect(body.version).toMatch(/^\d+\.\d+/);
  });

  it('answers 503 with a clear message when the ClickHouse server is unreachable', async () => {
    process.env.CLICKHOUSE_URL = 'http://127.0.0.1:9'; // discard port: nothing listens
    const res = await GET(new Request('http://flashback.test/api/health'));
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/cannot be reached/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('answers 503 naming the cause when another process holds the data dir, and recovers once it is free', async () => {
    const dir = freshDataDir();
    const holder = await holdDataDir(dir);
    try {
      process.env.FLASHBACK_DATA_DIR = dir;
      const res = await GET(new Request('http://flashback.test/api/health'));
      expect(res.status).toBe(503);
      expect((await res.json()).error.message).toMatch(/in use by another Flashback process/);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const retry = await GET(new Request('http://flashback.test/api/health'));
    expect(retry.status).toBe(200);
  });
});
