/**
 * A small protobuf wire decoder for the OTLP trace messages, producing the
 * same object shape as OTLP/JSON (ids as hex, 64-bit times as decimal text)
 * so one mapping (otlp.ts) serves both encodings. Field numbers are those of
 * opentelemetry-proto's trace/v1, common/v1 and resource/v1 messages.
 * Unknown fields are skipped by wire type, as protobuf requires.
 */

export class ProtoError extends Error {
  override name = 'ProtoError';
}

type Fields = Map<number, (number | bigint | Uint8Array)[]>;

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new ProtoError('truncated varint');
      const b = this.buf[this.pos++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new ProtoError('varint longer than 10 bytes');
    }
  }

  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new ProtoError(`a field claims ${n} bytes but only ${this.buf.length - this.pos} remain`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  fixed64(): bigint {
    const b = this.bytes(8);
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  }
}

/** Every field of one message: varints as bigint, fixed64 as bigint, fixed32 as number, length-delimited as bytes. */
function fields(buf: Uint8Array): Fields {
  const r = new Reader(buf);
  const out: Fields = new Map();
  while (r.pos < buf.length) {
    const key = r.varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    let value: number | bigint | Uint8Array;
    if (wire === 0) value = r.varint();
    else if (wire === 1) value = r.fixed64();
    else if (wire === 2) value = r.bytes(Number(r.varint()));
    else if (wire === 5) {
      const b = r.bytes(4);
      value = new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
    } else throw new ProtoError(`unsupported wire type ${wire} (field ${field})`);
    if (field === 0) throw new ProtoError('field number 0');
    const list = out.get(field);
    if (list) list.push(value);
    else out.set(field, [value]);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const all = (f: Fields, n: number) => f.get(n) ?? [];
const bytesOf = (f: Fields, n: number): Uint8Array | undefined => {
  const v = all(f, n).at(-1);
  return v instanceof Uint8Array ? v : undefined;
};
const str = (f: Fields, n: number) => {
  const b = bytesOf(f, n);
  return b ? utf8.decode(b) : '';
};
const hex = (f: Fields, n: number) => Buffer.from(bytesOf(f, n) ?? new Uint8Array()).toString('hex');
const num = (f: Fields, n: number): bigint => {
  const v = all(f, n).at(-1);
  return typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : 0n;
};
const messages = (f: Fields, n: number) => all(f, n).filter((v): v is Uint8Array => v instanceof Uint8Array).map(fields);

function anyValue(f: Fields): Record<string, unknown> {
  if (f.has(1)) return { stringValue: str(f, 1) };
  if (f.has(2)) return { boolValue: num(f, 2) !== 0n };
  if (f.has(3)) return { intValue: BigInt.asIntN(64, num(f, 3)).toString() };
  if (f.has(4)) {
    const v = num(f, 4);
    const b = new DataView(new ArrayBuffer(8));
    b.setBigUint64(0, v, true);
    return { doubleValue: b.getFloat64(0, true) };
  }
  if (f.has(5)) return { arrayValue: { values: messages(messages(f, 5)[0] ?? new Map(), 1).map(anyValue) } };
  if (f.has(6)) return { kvlistValue: { values: messages(messages(f, 6)[0] ?? new Map(), 1).map(keyValue) } };
  if (f.has(7)) return { bytesValue: Buffer.from(bytesOf(f, 7) ?? new Uint8Array()).toString('base64') };
  return {};
}

function keyValue(f: Fields) {
  return { key: str(f, 1), value: anyValue(messages(f, 2)[0] ?? new Map()) };
}
const attributes = (f: Fields, n: number) => messages(f, n).map(keyValue);

function span(f: Fields) {
  const status = messages(f, 15)[0];
  return {
    traceId: hex(f, 1),
    spanId: hex(f, 2),
    traceState: str(f, 3),
    parentSpanId: hex(f, 4),
    name: str(f, 5),
    kind: Number(num(f, 6)),
    startTimeUnixNano: num(f, 7).toString(),
    endTimeUnixNano: num(f, 8).toString(),
    attributes: attributes(f, 9),
    events: messages(f, 11).map((e) => ({ timeUnixNano: num(e, 1).toString(), name: str(e, 2), attributes: attributes(e, 3) })),
    links: messages(f, 13).map((l) => ({ traceId: hex(l, 1), spanId: hex(l, 2), traceState: str(l, 3), attributes: attributes(l, 4) })),
    status: status ? { message: str(status, 2), code: Number(num(status, 3)) } : {},
  };
}

/** One ResourceSpans message (field 1 of ExportTraceServiceRequest) → its OTLP/JSON shape. */
export function decodeResourceSpans(buf: Uint8Array) {
  const f = fields(buf);
  const resource = messages(f, 1)[0];
  return {
    resource: { attributes: resource ? attributes(resource, 1) : [] },
    scopeSpans: messages(f, 2).map((ss) => {
      const scope = messages(ss, 1)[0];
      return {
        scope: scope ? { name: str(scope, 1), version: str(scope, 2), attributes: attributes(scope, 3) } : {},
        spans: messages(ss, 2).map(span),
      };
    }),
  };
}

/** A whole ExportTraceServiceRequest → its OTLP/JSON shape. */
export function decodeTraceRequest(buf: Uint8Array) {
  return { resourceSpans: all(fields(buf), 1).filter((v): v is Uint8Array => v instanceof Uint8Array).map(decodeResourceSpans) };
}
