import { describe, expect, it } from 'vitest';
import { encodeTraceRequest } from '@/test/ingest/otlp-proto';
import { decodeTraceRequest } from './otlp-proto-decode';
import { otlpRows } from './otlp';

const kv = (key: string, value: Record<string, unknown>) => ({ key, value });

/** One request as the collector's file exporter writes it (ids hex, times as decimal text). */
const JSON_REQUEST = {
  resourceSpans: [
    {
      resource: { attributes: [kv('service.name', { stringValue: 'order-gateway' }), kv('host.cpus', { intValue: '8' })] },
      scopeSpans: [
        {
          scope: { name: 'io.opentelemetry.http', version: '1.2.0', attributes: [kv('scope.attr', { boolValue: true })] },
          spans: [
            {
              traceId: '5B8EFFF798038103D269B633813FC60C',
              spanId: 'eee19b7ec3c1b174',
              parentSpanId: 'eee19b7ec3c1b173',
              name: 'POST /orders',
              kind: 2,
              startTimeUnixNano: '1544712660000000123',
              endTimeUnixNano: '1544712661000000456',
              attributes: [kv('http.status', { intValue: 500 }), kv('tags', { arrayValue: { values: [{ stringValue: 'a' }, { doubleValue: 1.5 }] } })],
              events: [{ timeUnixNano: '1544712660500000000', name: 'retry', attributes: [kv('attempt', { intValue: '2' })] }],
              links: [{ traceId: '00000000000000000000000000000001', spanId: '0000000000000002', attributes: [] }],
              status: { code: 2, message: 'boom' },
            },
            { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b175', name: 'db', kind: 'SPAN_KIND_CLIENT', startTimeUnixNano: '1544712660100000000', endTimeUnixNano: '1544712660200000000', status: { code: 'STATUS_CODE_OK' } },
          ],
        },
      ],
    },
  ],
};

describe('OTLP traces', () => {
  it('maps spans as the ClickHouse exporter stores them: resource, scope, kinds, status, events, links, hex ids', () => {
    const rows = otlpRows(JSON_REQUEST).map((e) => e.row);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      startNs: 1544712660000000123n,
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: 'eee19b7ec3c1b173',
      traceState: '',
      name: 'POST /orders',
      kind: 'Server',
      service: 'order-gateway',
      resourceAttributes: { 'service.name': 'order-gateway', 'host.cpus': '8', 'scope.attr': 'true' },
      scopeName: 'io.opentelemetry.http',
      scopeVersion: '1.2.0',
      attributes: { 'http.status': '500', tags: '["a","1.5"]' },
      durationNs: 1_000_000_333n,
      statusCode: 'Error',
      statusMessage: 'boom',
      events: [{ timeNs: 1544712660500000000n, name: 'retry', attributes: { attempt: '2' } }],
      links: [{ traceId: '00000000000000000000000000000001', spanId: '0000000000000002', traceState: '', attributes: {} }],
    });
    expect(rows[1]).toMatchObject({ kind: 'Client', statusCode: 'Ok', durationNs: 100_000_000n, parentSpanId: '' });
  });

  it('decodes OTLP/protobuf (encoded by protobufjs) to the same rows as the JSON form', () => {
    const hex = (s: string) => Buffer.from(s, 'hex');
    const bytes = encodeTraceRequest({
      resourceSpans: [
        {
          resource: { attributes: [kv('service.name', { stringValue: 'order-gateway' }), kv('host.cpus', { intValue: 8 })] },
          scopeSpans: [
            {
              scope: { name: 'io.opentelemetry.http', version: '1.2.0', attributes: [kv('scope.attr', { boolValue: true })] },
              spans: [
                {
                  traceId: hex('5b8efff798038103d269b633813fc60c'),
                  spanId: hex('eee19b7ec3c1b174'),
                  parentSpanId: hex('eee19b7ec3c1b173'),
                  name: 'POST /orders',
                  kind: 2,
                  startTimeUnixNano: '1544712660000000123',
                  endTimeUnixNano: '1544712661000000456',
                  attributes: [kv('http.status', { intValue: 500 }), kv('tags', { arrayValue: { values: [{ stringValue: 'a' }, { doubleValue: 1.5 }] } })],
                  events: [{ timeUnixNano: '1544712660500000000', name: 'retry', attributes: [kv('attempt', { intValue: 2 })] }],
                  links: [{ traceId: hex('00000000000000000000000000000001'), spanId: hex('0000000000000002'), attributes: [] }],
                  status: { code: 2, message: 'boom' },
                },
                { traceId: hex('5b8efff798038103d269b633813fc60c'), spanId: hex('eee19b7ec3c1b175'), name: 'db', kind: 3, startTimeUnixNano: '1544712660100000000', endTimeUnixNano: '1544712660200000000', status: { code: 1 } },
              ],
            },
          ],
        },
      ],
    });
    expect(otlpRows(decodeTraceRequest(bytes))).toEqual(otlpRows(JSON_REQUEST));
  });

  it('rejects a record that is not a request and ids that are not hex or base64', () => {
    expect(() => otlpRows({ spans: [] })).toThrow(/no resourceSpans/);
    const bad = structuredClone(JSON_REQUEST);
    (bad.resourceSpans[0]!.scopeSpans[0]!.spans[0] as { traceId: string }).traceId = 'not an id!';
    expect(() => otlpRows(bad)).toThrow(/traceId "not an id!" is neither hex nor base64/);
  });
});
