import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { closeClickHouse } from '@/lib/clickhouse/client';
import { observeQueries, queryRows } from '@/lib/clickhouse/query';
import { GET as live } from './live/route';
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

describe('readiness under load, and liveness', () => {
  const numbers = z.object({ n: z.number() });
  const slowCount = (signal: AbortSignal) =>
    queryRows({ sql: 'test/slow-count', params: { n: '100000000000' }, row: numbers, signal }).catch(() => 'aborted');

  it('answers from a recent read while the engine is busy with a long query (no queueing behind it)', async () => {
    process.env.FLASHBACK_DATA_DIR = freshDataDir();
    expect((await GET(new Request('http://flashback.test/api/health'))).status).toBe(200);
    const controller = new AbortController();
    let slowDone = false;
    const slow = slowCount(controller.signal).then(() => (slowDone = true));
    const res = await GET(new Request('http://flashback.test/api/health'));
    expect(res.status).toBe(200);
    expect(slowDone).toBe(false); // answered while the long query still held the engine
    controller.abort();
    await slow;
  });

  it('keeps answering from the last success while reads are in flight, up to the read time limit (no probe queued behind them)', async () => {
    process.env.FLASHBACK_DATA_DIR = freshDataDir();
    process.env.FLASHBACK_READY_TIMEOUT_MS = '200';
    expect((await GET(new Request('http://flashback.test/api/health'))).status).toBe(200);
    const controller = new AbortController();
    let slowDone = false;
    const slow = slowCount(controller.signal).then(() => (slowDone = true));
    // 5 s after the last success: past the 2 s freshness, inside the 15 s limit + 5 s of the read in flight.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 5_000);
    try {
      const res = await GET(new Request('http://flashback.test/api/health'));
      expect(res.status).toBe(200); // a probe would have queued behind the slow read and failed within 200 ms
      expect(slowDone).toBe(false);
    } finally {
      clock.mockRestore();
      delete process.env.FLASHBACK_READY_TIMEOUT_MS;
      controller.abort();
      await slow;
    }
  });

  it('asks ClickHouse again after a read failed as overloaded, rather than answer from an earlier success', async () => {
    process.env.FLASHBACK_DATA_DIR = freshDataDir();
    expect((await GET(new Request('http://flashback.test/api/health'))).status).toBe(200);
    // A read over its result limit fails as overloaded (as a server refusing every query for load does).
    process.env.FLASHBACK_MAX_RESULT_ROWS = '1';
    try {
      await expect(queryRows({ sql: 'test/numbers', params: { n: 10 }, row: numbers })).rejects.toMatchObject({ kind: 'overloaded' });
    } finally {
      delete process.env.FLASHBACK_MAX_RESULT_ROWS;
    }
    const probes: string[] = [];
    const stop = observeQueries((q) => q.sql === 'health/version' && probes.push(q.sql));
    try {
      // Well within the 2 s in which a success would otherwise be the answer.
      const res = await GET(new Request('http://flashback.test/api/health'));
      expect(res.status).toBe(200); // this engine is fine: the probe says so
      expect(probes).toEqual(['health/version']);
    } finally {
      stop();
    }
  });

  it('says "overloaded" when a probe finds the engine too busy to answer in time', async () => {
    process.env.FLASHBACK_DATA_DIR = freshDataDir();
    expect((await GET(new Request('http://flashback.test/api/health'))).status).toBe(200);
    const controller = new AbortController();
    const slow = slowCount(controller.signal);
    process.env.FLASHBACK_READY_TIMEOUT_MS = '200';
    // Nothing heard for longer than the freshness window: the next answer needs a probe.
    const later = Date.now() + 60_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      const res = await GET(new Request('http://flashback.test/api/health'));
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: 'overloaded', message: expect.stringMatching(/did not answer a health probe within 200 ms/) });
    } finally {
      clock.mockRestore();
      delete process.env.FLASHBACK_READY_TIMEOUT_MS;
      controller.abort();
      await slow;
    }
  });

  it('liveness answers while ClickHouse is unreachable, and never names it', async () => {
    process.env.CLICKHOUSE_URL = 'http://127.0.0.1:9';
    const res = await live(new Request('http://flashback.test/api/health/live'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', uptimeSeconds: expect.any(Number) });
    expect((await GET(new Request('http://flashback.test/api/health'))).status).toBe(503);
  });
});
