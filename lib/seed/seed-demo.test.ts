import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '@/lib/clickhouse/errors';
import { readTables, tableParams } from '@/lib/config';
import { testEngine } from '@/test/engine';
import type { Incident, IncidentId } from './incidents';
import { seedDemo, type SeedSummary } from './seed-demo';
import { dateTime64 } from '@/lib/queries/common';

/**
 * Seeds a real embedded engine at a small scale and checks that the story the
 * demo tells is in the data: each incident visible where it should be and
 * nowhere else, traces well-formed, reseeding deterministic and idempotent.
 */

const engine = testEngine();
const OPTIONS = { seed: 42, days: 3, scale: 0.02, end: Date.UTC(2026, 0, 15, 12), replace: false };
const MINUTE = 60_000;
let summary: SeedSummary;

type Row<K extends string> = Record<K, number>;

/** Rows of a test query with every value as a number (64-bit integers arrive as strings). */
async function rows<K extends string>(query: string, params: Record<string, string | number> = {}): Promise<Row<K>[]> {
  const client = await engine.client();
  const result = await client.query({ query, query_params: { ...tableParams(readTables()), ...params }, format: 'JSONEachRow' });
  return (await result.json<Record<string, string | number>>()).map(
    (row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Row<K>,
  );
}

async function one<K extends string>(query: string, params: Record<string, string | number> = {}): Promise<Row<K>> {
  const [row] = await rows<K>(query, params);
  if (!row) throw new Error(`no row from ${query}`);
  return row;
}

/** Both rows of a query grouped by `coinbase` (0 = the other exchanges, 1 = coinbase). */
async function othersAndCoinbase<K extends string>(query: string, params: Record<string, string | number>): Promise<[Row<K>, Row<K>]> {
  const [others, coinbase, ...rest] = await rows<K>(query, params);
  if (!others || !coinbase || rest.length) throw new Error(`expected two rows from ${query}`);
  return [others, coinbase];
}

function incident(id: IncidentId): Incident {
  const found = summary.incidents.find((i) => i.id === id);
  if (!found) throw new Error(`incident ${id} missing`);
  return found;
}

/** `from`/`to` of an incident, and `base_from`/`base_to`: the two hours before it (minus a minute of lead-in). */
function windows(id: IncidentId) {
  const { start, end } = incident(id);
  return {
    from: dateTime64(start),
    to: dateTime64(end),
    base_from: dateTime64(start - 121 * MINUTE),
    base_to: dateTime64(start - MINUTE),
  };
}

const CHECKSUMS = `SELECT
    (SELECT sum(cityHash64(*)) FROM {metrics_table:Identifier}) AS metrics,
    (SELECT sum(cityHash64(*)) FROM {security_table:Identifier}) AS security,
    (SELECT sum(cityHash64(*)) FROM {anomalies_table:Identifier}) AS anomalies,
    (SELECT sum(cityHash64(*)) FROM {traces_table:Identifier}) AS traces,
    (SELECT sum(cityHash64(*)) FROM {trace_id_ts_table:Identifier}) AS trace_id_ts`;

async function checksums(): Promise<Record<string, string>> {
  const client = await engine.client();
  const result = await client.query({ query: CHECKSUMS, query_params: tableParams(readTables()), format: 'JSONEachRow' });
  const [row] = await result.json<Record<string, string>>();
  return row ?? {};
}

beforeAll(async () => {
  summary = await seedDemo(OPTIONS);
}, 120_000);

describe('seedDemo', () => {
  it('fills every table and reports the counts', async () => {
    expect(summary.rows.metrics).toBeGreaterThan(150_000);
    expect(summary.rows.security).toBeGreaterThan(1_000);
    expect(summary.rows.anomalies).toBeGreaterThan(50_000);
    expect(summary.rows.traces).toBeGreaterThan(50_000);
    expect(summary.rows.trace_id_ts).toBeGreaterThan(10_000);
    const metrics = await one<'n' | 'latency'>('SELECT count() AS n, countIf(metric_name = {m:String}) AS latency FROM {metrics_table:Identifier}', { m: 'order_latency_ms' });
    expect(metrics.n).toBe(summary.rows.metrics);
    // Latency samples dominate at scale 1 (see params); at this small scale the regular series weigh as much.
    expect(metrics.latency).toBeGreaterThan(90_000);
    expect(summary.incidents.map((i) => i.id)).toEqual(['coinbase-outage', 'credential-stuffing', 'margin-spike']);
  });

  it('keeps every row inside [end - days, end)', async () => {
    const range = await one<'lo' | 'hi'>(
      `SELECT toUnixTimestamp64Milli(min(timestamp)) AS lo, toUnixTimestamp64Milli(max(timestamp)) AS hi FROM {metrics_table:Identifier}`,
    );
    expect(range.lo).toBeGreaterThanOrEqual(OPTIONS.end - OPTIONS.days * 86_400_000);
    expect(range.hi).toBeLessThan(OPTIONS.end);
  });
});

describe('incident 1: coinbase connectivity loss', () => {
  it('disconnects coinbase only during the incident', async () => {
    const w = windows('coinbase-outage');
    const connected = await one(
      `SELECT maxIf(value, in_window) AS during, minIf(value, NOT in_window) AS outside, countIf(in_window) AS points
       FROM (SELECT value, timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)} AS in_window
             FROM {metrics_table:Identifier} WHERE metric_name = 'exchange_connected' AND labels['exchange'] = 'coinbase')`,
      w,
    );
    expect(connected).toEqual({ during: 0, outside: 1, points: 12 });
  });

  it('spikes coinbase p99 latency far above its baseline, others only mildly', async () => {
    const [others, coinbase] = await othersAndCoinbase<'during' | 'before'>(
      `SELECT labels['exchange'] = 'coinbase' AS coinbase,
              quantileExactIf(0.99)(value, timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}) AS during,
              quantileExactIf(0.99)(value, timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)}) AS before
       FROM {metrics_table:Identifier} WHERE metric_name = 'order_latency_ms' AND timestamp >= {base_from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
       GROUP BY coinbase ORDER BY coinbase`,
      windows('coinbase-outage'),
    );
    expect(coinbase.during / coinbase.before).toBeGreaterThan(10);
    expect(others.during / others.before).toBeGreaterThan(1.1);
    expect(others.during / others.before).toBeLessThan(3);
  });

  it('collapses coinbase fill rate, dents the others, raises coinbase rejects and draws PnL down', async () => {
    const [others, coinbase] = await othersAndCoinbase<'fill_during' | 'fill_before' | 'reject_during'>(
      `SELECT labels['exchange'] = 'coinbase' AS coinbase,
              avgIf(value, metric_name = 'fill_rate' AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}) AS fill_during,
              avgIf(value, metric_name = 'fill_rate' AND timestamp < {base_to:DateTime64(3)}) AS fill_before,
              avgIf(value, metric_name = 'reject_rate' AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}) AS reject_during
       FROM {metrics_table:Identifier}
       WHERE metric_name IN ('fill_rate', 'reject_rate') AND timestamp >= {base_from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
       GROUP BY coinbase ORDER BY coinbase`,
      windows('coinbase-outage'),
    );
    expect(coinbase.fill_during).toBeLessThan(0.15 * coinbase.fill_before);
    expect(others.fill_during).toBeLessThan(0.97 * others.fill_before);
    expect(others.fill_during).toBeGreaterThan(0.85 * others.fill_before);
    expect(coinbase.reject_during).toBeGreaterThan(0.3);
    expect(others.reject_during).toBeLessThan(0.05);

    const pnl = await one<'drop'>(
      `SELECT argMaxIf(value, timestamp, timestamp >= {from:DateTime64(3)}) - argMaxIf(value, timestamp, timestamp < {from:DateTime64(3)}) AS drop
       FROM {metrics_table:Identifier}
       WHERE metric_name = 'pnl_usd' AND labels['strategy'] = 'market-making' AND timestamp >= {base_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)}`,
      windows('coinbase-outage'),
    );
    expect(pnl.drop).toBeLessThan(-50_000);
  });

  it('fails coinbase exchange.submit spans and propagates the error to the gateway', async () => {
    const spans = await one<'errors' | 'during' | 'errors_outside' | 'outside'>(
      `SELECT countIf(in_window AND StatusCode = 'Error') AS errors, countIf(in_window) AS during,
              countIf(NOT in_window AND StatusCode = 'Error') AS errors_outside, countIf(NOT in_window) AS outside
       FROM (SELECT StatusCode, Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)} AS in_window
             FROM {traces_table:Identifier}
             WHERE ServiceName = 'exchange-adapter' AND SpanName = 'exchange.submit' AND SpanAttributes['exchange'] = 'coinbase')`,
      windows('coinbase-outage'),
    );
    expect(spans.errors).toBeGreaterThanOrEqual(5);
    expect(spans.errors / spans.during).toBeGreaterThan(0.5);
    expect(spans.errors_outside / spans.outside).toBeLessThan(0.01);

    const roots = await one<'failed_traces' | 'failed_roots'>(
      `SELECT count() AS failed_traces, countIf(StatusCode = 'Error' AND ParentSpanId = '') AS failed_roots
       FROM {traces_table:Identifier}
       WHERE TraceId IN (SELECT TraceId FROM {traces_table:Identifier}
                         WHERE SpanName = 'exchange.submit' AND StatusCode = 'Error' AND Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)})
         AND ParentSpanId = ''`,
      windows('coinbase-outage'),
    );
    expect(roots.failed_roots).toBe(roots.failed_traces);
    expect(roots.failed_traces).toBeGreaterThanOrEqual(5);
  });

  it('gets flagged by the anomaly detector during the incident and rarely elsewhere', async () => {
    const flagged = await one(
      `SELECT countIf(metric_name = 'exchange_connected') AS connected, countIf(metric_name = 'order_latency_ms') AS latency,
              countIf(metric_name = 'fill_rate') AS fill, countIf(metric_name = 'reject_rate') AS reject
       FROM {anomalies_table:Identifier}
       WHERE is_anomaly AND context['exchange'] = 'coinbase' AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}`,
      windows('coinbase-outage'),
    );
    expect(flagged.connected).toBe(12);
    expect(flagged.latency).toBeGreaterThanOrEqual(10);
    expect(flagged.fill).toBeGreaterThanOrEqual(10);
    expect(flagged.reject).toBeGreaterThanOrEqual(10);

    // Away from every incident (±2 h), anomalies are rare: under 0.5 % of verdicts.
    const quiet = await one<'anomalies' | 'n'>(
      `SELECT countIf(is_anomaly) AS anomalies, count() AS n FROM {anomalies_table:Identifier}
       WHERE ${summary.incidents.map((_, i) => `NOT (timestamp >= {q${i}_from:DateTime64(3)} AND timestamp < {q${i}_to:DateTime64(3)})`).join(' AND ')}`,
      Object.fromEntries(
        summary.incidents.flatMap((i, n) => [
          [`q${n}_from`, dateTime64(i.start - 120 * MINUTE)],
          [`q${n}_to`, dateTime64(i.end + 120 * MINUTE)],
        ]),
      ),
    );
    expect(quiet.n).toBeGreaterThan(50_000);
    expect(quiet.anomalies / quiet.n).toBeLessThan(0.005);
  });
});

describe('incident 2: credential-stuffing burst', () => {
  it('concentrates high-threat events from the burst IPs in its window', async () => {
    const burst = await one<'from_burst' | 'in_window_total' | 'burst_outside' | 'threat' | 'ips' | 'critical'>(
      `SELECT countIf(in_window AND burst_ip) AS from_burst, countIf(in_window) AS in_window_total,
              countIf(NOT in_window AND burst_ip) AS burst_outside, avgIf(threat_score, in_window AND burst_ip) AS threat,
              uniqExactIf(source_ip, in_window AND burst_ip) AS ips, countIf(in_window AND burst_ip AND severity = 'critical') AS critical
       FROM (SELECT source_ip, threat_score, severity,
                    timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)} AS in_window,
                    startsWith(source_ip, '203.0.113.') OR startsWith(source_ip, '198.51.100.') AS burst_ip
             FROM {security_table:Identifier})`,
      windows('credential-stuffing'),
    );
    expect(burst.from_burst).toBe(200);
    expect(burst.burst_outside).toBe(0);
    expect(burst.from_burst / burst.in_window_total).toBeGreaterThan(0.9);
    expect(burst.threat).toBeGreaterThan(0.8);
    expect(burst.ips).toBeGreaterThanOrEqual(3);
    expect(burst.critical / burst.from_burst).toBeGreaterThan(0.5);
    const background = await one(`SELECT avg(threat_score) AS threat, countIf(severity = 'critical') / count() AS critical FROM {security_table:Identifier}
       WHERE NOT (startsWith(source_ip, '203.0.113.') OR startsWith(source_ip, '198.51.100.'))`);
    expect(background.threat).toBeLessThan(0.4);
    expect(background.critical).toBeLessThan(0.05);
  });
});

describe('incident 3: margin spike', () => {
  it('shows as anomalies in margin utilisation, risk-engine CPU and latency on every exchange', async () => {
    const flagged = await one(
      `SELECT countIf(metric_name = 'margin_utilization') AS margin, countIf(metric_name = 'cpu_utilization' AND context['service'] = 'risk-engine') AS cpu,
              uniqExactIf(context['exchange'], metric_name = 'order_latency_ms') AS exchanges
       FROM {anomalies_table:Identifier} WHERE is_anomaly AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}`,
      windows('margin-spike'),
    );
    expect(flagged.margin).toBeGreaterThanOrEqual(20);
    expect(flagged.cpu).toBeGreaterThanOrEqual(10);
    expect(flagged.exchanges).toBe(4);
  });
});

describe('traces', () => {
  it('link every child to a parent of its own trace and nest it inside the parent', async () => {
    const integrity = await one<'orphans' | 'escaping' | 'children'>(
      `SELECT countIf(p.SpanId = '') AS orphans,
              countIf(p.SpanId != '' AND (c.Timestamp < p.Timestamp OR
                  toUnixTimestamp64Nano(c.Timestamp) + c.Duration > toUnixTimestamp64Nano(p.Timestamp) + p.Duration)) AS escaping,
              count() AS children
       FROM {traces_table:Identifier} AS c
       LEFT JOIN {traces_table:Identifier} AS p ON p.TraceId = c.TraceId AND p.SpanId = c.ParentSpanId
       WHERE c.ParentSpanId != ''
       SETTINGS join_use_nulls = 0`,
    );
    expect(integrity.children).toBeGreaterThan(40_000);
    expect(integrity).toMatchObject({ orphans: 0, escaping: 0 });

    const shape = await one<'traces' | 'roots' | 'bad_ids' | 'spans_per_trace' | 'bad_status' | 'bad_resource'>(
      `SELECT uniqExact(TraceId) AS traces, countIf(ParentSpanId = '') AS roots,
              countIf(NOT match(TraceId, '^[0-9a-f]{32}$') OR NOT match(SpanId, '^[0-9a-f]{16}$')) AS bad_ids,
              count() / uniqExact(TraceId) AS spans_per_trace,
              countIf(StatusCode NOT IN ('Ok', 'Error', 'Unset')) AS bad_status,
              countIf(ResourceAttributes['service.name'] != ServiceName) AS bad_resource
       FROM {traces_table:Identifier}`,
    );
    expect(shape.roots).toBe(shape.traces);
    expect(shape).toMatchObject({ bad_ids: 0, bad_status: 0, bad_resource: 0 });
    expect(shape.spans_per_trace).toBeGreaterThanOrEqual(4);
    expect(shape.spans_per_trace).toBeLessThanOrEqual(6);

    const lookup = await one(
      `SELECT count() AS n, uniqExact(TraceId) AS ids, countIf(Start > End) AS inverted FROM {trace_id_ts_table:Identifier}`,
    );
    expect(lookup).toEqual({ n: shape.traces, ids: shape.traces, inverted: 0 });
  });
});

describe('reseeding', () => {
  it('replaces the data with identical rows for the same inputs and different rows for another seed', async () => {
    const first = await checksums();
    const again = await seedDemo(OPTIONS);
    expect(again.rows).toEqual(summary.rows);
    expect(await checksums()).toEqual(first);

    const other = await seedDemo({ ...OPTIONS, seed: 43 });
    const otherSums = await checksums();
    for (const table of ['metrics', 'security', 'anomalies', 'traces', 'trace_id_ts']) {
      expect(otherSums[table], table).not.toBe(first[table]);
    }
    expect(other.rows.metrics).not.toBe(0);
  }, 120_000);
});

describe('npm run seed on a data dir another process holds', () => {
  it('prints why and exits 1 without a stack trace', () => {
    // This test process holds FLASHBACK_DATA_DIR open, as a running app would.
    const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/seed.ts', '--scale', '0.01'], {
      encoding: 'utf8',
      env: { ...process.env },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`seed: ${classifyError(new Error('Cannot lock file /x/status')).message}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
