import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeOtlpFile } from '@/scripts/bench/otlp-file';

/**
 * Constant memory: the import step of `npm run bench` runs on generated
 * OTLP/JSON files of two sizes, each in its own process with its JS heap
 * capped at 96 MB. The larger file as text alone would fill that heap (48 MB
 * of UTF-8 is 96 MB of JS string), so importing it at all shows it is
 * streamed; and the process's peak resident memory, engine included, grows
 * far less than the file (the engine's own caches and merges account for
 * what it does grow: with the span change rollup's view, whose per-insert
 * work is bounded by the batch, a file four times larger peaked at 1.43× in CI;
 * growth in step with the file would be 4×).
 */

const run = promisify(execFile);
const HEAP_MB = 96;

async function importInChild(file: string) {
  const root = process.env.FLASHBACK_TEST_ROOT ?? '';
  const { stdout } = await run('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/bench/import.ts', '--file', file, '--json'], {
    env: { ...process.env, FLASHBACK_DATA_DIR: mkdtempSync(path.join(root, 'memory-')), NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { rows: number; rejected: number; peakRssMb: number };
}

describe('import memory', () => {
  it('imports a 48 MB file within a 96 MB heap, peak memory barely above a 12 MB file', async () => {
    const root = mkdtempSync(path.join(process.env.FLASHBACK_TEST_ROOT ?? '', 'otlp-'));
    const small = path.join(root, 'small.jsonl');
    const large = path.join(root, 'large.jsonl');
    const smallSpans = await writeOtlpFile(small, 12e6);
    const largeSpans = await writeOtlpFile(large, 48e6);
    const a = await importInChild(small);
    const b = await importInChild(large);
    expect([a.rows, b.rows, a.rejected + b.rejected]).toEqual([smallSpans, largeSpans, 0]);
    expect(b.peakRssMb, `peak RSS ${a.peakRssMb.toFixed(0)} MB for 12 MB, ${b.peakRssMb.toFixed(0)} MB for 48 MB`).toBeLessThan(a.peakRssMb * 1.6);
  }, 180_000);
});
