import { describe, expect, it } from 'vitest';
import { readTables } from '@/lib/config';
import { testEngine } from '@/test/engine';
import { tableFingerprints } from '@/test/fixtures/rows';
import { countOf, writeTemp } from '@/test/ingest/files';
import { encodeTraceRequest } from '@/test/ingest/otlp-proto';
import { importFile } from './import-file';

/**
 * Every format end to end into the real engine, from small files written
 * here: rows land in their tables, a malformed file of each format is
 * rejected by line and leaves every table exactly as it was, and importing
 * again (or resuming an interrupted import) adds nothing twice.
 */

const engine = testEngine();
const T0 = 1_700_000_000_000;
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const otlpSpan = (id: string, startMs: number) => ({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: id,
  name: 'op',
  kind: 2,
  startTimeUnixNano: `${startMs}000000`,
  endTimeUnixNano: `${startMs + 5}000000`,
});
const otlpRequest = (spans: unknown[]) => ({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ scope: { name: 's' }, spans }] }] });

/** For each format: a small valid file (with its expected table and row count) and a malformed one (with the line named). */
const CASES = [
  {
    format: 'otlp-json',
    good: ['spans.jsonl', jsonl([otlpRequest([otlpSpan('00f067aa0ba902b7', T0), otlpSpan('00f067aa0ba902b8', T0 + 1)]), otlpRequest([otlpSpan('00f067aa0ba902b9', T0 + 2)])])],
    table: 'traces',
    rows: 3,
    bad: ['bad.jsonl', `${JSON.stringify(otlpRequest([{ ...otlpSpan('zz', T0), spanId: 'not hex!' }]))}\n{"resourceSpans": [\n`],
    badLines: [1, 2],
  },
  {
    format: 'otlp-proto',
    good: [
      'spans.binpb',
      encodeTraceRequest({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
            scopeSpans: [{ spans: [1, 2].map((n) => ({ traceId: Buffer.alloc(16, n), spanId: Buffer.alloc(8, n), name: 'op', kind: 2, startTimeUnixNano: `${T0 + n}000000`, endTimeUnixNano: `${T0 + n + 5}000000` })) }],
          },
        ],
      }),
    ],
    table: 'traces',
    rows: 2,
    bad: ['bad.pb', Buffer.from([0x0a, 0x7f, 0x01, 0x02])],
    badLines: [1],
  },
  {
    format: 'jaeger',
    good: ['trace.json', JSON.stringify({ data: [{ traceID: 'ab', spans: [{ traceID: 'ab', spanID: '01', operationName: 'GET', startTime: T0 * 1000, duration: 10, processID: 'p1' }], processes: { p1: { serviceName: 'web' } } }] }, null, 2)],
    table: 'traces',
    rows: 1,
    bad: ['bad.json', '{\n  "data": [\n    {"traceID": "ab", "spans": [{"traceID": "ab", "spanID": "01", "startTime": "yesterday", "processID": "p1"}]}\n  ]\n}'],
    badLines: [3],
  },
  {
    format: 'zipkin',
    good: ['zipkin.json', JSON.stringify([{ traceId: 'a1', id: 'b1', name: 'x', timestamp: T0 * 1000, duration: 5, localEndpoint: { serviceName: 'web' } }, { traceId: 'a1', id: 'b2', parentId: 'b1', timestamp: T0 * 1000 + 1 }], null, 2)],
    table: 'traces',
    rows: 2,
    bad: ['bad.json', '[\n  {"traceId": "a1", "id": "b1", "timestamp": -5},\n  {"traceId": "a1" "id": "b2"}\n'],
    badLines: [2, 3, 4],
  },
  {
    format: 'suricata',
    good: ['eve.json', jsonl([{ timestamp: '2023-11-14T22:13:20.000000+0000', event_type: 'alert', src_ip: '1.2.3.4', alert: { action: 'allowed', signature: 'sig', category: 'cat', severity: 1 } }, { timestamp: '2023-11-14T22:13:21Z', event_type: 'flow' }])],
    table: 'security',
    rows: 1,
    bad: ['bad.json', jsonl([{ timestamp: '2023-11-14T22:13:20Z', event_type: 'alert', alert: { severity: 0 } }, { timestamp: 'then', event_type: 'alert', alert: { severity: 1 } }])],
    badLines: [1, 2],
  },
  {
    format: 'zeek',
    good: ['notice.log', jsonl([{ _path: 'notice', ts: T0 / 1000, uid: 'C1', note: 'Scan::Port_Scan', msg: 'scan', src: '1.2.3.4' }])],
    table: 'security',
    rows: 1,
    bad: ['weird.log', jsonl([{ _path: 'weird', ts: 'later', uid: 'C1', name: 'x' }])],
    badLines: [1],
  },
  {
    format: 'prometheus',
    good: ['metrics.prom', '# TYPE up gauge\nup{job="api"} 1\nrpc_seconds_bucket{le="+Inf"} 3 1700000000000\n# EOF\n'],
    table: 'metrics',
    rows: 2,
    bad: ['bad.prom', '# TYPE up gauge\nup{job="api} 1\nup 1 2 3\n'],
    badLines: [2, 3],
  },
  {
    format: 'csv',
    good: ['latency.csv', 'ts,latency_ms\n1700000000,12\n1700000300,13\n'],
    table: 'metrics',
    rows: 2,
    bad: ['bad.csv', 'ts,latency_ms\n1700000000,twelve\n1700000300\n"unterminated,1\n'],
    badLines: [2, 3, 4],
  },
  {
    format: 'jsonl',
    good: ['events.jsonl', jsonl([{ ts: T0, event_type: 'login_failure', severity: 'warning', threat_score: 0.5 }])],
    table: 'security',
    rows: 1,
    bad: ['bad.jsonl', jsonl([{ ts: T0, event_type: 'x', threat_score: 50 }]) + '{oops\n'],
    badLines: [1, 2],
  },
] as const;

