import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as anomalies } from '@/app/api/anomalies/route';
import { GET as health } from '@/app/api/health/route';
import { POST as importFile } from '@/app/api/import/route';
import { GET as series } from '@/app/api/series/route';
import { closeClickHouse } from '@/lib/clickhouse/client';
import { ensureSchema } from '@/lib/clickhouse/schema';
import { DATASET_START, insertDataset } from '@/test/fixtures/dataset';
import { call, type ErrorBody } from '@/test/fixtures/request';
import { ClickHouseStandIn, NO_FAULTS } from './clickhouse-http';

/**
 * Flashback's server path (CLICKHOUSE_URL) against the HTTP stand-in: the
 * faults a real server can show — wrong password, unknown database,
 * read-only accounts, a connection closed mid-answer, slowness, overload,
 * rows of another shape, the server going away and coming back — each a
 * clear answer naming what to check, never a 500.
 */

const ACCOUNTS = {
  flashback: { password: 'right-password' },
  reader1: { password: 'r1', readonly: 1 as const },
  reader2: { password: 'r2', readonly: 2 as const },
};

let standIn: ClickHouseStandIn;

async function connectAs(user: string, password: string, database?: string) {
  await closeClickHouse();
  process.env.CLICKHOUSE_URL = standIn.url;
  process.env.CLICKHOUSE_USER = user;
  process.env.CLICKHOUSE_PASSWORD = password;
  if (database) process.env.CLICKHOUSE_DATABASE = database;
  else delete process.env.CLICKHOUSE_DATABASE;
}

const seriesQuery = { metric: 'order_latency_ms', from: DATASET_START, to: DATASET_START + 600_000, step: '1m' };

beforeAll(async () => {
  // Each case must reach the server: no answer from the short read cache.
  process.env.FLASHBACK_READ_CACHE_SECONDS = '0';
  standIn = await new ClickHouseStandIn({ path: mkdtempSync(path.join(process.env.FLASHBACK_TEST_ROOT as string, 'stand-in-')), accounts: ACCOUNTS }).start();
  await connectAs('flashback', 'right-password');
  await ensureSchema();
  await insertDataset();
});

afterEach(async () => {
  Object.assign(standIn.faults, NO_FAULTS);
  await standIn.up();
  delete process.env.FLASHBACK_MAX_EXECUTION_SECONDS;
  await connectAs('flashback', 'right-password');
});

afterAll(async () => {
  await closeClickHouse();
  await standIn.stop();
  delete process.env.CLICKHOUSE_URL;
});

function expectClear(res: { status: number; body: ErrorBody }, status: number, code: string, message: RegExp) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(message);
  expect(JSON.stringify(res.body)).not.toMatch(/DB::Exception|right-password|Code: \d+/);
}

