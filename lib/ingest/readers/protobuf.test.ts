import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { encodeTraceRequest } from '@/test/ingest/otlp-proto';
import type { RawRecord } from './records';
import { readProtobuf } from './protobuf';

/** Requests encoded by protobufjs, read back in chunks of every size by the streaming reader. */

const request = (n: number) =>
  encodeTraceRequest({
    resourceSpans: [1, 2].map((r) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: `svc-${n}-${r}` } }] },
      scopeSpans: [{ spans: [{ traceId: Buffer.alloc(16, n), spanId: Buffer.alloc(8, r), name: 'op', startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000000000000005' }] }],
    })),
  });

async function read(bytes: Buffer, chunk: number): Promise<RawRecord[]> {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const out: RawRecord[] = [];
  for await (const r of readProtobuf(Readable.from(parts))) out.push(r);
  return out;
}

const services = (records: RawRecord[]) =>
  records.map((r) => (r.value as { resourceSpans: { resource: { attributes: { value: { stringValue: string } }[] } }[] }).resourceSpans[0]?.resource.attributes[0]?.value.stringValue);

describe('readProtobuf', () => {
  it.each([1, 7, 64, 1 << 16])('yields each ResourceSpans of a request, in chunks of %i bytes', async (chunk) => {
    const records = await read(request(1), chunk);
    expect(services(records)).toEqual(['svc-1-1', 'svc-1-2']);
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('reads requests with 4-byte big-endian length prefixes', async () => {
    const framed = [request(1), request(2)].flatMap((b) => {
      const size = Buffer.alloc(4);
      size.writeUInt32BE(b.length);
      return [size, b];
    });
    expect(services(await read(Buffer.concat(framed), 5))).toEqual(['svc-1-1', 'svc-1-2', 'svc-2-1', 'svc-2-2']);
  });

  it('names a truncated file and a field of the wrong wire type', async () => {
    const whole = request(1);
    const cut = await read(whole.subarray(0, whole.length - 3), 16);
    expect(cut.at(-1)?.error).toMatch(/ends inside a ResourceSpans message/);
    const wrong = await read(Buffer.from([0x0a, 0x00, 0x08, 0x01]), 2);
    expect(wrong.at(-1)?.error).toMatch(/field 1 has wire type 0/);
  });
});
