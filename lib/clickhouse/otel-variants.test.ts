import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceResponse, TracesResponse } from '@/lib/api/types';
import { GET as getTrace } from '@/app/api/traces/[traceId]/route';
import { GET as listTraces } from '@/app/api/traces/route';
import { importFile } from '@/lib/ingest/import-file';
import { testEngine } from '@/test/engine';
import { call } from '@/test/fixtures/request';
import { writeTemp } from '@/test/ingest/files';
import { realdataPath } from '@/test/realdata/root';
import { liveColumns } from './live-columns';

/**
 * otel_traces as different versions of the OpenTelemetry Collector's
 * ClickHouse exporter create it: the importer writes only the columns the
 * live table has, and the trace routes read each variant. The DDLs are
 * written here (condensed from the exporter's templates); the exporter's own
 * example DDL is run too when ../shared/realdata is present.
 */

const engine = testEngine();

const COMMON = `
    Timestamp DateTime64(9) CODEC(Delta, ZSTD(1)),
    TraceId String CODEC(ZSTD(1)),
    SpanId String CODEC(ZSTD(1)),
    ParentSpanId String CODEC(ZSTD(1)),
    TraceState String CODEC(ZSTD(1)),
    SpanName LowCardinality(String) CODEC(ZSTD(1)),
    SpanKind LowCardinality(String) CODEC(ZSTD(1)),
    ServiceName LowCardinality(String) CODEC(ZSTD(1)),
    ResourceAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    SpanAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    StatusCode LowCardinality(String) CODEC(ZSTD(1)),
    StatusMessage String CODEC(ZSTD(1)),
    Events Nested (Timestamp DateTime64(9), Name LowCardinality(String), Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1)),
    Links Nested (TraceId String, SpanId String, TraceState String, Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1))`;

const lookup = (table: string) => [
  `CREATE TABLE ${table}_trace_id_ts (TraceId String, Start DateTime64(9), End DateTime64(9)) ENGINE = MergeTree ORDER BY (TraceId, toUnixTimestamp(Start))`,
  `CREATE MATERIALIZED VIEW ${table}_trace_id_ts_mv TO ${table}_trace_id_ts AS SELECT TraceId, min(Timestamp) AS Start, max(Timestamp) AS End FROM ${table} WHERE TraceId != '' GROUP BY TraceId`,
];

const VARIANTS = [
  {
    name: 'current: Duration UInt64, Scope columns, key on toDateTime(Timestamp)',
    table: 'otel_traces_current',
    scope: true,
    ddl: (t: string) => [
      `CREATE TABLE ${t} (${COMMON}, ScopeName String CODEC(ZSTD(1)), ScopeVersion String CODEC(ZSTD(1)), Duration UInt64 CODEC(ZSTD(1))) ENGINE = MergeTree PARTITION BY toDate(Timestamp) ORDER BY (ServiceName, SpanName, toDateTime(Timestamp))`,
      ...lookup(t),
    ],
  },
  {
    name: 'old: Duration Int64, no Scope columns, key on Timestamp',
    table: 'otel_traces_old',
    scope: false,
    ddl: (t: string) => [`CREATE TABLE ${t} (${COMMON}, Duration Int64 CODEC(ZSTD(1))) ENGINE = MergeTree PARTITION BY toDate(Timestamp) ORDER BY (ServiceName, SpanName, Timestamp)`, ...lookup(t)],
  },
  {
    name: 'keyed by time first, no partitioning',
    table: 'otel_traces_timekey',
    scope: true,
    ddl: (t: string) => [`CREATE TABLE ${t} (${COMMON}, ScopeName String, ScopeVersion String, Duration Int64) ENGINE = MergeTree ORDER BY (Timestamp, TraceId)`, ...lookup(t)],
  },
];

