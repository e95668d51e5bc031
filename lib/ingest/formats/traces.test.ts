import { describe, expect, it } from 'vitest';
import { jaegerRows } from './jaeger';
import { createZipkinMapper } from './zipkin';

describe('Jaeger downloads', () => {
  const download = {
    data: [
      {
        traceID: 'AB12',
        spans: [
          {
            traceID: 'AB12',
            spanID: '01',
            operationName: 'HTTP GET',
            references: [],
            startTime: 1_600_000_000_123_456,
            duration: 2500,
            tags: [
              { key: 'span.kind', type: 'string', value: 'server' },
              { key: 'error', type: 'bool', value: true },
              { key: 'http.status_code', type: 'int64', value: 503 },
              { key: 'otel.scope.name', type: 'string', value: 'net/http' },
            ],
            logs: [{ timestamp: 1_600_000_000_124_000, fields: [{ key: 'event', value: 'retry' }, { key: 'n', value: 2 }] }],
            processID: 'p1',
          },
          {
            traceID: 'AB12',
            spanID: '02',
            operationName: 'SELECT',
            references: [
              { refType: 'CHILD_OF', traceID: 'AB12', spanID: '01' },
              { refType: 'FOLLOWS_FROM', traceID: 'CD34', spanID: '09' },
            ],
            startTime: 1_600_000_000_124_000,
            duration: 100,
            tags: [],
            processID: 'p2',
          },
        ],
        processes: { p1: { serviceName: 'frontend', tags: [{ key: 'hostname', value: 'web-1' }] }, p2: { serviceName: 'db', tags: [] } },
      },
    ],
  };

  it('maps spans with µs times, the process as resource, kind/error/scope tags, parents, links and logs', () => {
    const [a, b] = jaegerRows(download).map((e) => e.row);
    expect(a).toEqual({
      startNs: 1_600_000_000_123_456_000n,
      traceId: 'ab12',
      spanId: '01',
      parentSpanId: '',
      traceState: '',
      name: 'HTTP GET',
      kind: 'Server',
      service: 'frontend',
      resourceAttributes: { 'service.name': 'frontend', hostname: 'web-1' },
      scopeName: 'net/http',
      scopeVersion: '',
      attributes: { error: 'true', 'http.status_code': '503' },
      durationNs: 2_500_000n,
      statusCode: 'Error',
      statusMessage: '',
      events: [{ timeNs: 1_600_000_000_124_000_000n, name: 'retry', attributes: { n: '2' } }],
      links: [],
    });
    expect(b).toMatchObject({ parentSpanId: '01', service: 'db', kind: 'Unspecified', statusCode: 'Unset', links: [{ traceId: 'cd34', spanId: '09', traceState: '', attributes: { 'jaeger.refType': 'FOLLOWS_FROM' } }] });
  });

  it('rejects what is not a download', () => {
    expect(() => jaegerRows({ traces: [] })).toThrow(/no "data" array/);
    expect(() => jaegerRows({ data: [{ traceID: 'x' }] })).toThrow(/without "spans"/);
  });
});

describe('Zipkin v2 spans', () => {
  const span = {
    traceId: 'A1',
    id: 'B2',
    parentId: 'C3',
    name: 'get /api',
    kind: 'CLIENT',
    timestamp: 1_500_000_000_000_123,
    duration: 1500,
    localEndpoint: { serviceName: 'web' },
    tags: { error: '404', 'http.path': '/api' },
    annotations: [{ timestamp: 1_500_000_000_000_200, value: 'ws' }],
  };

  it('maps a span as SOURCES.md says: µs, local service, kind, tags, error tag as status, annotations as events', () => {
    const mapper = createZipkinMapper();
    const [row] = (mapper.map(span, 1) as { row: unknown }[]).map((e) => e.row);
    expect(row).toEqual({
      startNs: 1_500_000_000_000_123_000n,
      traceId: 'a1',
      spanId: 'b2',
      parentSpanId: 'c3',
      traceState: '',
      name: 'get /api',
      kind: 'Client',
      service: 'web',
      resourceAttributes: { 'service.name': 'web' },
      scopeName: '',
      scopeVersion: '',
      attributes: { error: '404', 'http.path': '/api' },
      durationNs: 1_500_000n,
      statusCode: 'Error',
      statusMessage: '404',
      events: [{ timeNs: 1_500_000_000_000_200_000n, name: 'ws', attributes: {} }],
      links: [],
    });
  });

  it('gives a fragment without timestamp the earliest start of its siblings, at the end; an orphan fragment is an error', () => {
    const mapper = createZipkinMapper();
    const fragment = { traceId: 'A1', id: 'B2', annotations: [{ timestamp: 1_500_000_000_009_000, value: 'late' }] };
    expect(mapper.map(fragment, 1)).toEqual([]);
    mapper.map({ ...span, timestamp: span.timestamp + 10 }, 2);
    mapper.map(span, 3);
    mapper.map({ traceId: 'A1', id: 'ZZ' }, 4);
    const { rows, errors } = mapper.finish?.() ?? { rows: [], errors: [] };
    expect(rows.map((r) => (r.row as { startNs: bigint }).startNs)).toEqual([1_500_000_000_000_123_000n]);
    expect(errors).toEqual([{ line: 4, message: 'span ZZ has no timestamp and no timestamped report of the same id' }]);
  });

  it('rejects spans without ids or with a non-numeric timestamp', () => {
    const mapper = createZipkinMapper();
    expect(() => mapper.map({ id: 'x' }, 1)).toThrow(/needs "traceId" and "id"/);
    expect(() => mapper.map({ ...span, timestamp: '2019' }, 1)).toThrow(/microseconds/);
  });
});
