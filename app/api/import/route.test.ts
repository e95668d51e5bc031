import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResponse } from '@/lib/api/types';
import { testEngine } from '@/test/engine';
import type { ErrorBody } from '@/test/fixtures/request';
import { tableFingerprints } from '@/test/fixtures/rows';
import { POST } from './route';

/**
 * The browser's upload: a file in the body lands in the tables and comes
 * back as a summary with the window to show; cross-site posts, form posts,
 * oversize files, unreadable files and a server without
 * FLASHBACK_ALLOW_IMPORT get clear 4xx answers and change nothing.
 */

const engine = testEngine();
const ORIGIN = 'http://flashback.test';
const T = Date.UTC(2023, 10, 14, 22, 13, 20);
const EVE = [
  { timestamp: '2023-11-14T22:13:20.000000+0000', event_type: 'alert', src_ip: '198.51.100.9', alert: { action: 'blocked', signature: 'ET POLICY x', category: 'Policy', severity: 1 } },
  { timestamp: '2023-11-14T22:43:20Z', event_type: 'alert', src_ip: '198.51.100.9', alert: { action: 'allowed', signature: 'ET SCAN y', category: 'Scan', severity: 3 } },
  { timestamp: '2023-11-14T22:20:00Z', event_type: 'dns' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

function upload(body: string, options: { name?: string; query?: string; headers?: Record<string, string> } = {}) {
  const query = `name=${encodeURIComponent(options.name ?? 'eve.json')}${options.query ? `&${options.query}` : ''}`;
  return POST(
    new Request(`${ORIGIN}/api/import?${query}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/octet-stream', origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...options.headers },
    }),
  );
}

// The suite also runs through CLICKHOUSE_URL (the server project), where import must be switched on.
const serverUrl = process.env.CLICKHOUSE_URL;
beforeEach(() => {
  process.env.FLASHBACK_ALLOW_IMPORT = '1';
});
afterEach(() => {
  delete process.env.FLASHBACK_IMPORT_MAX_MB;
  delete process.env.FLASHBACK_ALLOW_IMPORT;
  if (serverUrl === undefined) delete process.env.CLICKHOUSE_URL;
  else process.env.CLICKHOUSE_URL = serverUrl;
});

describe('POST /api/import', () => {
  it('imports the file and answers with rows per table, skipped types and the window to show', async () => {
    const res = await upload(EVE);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ImportResponse;
    expect(body).toMatchObject({ file: 'eve.json', format: 'suricata', records: 3, rejected: 0, issues: [], skipped: { 'suricata dns': 1 } });
    expect(body.tables).toEqual([{ table: 'security', rows: 2, alreadyImported: 0, from: T, to: T + 30 * 60_000 }]);
    // The span (to its last millisecond) and a twentieth of it on each side.
    const span = 30 * 60_000 + 1;
    expect(body.window).toEqual({ from: Math.floor(T - span / 20), to: Math.ceil(T + span + span / 20) });
    // Again: nothing new.
    const again = (await (await upload(EVE)).json()) as ImportResponse;
    expect(again.tables[0]).toMatchObject({ rows: 2, alreadyImported: 2 });
  });

  const refusals: [string, () => Promise<Response>, number, RegExp][] = [
    ['a cross-site post (Origin)', () => upload(EVE, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }), 403, /own pages/],
    ['a cross-site post (Sec-Fetch-Site only)', () => upload(EVE, { headers: { origin: '', 'sec-fetch-site': 'same-site' } }), 403, /own pages/],
    ['a form post', () => upload(EVE, { headers: { 'content-type': 'multipart/form-data; boundary=x' } }), 400, /application\/octet-stream/],
    ['a file over the limit', () => ((process.env.FLASHBACK_IMPORT_MAX_MB = '0.0001'), upload(EVE)), 413, /larger than the import limit of 0 MB/],
    ['a file in no known format', () => upload('hello world\n', { name: 'notes.txt' }), 422, /cannot tell its format/],
    ['a file of only bad records', () => upload('{"timestamp":"then","event_type":"alert","alert":{"severity":1}}\n'), 422, /no importable suricata records: 1 rejected, the first at line 1: unreadable timestamp/],
    ['an unknown format name', () => upload(EVE, { query: 'format=xml' }), 400, /format/],
    ['a bad map', () => upload(EVE, { query: 'map=value' }), 400, /map takes target=source/],
    ['a server without FLASHBACK_ALLOW_IMPORT', () => ((process.env.CLICKHOUSE_URL ??= 'http://127.0.0.1:1'), delete process.env.FLASHBACK_ALLOW_IMPORT, upload(EVE)), 403, /FLASHBACK_ALLOW_IMPORT=1/],
  ];

  it.each(refusals)('refuses %s with a clear %i and changes nothing', async (_, send, status, message) => {
    const before = await tableFingerprints(await engine.client());
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toMatch(message);
    if (serverUrl === undefined) delete process.env.CLICKHOUSE_URL;
    expect(await tableFingerprints(await engine.client())).toEqual(before);
  });
});