// Recent: the exporter's example DDL keeps spans 180 days (TTL) and drops older ones as they arrive.
const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 86_400_000;
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const otlp = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
      scopeSpans: [
        {
          scope: { name: 'io.otel.http', version: '2.0' },
          spans: [
            { traceId: TRACE, spanId: '00f067aa0ba902b7', name: 'POST /pay', kind: 2, startTimeUnixNano: `${T0}000000`, endTimeUnixNano: `${T0 + 250}000000`, status: { code: 2, message: 'declined' } },
            { traceId: TRACE, spanId: '00f067aa0ba902b8', parentSpanId: '00f067aa0ba902b7', name: 'charge', kind: 3, startTimeUnixNano: `${T0 + 10}000000`, endTimeUnixNano: `${T0 + 200}000000` },
          ],
        },
      ],
    },
  ],
});

afterEach(() => {
  delete process.env.FLASHBACK_TABLE_TRACES;
  delete process.env.FLASHBACK_TABLE_TRACE_ID_TS;
});

async function importAndRead(table: string) {
  process.env.FLASHBACK_TABLE_TRACES = table;
  process.env.FLASHBACK_TABLE_TRACE_ID_TS = `${table}_trace_id_ts`;
  const summary = await importFile(writeTemp('spans.jsonl', `${otlp}\n`));
  expect(summary.rejected, JSON.stringify(summary.issues)).toBe(0);
  expect(summary.tables.traces?.rows).toBe(2);
  const list = await call<TracesResponse>(listTraces, '/api/traces', { from: T0 - 1000, to: T0 + 1000 });
  expect(list.status).toBe(200);
  expect(list.body.traces).toMatchObject([{ traceId: TRACE, rootService: 'checkout', rootName: 'POST /pay', spanCount: 2, errorCount: 1, durationMs: 250 }]);
  const trace = await call<TraceResponse>(getTrace, `/api/traces/${TRACE}`, {}, { params: { traceId: TRACE } });
  expect(trace.status).toBe(200);
  expect(trace.body.spans.map((s) => [s.spanId, s.parentSpanId, s.durationMs, s.statusCode])).toEqual([
    ['00f067aa0ba902b7', '', 250, 'Error'],
    ['00f067aa0ba902b8', '00f067aa0ba902b7', 190, 'Unset'],
  ]);
}

describe.each(VARIANTS)('otel_traces $name', (variant) => {
  it('is written with the columns it has and read back through the trace routes', async () => {
    const client = await engine.client();
    for (const statement of variant.ddl(variant.table)) await client.command({ query: statement });
    const columns = await liveColumns(variant.table);
    expect(columns.names.has('ScopeName')).toBe(variant.scope);
    await importAndRead(variant.table);
    if (variant.scope) {
      const rs = await client.query({ query: 'SELECT DISTINCT ScopeName, ScopeVersion FROM {t:Identifier}', query_params: { t: variant.table }, format: 'JSONEachRow' });
      expect(await rs.json()).toEqual([{ ScopeName: 'io.otel.http', ScopeVersion: '2.0' }]);
    }
  });
});

const EXAMPLE = realdataPath('otel_schema/example_default_ddl_traces.sql');

/** This engine refuses codecs on the columns inside a Nested (the example sets them on Links'); the columns are the same without. */
function withoutNestedCodecs(ddl: string): string {
  let inside = false;
  return ddl
    .split('\n')
    .map((line) => {
      if (/Nested \($/.test(line.trim())) inside = true;
      else if (inside && line.trim().startsWith(')')) inside = false;
      else if (inside) return line.replace(/ CODEC\(ZSTD\(1\)\)/, '');
      return line;
    })
    .join('\n');
}

describe.skipIf(!existsSync(EXAMPLE))("the exporter's example DDL (../shared/realdata/otel_schema)", () => {
  it('is written and read back like the others', async () => {
    const client = await engine.client();
    const statements = withoutNestedCodecs(readFileSync(EXAMPLE, 'utf8'))
      .replace(/--.*$/gm, '')
      .replaceAll('otel_traces', 'otel_traces_example')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const statement of statements) await client.command({ query: statement });
    await importAndRead('otel_traces_example');
  });
});
