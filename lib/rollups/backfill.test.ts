import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runStatement } from '@/lib/clickhouse/command';
import { queryRows } from '@/lib/clickhouse/query';
import { readTables } from '@/lib/config';
import { num } from '@/lib/queries/common';
import { forgetRollups, usableRollups } from '@/lib/queries/rollups';
import { fetchSeries } from '@/lib/queries/series';
import { testEngine } from '@/test/engine';
import { anomalyRow, insertRows, metricRow, securityRow, spanRow } from '@/test/fixtures/rows';
import { backfillRollups, completeDerivedRollups, type BackfillProgress } from './backfill';

/**
 * Tables filled before the rollups existed: the rows are inserted, then the
 * rollups emptied (as if their views had come later). The backfill makes
 * them whole again, partition by partition, and a rerun skips what is done.
 */

const engine = testEngine();
const T0 = Date.UTC(2024, 2, 1, 22);
const H = 3_600_000;

const counts = z.object({ n: num });
async function rollupRows(table: string): Promise<number> {
  const client = await engine.client();
  const rs = await client.query({ query: 'SELECT toUInt64(count()) AS n FROM {t:Identifier}', query_params: { t: table }, format: 'JSONEachRow' });
  return counts.parse(((await rs.json()) as unknown[])[0]).n;
}