describe('the server path over HTTP', () => {
  it('answers the routes with the engine behind HTTP, guards and tags sent with each read', async () => {
    const res = await call<{ series: { points: [number, number | null][] }[] }>(series, '/api/series', seriesQuery);
    expect(res.status).toBe(200);
    expect(res.body.series.length).toBeGreaterThan(0);
    const read = standIn.received.findLast((q) => q.sql.includes('metric_name'));
    expect(read?.user).toBe('flashback');
    expect(read?.sql).toMatch(/SETTINGS readonly = 2, max_execution_time = \d+, .*log_comment = 'flashback:series\//s);
    expect(read?.settings).toEqual({ cancel_http_readonly_queries_on_client_close: '1' });
  });

  it("names the signed-in user in each query's log_comment (and only safe characters of it)", async () => {
    const qs = new URLSearchParams(Object.entries(seriesQuery).map(([k, v]) => [k, String(v)]));
    const res = await series(new Request(`http://flashback.test/api/series?${qs}`, { headers: { 'x-flashback-identity': "alice@example.com'; DROP" } }));
    expect(res.status).toBe(200);
    expect(standIn.received.findLast((q) => q.sql.includes('metric_name'))?.sql).toMatch(/log_comment = 'flashback:series\/\w+ user=alice@example.comDROP'/);
  });

  it('names the credentials when the password is wrong', async () => {
    await connectAs('flashback', 'wrong-password');
    expectClear(await call<ErrorBody>(health, '/api/health'), 503, 'unavailable', /refused the credentials: check CLICKHOUSE_USER and CLICKHOUSE_PASSWORD/);
  });

  it('names CLICKHOUSE_DATABASE when the database does not exist', async () => {
    await connectAs('flashback', 'right-password', 'no_such_db');
    expectClear(await call<ErrorBody>(series, '/api/series', seriesQuery), 503, 'unavailable', /CLICKHOUSE_DATABASE/);
  });

  it.each([
    ['reader1', 'r1'],
    ['reader2', 'r2'],
  ])('works with a read-only account (%s): no schema step, reads answer', async (user, password) => {
    await connectAs(user, password);
    const res = await call<{ series: unknown[] }>(series, '/api/series', seriesQuery);
    expect(res.status).toBe(200);
    expect(res.body.series.length).toBeGreaterThan(0);
    const reads = standIn.received.filter((q) => q.user === user && q.sql.includes('metric_name'));
    // Level 1 may change no setting: the read goes without guards or URL settings (its profile limits it).
    if (user === 'reader1') expect(reads.at(-1)).toMatchObject({ settings: {} });
    expect(reads.at(-1)?.sql).not.toMatch(user === 'reader1' ? /SETTINGS/ : /readonly = 2,/);
  });

  it('answers 503 when the server closes the connection mid-answer', async () => {
    standIn.faults.closeMidResponse = true;
    expectClear(await call<ErrorBody>(series, '/api/series', seriesQuery), 503, 'unavailable', /cannot be reached|closed the connection/);
  });

  it('answers 503 overloaded when a slow server runs past the time limit', async () => {
    process.env.FLASHBACK_MAX_EXECUTION_SECONDS = '1';
    await call(health, '/api/health'); // connect and apply the schema before the slow part
    standIn.faults.slowMs = 60_000;
    expectClear(await call<ErrorBody>(series, '/api/series', seriesQuery), 503, 'overloaded', /overloaded or the query hit a limit/);
  });

  it('cancels the query on the server when the caller goes away (navigation)', async () => {
    await call(series, '/api/series', seriesQuery); // connect, apply the schema, learn the rollups before the slow part
    standIn.faults.slowMs = 60_000;
    const seen = standIn.received.length;
    const controller = new AbortController();
    const pending = series(new Request(`http://flashback.test/api/series?${new URLSearchParams(Object.entries(seriesQuery).map(([k, v]) => [k, String(v)]))}`, { signal: controller.signal }));
    await expect.poll(() => standIn.received.slice(seen).some((q) => q.sql.includes('metric_name'))).toBe(true);
    const cancelledBefore = standIn.cancelled.length;
    controller.abort();
    expect((await pending).status).toBe(499);
    await expect.poll(() => standIn.cancelled.length).toBe(cancelledBefore + 1);
  });

  it('answers 502 naming the tables when rows do not match their schema', async () => {
    await call(health, '/api/health');
    standIn.faults.rowsNotMatching = true;
    expectClear(await call<ErrorBody>(anomalies, '/api/anomalies', { from: seriesQuery.from, to: seriesQuery.to }), 502, 'bad_gateway', /do not match their schema.*FLASHBACK_TABLE_/);
  });

  it('answers 503 out_of_space on an import the server has no room for; health stays up and says so; a re-run completes', async () => {
    process.env.FLASHBACK_ALLOW_IMPORT = '1';
    const csv = `timestamp,metric_name,service,value\n${new Date(DATASET_START).toISOString()},no_room_probe,importer,1\n`;
    const upload = async () => {
      const res = await importFile(new Request('http://flashback.test/api/import?name=room.csv', { method: 'POST', body: csv, headers: { 'content-type': 'application/octet-stream' } }));
      return { status: res.status, body: (await res.json()) as ErrorBody };
    };
    try {
      standIn.faults.diskFull = true;
      expectClear(await upload(), 503, 'out_of_space', /no disk space left to write: free space on the disk that holds its data \(the server's data path/);
      const degraded = await call<{ status: string; warning: string }>(health, '/api/health');
      expect(degraded.status).toBe(200);
      expect(degraded.body).toMatchObject({ status: 'degraded', warning: expect.stringMatching(/no disk space left/) });
      standIn.faults.diskFull = false;
      expect((await upload()).status).toBe(200);
      expect((await call<{ status: string }>(health, '/api/health')).body.status).toBe('ok');
    } finally {
      delete process.env.FLASHBACK_ALLOW_IMPORT;
    }
  });

  it('answers 503 while the server is down and recovers by itself when it is back', async () => {
    await standIn.down();
    expectClear(await call<ErrorBody>(series, '/api/series', seriesQuery), 503, 'unavailable', /cannot be reached.*CLICKHOUSE_URL/);
    expectClear(await call<ErrorBody>(health, '/api/health'), 503, 'unavailable', /cannot be reached/);
    await standIn.up();
    expect((await call(series, '/api/series', seriesQuery)).status).toBe(200);
    expect((await call(health, '/api/health')).status).toBe(200);
  });
});

describe('the stand-in speaks ClickHouse HTTP', () => {
  const auth = { Authorization: `Basic ${Buffer.from('flashback:right-password').toString('base64')}` };

  it('binds param_*, reports a summary, and takes X-ClickHouse-User/-Key as well as basic auth', async () => {
    const byHeaders = await fetch(`${standIn.url}/?param_n=3&default_format=JSONEachRow`, {
      method: 'POST', body: 'SELECT toUInt32(count()) AS c FROM numbers({n:UInt64})', headers: { 'X-ClickHouse-User': 'flashback', 'X-ClickHouse-Key': 'right-password' },
    });
    expect(byHeaders.status).toBe(200);
    expect(await byHeaders.json()).toEqual({ c: 3 });
    expect(JSON.parse(byHeaders.headers.get('x-clickhouse-summary') ?? '{}')).toMatchObject({ read_rows: expect.stringMatching(/^\d+$/), elapsed_ns: expect.stringMatching(/^\d+$/) });
    const byBasic = await fetch(`${standIn.url}/?query=${encodeURIComponent('SELECT 1 AS one FORMAT JSONEachRow')}`, { headers: auth });
    expect(await byBasic.json()).toEqual({ one: 1 });
  });

  it('sends errors as the server does: code header, Code: N. DB::Exception body', async () => {
    const res = await fetch(`${standIn.url}/`, { method: 'POST', body: 'SELECT nope', headers: auth });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-clickhouse-exception-code')).toBe('47');
    expect(await res.text()).toMatch(/^Code: 47\. DB::Exception: .*\(UNKNOWN_IDENTIFIER\) \(version .*\)\n$/s);
    const denied = await fetch(`${standIn.url}/?query=SELECT+1`, { headers: { Authorization: `Basic ${Buffer.from('flashback:nope').toString('base64')}` } });
    expect(denied.headers.get('x-clickhouse-exception-code')).toBe('516');
  });

  it('refuses writes and setting changes as read-only accounts must', async () => {
    const ro = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
    const write = await fetch(`${standIn.url}/`, { method: 'POST', body: 'CREATE TABLE x (a UInt8) ENGINE = Memory', headers: ro('reader2', 'r2') });
    expect(write.headers.get('x-clickhouse-exception-code')).toBe('164');
    const setting = await fetch(`${standIn.url}/?max_threads=1&query=SELECT+1`, { headers: ro('reader1', 'r1') });
    expect(setting.headers.get('x-clickhouse-exception-code')).toBe('164');
    const level2 = await fetch(`${standIn.url}/?max_threads=1&query=${encodeURIComponent("SELECT getSetting('readonly') AS r FORMAT JSONEachRow")}`, { headers: ro('reader2', 'r2') });
    expect(await level2.json()).toEqual({ r: 2 });
  });

  it('refuses a query beyond max_concurrent_queries with code 202', async () => {
    standIn.maxConcurrentQueries = 1;
    standIn.faults.slowMs = 60_000;
    const controller = new AbortController();
    const seen = standIn.received.length;
    try {
      const first = fetch(`${standIn.url}/?query=SELECT+1`, { headers: auth, signal: controller.signal }).catch(() => null);
      await expect.poll(() => standIn.received.length).toBe(seen + 1);
      const second = await fetch(`${standIn.url}/?query=SELECT+1`, { headers: auth });
      expect(second.status).toBe(503);
      expect(second.headers.get('x-clickhouse-exception-code')).toBe('202');
      controller.abort();
      await first;
    } finally {
      standIn.maxConcurrentQueries = 100;
    }
  });

  it('answers 503 overloaded through Flashback when the server has too many queries', async () => {
    await call(health, '/api/health');
    standIn.maxConcurrentQueries = 0;
    try {
      expectClear(await call<ErrorBody>(series, '/api/series', seriesQuery), 503, 'overloaded', /overloaded/);
    } finally {
      standIn.maxConcurrentQueries = 100;
    }
  });
});
