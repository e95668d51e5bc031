import type { ClickHouseClient } from '@clickhouse/client';
import { describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { readTables } from '@/lib/config';
import { call } from '@/test/fixtures/request';
import { testEngine } from '@/test/engine';
import { countOf } from '@/test/ingest/files';
import { openIngest } from './ingest';

/**
 * The disk found full while importing, on the real embedded engine: the
 * engine's own free-space check (`min_free_disk_bytes_to_perform_insert`,
 * set beyond any disk) refuses the insert with NOT_ENOUGH_SPACE (243), as it
 * does on a nearly full disk. The batches before it stay committed and in the
 * ledger, the refused one is in neither, the error and /api/health say what
 * to free, and re-running the import once there is room writes only the rest.
 */

const engine = testEngine();
const T0 = Date.UTC(2024, 2, 1);
const ROWS = Array.from({ length: 25 }, (_, i) => ({ timeMs: T0 + i * 1000, metric: 'disk_full_probe', service: 'importer', value: i, labels: { i: String(i) } }));
const NO_SPACE = /no disk space left to write: free space .*FLASHBACK_DATA_DIR.*run it again and it writes only the rest/;

async function setFreeSpaceThreshold(client: ClickHouseClient, table: string, bytes: number | null) {
  await client.command({
    query: bytes === null
      ? 'ALTER TABLE {t:Identifier} RESET SETTING min_free_disk_bytes_to_perform_insert'
      : `ALTER TABLE {t:Identifier} MODIFY SETTING min_free_disk_bytes_to_perform_insert = ${bytes}`,
    query_params: { t: table },
  });
}

async function ledgerRows(client: ClickHouseClient, source: string): Promise<number> {
  const rs = await client.query({
    query: 'SELECT toUInt32(count()) AS n FROM {t:Identifier} FINAL WHERE source = {s:String}',
    query_params: { t: readTables().imports, s: source },
    format: 'JSONEachRow',
  });
  return ((await rs.json()) as { n: number }[])[0]?.n ?? -1;
}

async function importRows(source: string) {
  const writer = await openIngest({ source, format: 'rows', batchRows: 10 });
  for (const row of ROWS) await writer.add('metrics', row);
  return writer.finish();
}

describe('the disk full while importing (embedded engine)', () => {
  it('keeps the batches before it, writes none of the refused one, says what to free, and a re-run completes without duplicates', async () => {
    const client = await engine.client();
    const table = readTables().metrics;
    const before = await countOf(client, table);

    const writer = await openIngest({ source: 'disk-full', format: 'rows', batchRows: 10 });
    for (const row of ROWS.slice(0, 20)) await writer.add('metrics', row); // two batches of 10 written
    await setFreeSpaceThreshold(client, table, 1e15); // a petabyte: no disk has it
    const failure = await (async () => {
      for (const row of ROWS.slice(20)) await writer.add('metrics', row);
      await writer.finish(); // the third batch (5 rows)
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'DatabaseError', kind: 'out_of_space', message: expect.stringMatching(NO_SPACE) });
    expect(await countOf(client, table)).toBe(before + 20);
    expect(await ledgerRows(client, 'disk-full')).toBe(2);

    // Reads still answer: health stays 200 and says what the import met.
    const degraded = await call<{ status: string; warning?: string }>(health, '/api/health');
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', warning: expect.stringMatching(NO_SPACE) });

    await setFreeSpaceThreshold(client, table, null); // room again
    const rerun = await importRows('disk-full');
    expect(rerun.metrics).toMatchObject({ rows: 25, alreadyImported: 20 });
    expect(await countOf(client, table)).toBe(before + 25);
    expect(await ledgerRows(client, 'disk-full')).toBe(3);
    expect((await call<{ status: string; warning?: string }>(health, '/api/health')).body).toEqual({ status: 'ok', engine: 'embedded', version: expect.any(String) });
  });
});
