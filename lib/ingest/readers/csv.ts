import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { RawRecord } from './records';

/**
 * CSV rows as objects keyed by the header line, streamed. A row with the
 * wrong number of fields is a record error naming its line; a broken quote
 * ends the file with an error (the parser cannot resynchronise after it).
 */
export async function* readCsv(stream: Readable): AsyncGenerator<RawRecord> {
  const parser = stream.pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record;
        continue;
      }
      if (record.length !== header.length) {
        yield { line: info.lines, error: `${record.length} fields where the header has ${header.length}` };
        continue;
      }
      const value: Record<string, string> = {};
      header.forEach((name, i) => (value[name] = record[i] ?? ''));
      yield { line: info.lines, value };
    }
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    yield { line: lines ?? 0, error: `unreadable CSV: ${(error as Error).message}` };
  }
}
