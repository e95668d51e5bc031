import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from './records';
import { readJson } from './json';

/** Splits text into chunks at the given cut points, so records straddle chunk boundaries. */
function chunked(text: string, cuts: number[]): Readable {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const p of [...points, text.length]) {
    parts.push(text.slice(last, p));
    last = p;
  }
  return Readable.from(parts.filter((p) => p !== '').map((p) => Buffer.from(p)));
}

async function collect(stream: Readable): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of readJson(stream)) out.push(r);
  return out;
}

const record = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });

describe('readJson', () => {
  it('yields every element of a pretty-printed array, with the line each starts on, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), async (records, cuts) => {
        const text = JSON.stringify(records, null, 2);
        const got = await collect(chunked(text, cuts));
        expect(got.map((r) => r.value)).toEqual(JSON.parse(text));
        // Where each element's "{" is, counted independently of the reader.
        const lines = text.split('\n');
        const starts = lines.flatMap((l, i) => (/^  \{/.test(l) ? [i + 1] : []));
        expect(got.map((r) => r.line)).toEqual(starts);
      }),
      { numRuns: 60 },
    );
  });

  it('yields the elements of every array member of a document, each wrapped in its member', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 5 }), fc.array(record, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 10 }), async (a, b, cuts) => {
        const doc = { total: 3, data: a, 'odd "key"': { nested: [1, 2] }, more: b, errors: null };
        const text = JSON.stringify(doc, null, 1);
        const got = await collect(chunked(text, cuts));
        // As JSON has them (-0 is written as 0).
        const { data, more } = JSON.parse(text) as { data: unknown[]; more: unknown[] };
        expect(got.map((r) => r.value)).toEqual([...data.map((x) => ({ data: [x] })), ...more.map((x) => ({ more: [x] }))]);
      }),
      { numRuns: 60 },
    );
  });

  it('reads JSON Lines line by line and names the line of a broken one', async () => {
    const got = await collect(chunked('{"a":1}\n\n{"a":2\n[1,2]\r\n{"a":3}', [3, 9]));
    expect(got).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, error: expect.stringContaining('invalid JSON') },
      { line: 4, value: [1, 2] },
      { line: 5, value: { a: 3 } },
    ]);
  });

  it('reports a truncated document and a broken element by line', async () => {
    const got = await collect(chunked('[\n {"a": 1},\n {"a": tru},\n {"a": 3', []));
    expect(got).toEqual([
      { line: 2, value: { a: 1 } },
      { line: 3, error: expect.stringContaining('invalid JSON') },
      { line: 4, error: 'the file ends inside a JSON value (truncated?)' },
    ]);
  });
});