const MAP = { csv: { value: 'latency_ms', timestamp: 'ts' }, jsonl: { timestamp: 'ts' } } as Record<string, Record<string, string>>;

describe.each(CASES)('$format', (c) => {
  it('imports a small file into its table, detecting the format from the content', async () => {
    const client = await engine.client();
    const table = readTables()[c.table];
    const before = await countOf(client, table);
    const summary = await importFile(writeTemp(c.good[0], c.good[1]), { map: MAP[c.format], atMs: T0 });
    expect(summary.format).toBe(c.format);
    expect(summary.rejected, JSON.stringify(summary.issues)).toBe(0);
    expect(summary.tables[c.table]?.rows).toBe(c.rows);
    expect(await countOf(client, table)).toBe(before + c.rows);
  });

  it('rejects a malformed file by line and leaves every table exactly as it was', async () => {
    const client = await engine.client();
    const before = await tableFingerprints(client);
    const summary = await importFile(writeTemp(c.bad[0], c.bad[1]), { format: c.format, map: MAP[c.format], atMs: T0 });
    expect(summary.issues.map((i) => i.line)).toEqual(c.badLines);
    expect(summary.issues.every((i) => i.message.length > 10)).toBe(true);
    expect(summary.rejected).toBe(c.badLines.length);
    expect(await tableFingerprints(client)).toEqual(before);
  });
});

describe('re-import', () => {
  const lines = Array.from({ length: 25 }, (_, i) => `rtt{job="edge",i="${i}"} ${i} ${T0 + i * 1000}`);

  it('does not duplicate rows when the same file is imported again, and says so', async () => {
    const client = await engine.client();
    const table = readTables().metrics;
    const file = writeTemp('scrape.prom', lines.join('\n'));
    const before = await countOf(client, table);
    const first = await importFile(file, { batchRows: 10 });
    expect(first.tables.metrics).toMatchObject({ rows: 25, alreadyImported: 0, fromMs: T0, toMs: T0 + 24_000 });
    const again = await importFile(file, { batchRows: 10 });
    expect(again.tables.metrics).toMatchObject({ rows: 25, alreadyImported: 25 });
    expect(await countOf(client, table)).toBe(before + 25);
  });

  it('resumes an interrupted import: batches written before the interruption are not written again', async () => {
    const client = await engine.client();
    const table = readTables().metrics;
    const shifted = lines.map((l) => l.replace('rtt', 'rtt_resume'));
    const before = await countOf(client, table);
    // An import that stopped after its first two batches of 10 wrote exactly what importing the first 20 lines writes.
    await importFile(writeTemp('scrape.prom', shifted.slice(0, 20).join('\n')), { batchRows: 10 });
    const resumed = await importFile(writeTemp('scrape.prom', shifted.join('\n')), { batchRows: 10 });
    expect(resumed.tables.metrics).toMatchObject({ rows: 25, alreadyImported: 20 });
    expect(await countOf(client, table)).toBe(before + 25);
  });

  it('writes nothing on a dry run', async () => {
    const client = await engine.client();
    const before = await tableFingerprints(client);
    const summary = await importFile(writeTemp('dry.prom', 'dry_run_metric 1\n'), { dryRun: true, atMs: T0 });
    expect(summary.tables.metrics?.rows).toBe(1);
    expect(await tableFingerprints(client)).toEqual(before);
  });
});