describe('npm run rollups:backfill', () => {
  it('fills emptied rollups for every partition, resumes, and then the rollups answer', async () => {
    const client = await engine.client();
    // Four hours across midnight: two daily partitions of each source.
    await insertRows('metrics', Array.from({ length: 400 }, (_, i) => metricRow({ t: T0 + i * 36_000, metric: 'lat', value: i, labels: { k: `v${i % 3}` } })));
    await insertRows('security', Array.from({ length: 40 }, (_, i) => securityRow({ t: T0 + i * 360_000 })));
    await insertRows('traces', Array.from({ length: 40 }, (_, i) => spanRow({ traceId: `t${i}`, spanId: 's', t: T0 + i * 360_000, durationNs: 1e6 })));
    await insertRows('anomalies', Array.from({ length: 40 }, (_, i) => anomalyRow({ t: T0 + i * 360_000, metric: 'lat', anomaly: i % 2 === 0 })));
    const query = { metrics: ['lat'], from: T0, to: T0 + 4 * H, step: H, aggs: ['sum' as const] };
    const expected = await fetchSeries(query);

    const { rollups } = readTables();
    for (const table of Object.values(rollups)) await client.command({ query: 'TRUNCATE TABLE {t:Identifier}', query_params: { t: table } });
    forgetRollups();
    expect((await usableRollups()).metrics).toBe(false);
    expect((await usableRollups()).spanChanges).toEqual({ minute: false, hour: false });

    const progress: BackfillProgress[] = [];
    const first = await backfillRollups({ log: (p) => progress.push(p) });
    // Metrics and security events are UTC days; spans are days of the server's zone (the OTel column has none).
    expect(first.partitions).toBe(progress.length);
    expect(new Set(progress.map((p) => p.source))).toEqual(new Set(['metrics', 'security', 'anomalies', 'traces', 'traces/changes']));
    expect(progress.filter((p) => p.source === 'metrics').map((p) => [p.partitionId, p.rows, p.skipped])).toEqual([
      ['20240301', 200, false],
      ['20240302', 200, false],
    ]);
    expect(await usableRollups()).toEqual(
      expect.objectContaining({ metrics: true, metricsByLabel: { minute: true, hour: true }, security: true, anomalies: true, flaggedAnomalies: true, spans: true, traceSummary: true, spanChanges: { minute: true, hour: true }, density: true }),
    );
    expect(await rollupRows(rollups.metrics1h)).toBeGreaterThan(0);
    expect(await fetchSeries(query)).toEqual(expected);

    const again = await backfillRollups();
    expect(again.partitions).toBe(0); // all recorded: nothing redone
    const forced = await backfillRollups({ force: true });
    expect(forced.partitions).toBe(first.partitions);
    forgetRollups();
    // No double counts: the density strip's views added the refilled minutes again, and the derived check refilled it.
    expect(await usableRollups()).toEqual(expect.objectContaining({ metrics: true, security: true, anomalies: true, spans: true, traceSummary: true, density: true }));
    const [raw] = await queryRows({ sql: 'rollups/row_count', params: { table: readTables().metrics }, row: z.object({ rows: num }) });
    expect(raw?.rows).toBe(400);
    const perMetric = await queryRows({ sql: 'rollups/metric_rows', row: z.object({ minute_raw: num, hour_raw: num }) });
    expect(perMetric.reduce((n, r) => ({ minute: n.minute + r.minute_raw, hour: n.hour + r.hour_raw }), { minute: 0, hour: 0 })).toEqual({ minute: 400, hour: 400 });
  });

  it('with onlyEmpty, fills only the families whose rollups are empty (a rollup added after the data)', async () => {
    const { rollups } = readTables();
    const client = await engine.client();
    // As a seeded dataset: rollups filled by their views, nothing recorded; then one family's emptied.
    for (const t of [rollups.backfill, rollups.security1m, rollups.security1h]) {
      await client.command({ query: 'TRUNCATE TABLE {t:Identifier}', query_params: { t } });
    }
    forgetRollups();
    expect((await usableRollups()).security).toBe(false);
    const progress: BackfillProgress[] = [];
    await backfillRollups({ onlyEmpty: true, log: (p) => progress.push(p) });
    expect(new Set(progress.map((p) => p.source))).toEqual(new Set(['security']));
    // Begun (recorded) families resume; the rest stay as their views filled them.
    const again: BackfillProgress[] = [];
    await backfillRollups({ onlyEmpty: true, log: (p) => again.push(p) });
    expect(again.map((p) => [p.source, p.skipped])).toEqual(progress.map((p) => [p.source, true]));
    expect(await usableRollups()).toEqual(expect.objectContaining({ security: true, hourlyCounts: true, metrics: true }));
  });

  it('fills a rollup derived from another one that came after the backfill, from that rollup', async () => {
    // As on a dataset rolled up before the per-label rollups existed: every partition recorded as done.
    await backfillRollups();
    const { rollups } = readTables();
    const client = await engine.client();
    for (const t of [rollups.metrics1mByLabel, rollups.metrics1hByLabel]) await client.command({ query: 'TRUNCATE TABLE {t:Identifier}', query_params: { t } });
    forgetRollups();
    expect(await usableRollups()).toEqual(expect.objectContaining({ metrics: true, metricsByLabel: { minute: false, hour: false } }));
    expect(await completeDerivedRollups()).toBe(4); // the two daily partitions of the per-minute and of the hourly rollup
    expect(await usableRollups()).toEqual(expect.objectContaining({ metrics: true, metricsByLabel: { minute: true, hour: true } }));
    // Label '' holds every row once, and each label key (here k, on every row) all of them again;
    // per key, the per-minute one has a row per minute with rows (one every 36 s: 240 minutes), the hourly one per hour.
    const byKey = z.object({ key: z.string(), n: num, rows: num });
    for (const [table, rowsPerKey] of [[rollups.metrics1mByLabel, 240], [rollups.metrics1hByLabel, 4]] as const) {
      const rs = await client.query({
        query: 'SELECT label_key AS key, toUInt64(sum(n)) AS n, toUInt64(uniqExact(t)) AS rows FROM {t:Identifier} GROUP BY key ORDER BY key',
        query_params: { t: table },
        format: 'JSONEachRow',
      });
      expect(z.array(byKey).parse(await rs.json())).toEqual([
        { key: '', n: 400, rows: rowsPerKey },
        { key: 'k', n: 400, rows: rowsPerKey },
      ]);
    }
    expect(await completeDerivedRollups()).toBe(0); // whole now: nothing to do
  });

  it('makes the hourly counts again where they were partitioned by day, with their view, and refills them', async () => {
    await backfillRollups();
    const { security, rollups } = readTables();
    const client = await engine.client();
    // A data dir from before the hourly counts were by month: the table by day, its view on it, empty.
    await client.command({ query: 'DROP TABLE {t:Identifier}', query_params: { t: `${rollups.security1h}_mv` } });
    await client.command({ query: 'DROP TABLE {t:Identifier}', query_params: { t: rollups.security1h } });
    await client.command({
      query: `CREATE TABLE {t:Identifier} (t DateTime('UTC'), severity LowCardinality(String), event_type LowCardinality(String), n SimpleAggregateFunction(sum, UInt64))
              ENGINE = AggregatingMergeTree PARTITION BY toDate(t) ORDER BY (t, severity, event_type)`,
      query_params: { t: rollups.security1h },
    });
    await runStatement('schema/133_security_1h_mv');
    expect(await completeDerivedRollups()).toBe(2); // the two daily partitions of the per-minute counts

    const keyOf = async (table: string) => {
      const rs = await client.query({ query: 'SELECT partition_key AS k FROM system.tables WHERE database = currentDatabase() AND name = {t:String}', query_params: { t: table }, format: 'JSONEachRow' });
      return ((await rs.json()) as { k: string }[])[0]?.k;
    };
    expect(await keyOf(rollups.security1h)).toBe('toYYYYMM(t)');
    const perHour = z.array(z.object({ h: num, n: num }));
    const hours = async (query: string, table: string) =>
      perHour.parse(await (await client.query({ query, query_params: { t: table }, format: 'JSONEachRow' })).json());
    const fromRaw = () => hours('SELECT toUnixTimestamp(toStartOfHour(timestamp)) AS h, toUInt64(count()) AS n FROM {t:Identifier} GROUP BY h ORDER BY h', security);
    const fromHourly = () => hours('SELECT toUnixTimestamp(t) AS h, toUInt64(sum(n)) AS n FROM {t:Identifier} GROUP BY h ORDER BY h', rollups.security1h);
    expect(await fromHourly()).toEqual(await fromRaw());
    expect((await fromRaw()).length).toBe(4);
    // The view was made again too: a later event reaches the hourly counts.
    await insertRows('security', [securityRow({ t: T0 + 6 * H })]);
    expect(await fromHourly()).toEqual(await fromRaw());
    expect((await fromRaw()).length).toBe(5);
    expect(await completeDerivedRollups()).toBe(0);
  });

  it('refills the density strip from every kind\'s per-minute counts when it lacks rows, per minute and per hour', async () => {
    await backfillRollups();
    const { security, anomalies, traces, rollups } = readTables();
    const client = await engine.client();
    await insertRows('anomalies', [anomalyRow({ t: T0 + 30 * 60_000, metric: 'lat' }), anomalyRow({ t: T0 + 3 * H, metric: 'lat' }), anomalyRow({ t: T0 + 3 * H, metric: 'lat', anomaly: false })]);
    await insertRows('traces', [spanRow({ traceId: 'failed', spanId: 's', t: T0 + H, durationNs: 1e6, status: 'Error' })]);
    await client.command({ query: 'TRUNCATE TABLE {t:Identifier}', query_params: { t: rollups.density1m } });
    forgetRollups();
    expect((await usableRollups()).density).toBe(false);
    expect(await completeDerivedRollups()).toBeGreaterThan(0);
    expect((await usableRollups()).density).toBe(true);

    // Per kind, severity and hour (and minute), the strip's counts against the raw rows' own.
    const cell = z.array(z.object({ kind: z.string(), t: num, severity: z.string(), n: num, errors: num }));
    const read = async (query: string) => cell.parse(await (await client.query({ query, format: 'JSONEachRow' })).json());
    const fromRaw = (grain: 'Minute' | 'Hour') =>
      read(`SELECT kind, t, severity, toUInt64(sum(n)) AS n, toUInt64(sum(errors)) AS errors FROM (
              SELECT 'security' AS kind, toUnixTimestamp(toStartOf${grain}(timestamp)) AS t, toString(severity) AS severity, count() AS n, 0 AS errors FROM ${security} GROUP BY t, severity
              UNION ALL SELECT 'anomalies', toUnixTimestamp(toStartOf${grain}(timestamp)) AS t, '', count(), 0 FROM ${anomalies} WHERE is_anomaly GROUP BY t
              UNION ALL SELECT 'spans', toUnixTimestamp(toStartOf${grain}(Timestamp)) AS t, '', count(), countIf(StatusCode = 'Error') FROM ${traces} GROUP BY t)
            GROUP BY kind, t, severity ORDER BY kind, t, severity`);
    const fromStrip = (table: string) =>
      read(`SELECT toString(kind) AS kind, toUnixTimestamp(t) AS t, severity, toUInt64(sum(n)) AS n, toUInt64(sum(errors)) AS errors FROM ${table} GROUP BY kind, t, severity ORDER BY kind, t, severity`);
    const hourly = await fromRaw('Hour');
    expect(new Set(hourly.map((r) => r.kind))).toEqual(new Set(['security', 'anomalies', 'spans']));
    expect(hourly.some((r) => r.errors > 0)).toBe(true);
    expect(await fromStrip(rollups.density1m)).toEqual(await fromRaw('Minute'));
    expect(await fromStrip(rollups.density1h)).toEqual(hourly);
    expect(await completeDerivedRollups()).toBe(0); // whole now: nothing to do
  });
});
