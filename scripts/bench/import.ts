/**
 * `npm run bench`'s import step (also run by the memory test): generates an
 * OTLP/JSON traces file of `--mb` megabytes (default 1024), or takes
 * `--file`, imports it into the embedded engine in FLASHBACK_DATA_DIR through
 * the ingest door, and prints rows/s and the process's peak resident memory.
 * `--json` prints one JSON line instead (for the test); `--dry-run` maps and
 * validates only.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeClickHouse } from '@/lib/clickhouse/client';
import { importFile } from '@/lib/ingest/import-file';
import { writeOtlpFile } from './otlp-file';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const mbIndex = argv.indexOf('--mb');
const mb = mbIndex >= 0 ? Number(argv[mbIndex + 1]) : 1024;

const fileIndex = argv.indexOf('--file');
const dir = mkdtempSync(path.join(os.tmpdir(), 'flashback-import-bench-'));
const file = fileIndex >= 0 ? (argv[fileIndex + 1] ?? '') : path.join(dir, 'traces.jsonl');
try {
  if (fileIndex < 0) {
    const generated = performance.now();
    const spans = await writeOtlpFile(file, mb * 1e6);
    console.log(`generated ${(statSync(file).size / 1e6).toFixed(0)} MB, ${spans.toLocaleString('en-US')} spans in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  }
  const bytes = statSync(file).size;
  const summary = await importFile(file, { dryRun: flag('--dry-run') });
  const rows = summary.tables.traces?.rows ?? 0;
  // maxRSS is in kilobytes: the peak over the whole process (engine included).
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result = { mb: bytes / 1e6, rows, rejected: summary.rejected, seconds: summary.seconds, rowsPerSecond: rows / summary.seconds, peakRssMb };
  if (flag('--json')) console.log(JSON.stringify(result));
  else {
    console.log(
      `imported ${rows.toLocaleString('en-US')} spans (${summary.rejected} rejected) in ${summary.seconds.toFixed(1)} s: ` +
        `${Math.round(result.rowsPerSecond).toLocaleString('en-US')} rows/s, ${(result.mb / summary.seconds).toFixed(1)} MB/s, peak RSS ${peakRssMb.toFixed(0)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await closeClickHouse();
}
