import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { RawRecord } from './records';

/** Lines of a text file (Prometheus exposition), each with its number; nothing else held in memory. */
export async function* readTextLines(stream: Readable): AsyncGenerator<RawRecord> {
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1;
    yield { line, value: text };
  }
}
