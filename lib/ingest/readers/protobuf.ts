import { decodeResourceSpans, ProtoError } from '../formats/otlp-proto-decode';
import type { RawRecord } from './records';

/**
 * OTLP/protobuf files, streamed: an ExportTraceServiceRequest is a sequence
 * of field-1 entries (its ResourceSpans), so each is cut out and decoded on
 * its own and the file is never held whole. Files of several requests each
 * with a 4-byte big-endian length prefix (as some exporters write) are read
 * too. Records are numbered by ResourceSpans ("line" N) for error messages.
 */

class Bytes {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  offset = 0;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  /** Ensures n bytes are buffered; false at a clean end of input. */
  async have(n: number): Promise<boolean> {
    // Collect the chunks first and join once: a large message spans many of them.
    const parts: Buffer[] = [this.buf];
    let length = this.buf.length;
    while (length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        parts.push(next.value);
        length += next.value.length;
      }
    }
    if (parts.length > 1) this.buf = Buffer.concat(parts);
    return this.buf.length >= n;
  }
  peek(n: number) {
    return this.buf.subarray(0, n);
  }
  take(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    this.offset += n;
    return out;
  }
  async varint(): Promise<number | null> {
    let value = 0;
    for (let i = 0; i < 10; i++) {
      if (!(await this.have(1))) return null;
      const b = this.take(1)[0] as number;
      value += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) return value;
    }
    throw new ProtoError('varint longer than 10 bytes');
  }
}

/** The ResourceSpans entries of one request body of `length` bytes (Infinity: to the end). */
async function* entries(bytes: Bytes, length: number, counter: { n: number }): AsyncGenerator<RawRecord> {
  const end = bytes.offset + length;
  while (bytes.offset < end) {
    const at = bytes.offset;
    const key = await bytes.varint();
    if (key === null) return;
    counter.n += 1;
    const wire = key & 7;
    const field = Math.floor(key / 8);
    if (wire !== 2) throw new ProtoError(`byte ${at}: field ${field} has wire type ${wire}; an ExportTraceServiceRequest holds only length-delimited ResourceSpans`);
    const size = await bytes.varint();
    if (size === null || !(await bytes.have(size))) throw new ProtoError(`byte ${at}: the file ends inside a ResourceSpans message (truncated?)`);
    const body = bytes.take(size);
    if (field !== 1) continue;
    try {
      yield { line: counter.n, value: { resourceSpans: [decodeResourceSpans(body)] } };
    } catch (error) {
      yield { line: counter.n, error: `ResourceSpans #${counter.n} at byte ${at}: ${(error as Error).message}` };
    }
  }
}

export async function* readProtobuf(stream: AsyncIterable<Buffer>): AsyncGenerator<RawRecord> {
  const bytes = new Bytes(stream[Symbol.asyncIterator]());
  const counter = { n: 0 };
  try {
    if (!(await bytes.have(5))) {
      if (await bytes.have(1)) yield* entries(bytes, Infinity, counter);
      return;
    }
    // A plain request starts with field 1, wire type 2 (0x0a); a length-prefixed one with its size.
    if (bytes.peek(1)[0] === 0x0a) {
      yield* entries(bytes, Infinity, counter);
      return;
    }
    while (await bytes.have(4)) {
      const size = bytes.take(4).readUInt32BE(0);
      if (!(await bytes.have(size))) throw new ProtoError(`byte ${bytes.offset}: the file ends inside a length-prefixed request (truncated?)`);
      yield* entries(bytes, size, counter);
    }
  } catch (error) {
    if (!(error instanceof ProtoError)) throw error;
    yield { line: counter.n, error: `not OTLP/protobuf: ${error.message}` };
  }
}
