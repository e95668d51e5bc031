import 'server-only';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { openIngest, RowRejectedError, type TableWrite } from '@/lib/clickhouse/ingest';
import type { IngestTable } from '@/lib/clickhouse/ingest-rows';
import { detectFormat } from './detect';
import { FORMATS } from './formats';
import { readCsv } from './readers/csv';
import { readJson } from './readers/json';
import { readProtobuf } from './readers/protobuf';
import type { RawRecord } from './readers/records';
import { readTextLines } from './readers/text';
import { RecordError, type Emit, type FormatName, type MapContext } from './types';

/**
 * Imports one file through the ingest door: detects its format (unless
 * given), streams its records, maps each to rows, and reports per table what
 * was written, the time span, and every rejected record by line (the first
 * MAX_LISTED of them in full). Bad records are skipped, never silently.
 */

export interface ImportOptions {
  format?: FormatName;
  service?: string;
  table?: IngestTable;
  map?: Record<string, string>;
  /** Scrape time for samples without one, epoch ms (default: the file's modification time). */
  atMs?: number;
  dryRun?: boolean;
  batchRows?: number;
  /** Called every few thousand records with the bytes read so far. */
  onProgress?: (progress: { bytes: number; totalBytes: number; rows: number }) => void;
  /** The name to report and record in the ledger (default: the file's base name). */
  displayName?: string;
}

export interface RecordIssue {
  line: number;
  message: string;
}

export interface FileSummary {
  file: string;
  format: FormatName;
  bytes: number;
  records: number;
  tables: Partial<Record<IngestTable, TableWrite>>;
  rejected: number;
  issues: RecordIssue[];
  /** Records of types the format does not import, by type (not errors). */
  skipped: Record<string, number>;
  seconds: number;
}

const MAX_LISTED = 50;
const HEAD_BYTES = 1 << 16;

export class UnknownFormatError extends Error {
  override name = 'UnknownFormatError';
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function resolveFormat(file: string, displayName: string, format?: FormatName): Promise<FormatName> {
  if (format) return format;
  const detected = detectFormat(await readHead(file), displayName);
  if (!detected) {
    throw new UnknownFormatError(
      `${displayName}: cannot tell its format from its content; pass --format (one of ${Object.keys(FORMATS).join(', ')})`,
    );
  }
  return detected;
}

function records(kind: (typeof FORMATS)[FormatName]['reader'], stream: ReturnType<typeof createReadStream>): AsyncIterable<RawRecord> {
  if (kind === 'json') return readJson(stream);
  if (kind === 'text') return readTextLines(stream);
  if (kind === 'csv') return readCsv(stream);
  return readProtobuf(stream);
}

export async function importFile(file: string, options: ImportOptions = {}): Promise<FileSummary> {
  const started = performance.now();
  const displayName = options.displayName ?? path.basename(file);
  const info = await stat(file);
  const format = await resolveFormat(file, displayName, options.format);
  const spec = FORMATS[format];
  const ctx: MapContext = {
    sourceName: displayName.replace(/\.[^.]+$/, ''),
    service: options.service,
    atMs: options.atMs ?? Math.floor(info.mtimeMs),
    map: options.map ?? {},
    table: options.table,
  };
  const mapper = spec.create(ctx);
  const writer = await openIngest({ source: displayName, format, dryRun: options.dryRun, batchRows: options.batchRows });
  const summary: FileSummary = { file: displayName, format, bytes: info.size, records: 0, tables: {}, rejected: 0, issues: [], skipped: {}, seconds: 0 };
  const reject = (line: number, message: string) => {
    summary.rejected += 1;
    if (summary.issues.length < MAX_LISTED) summary.issues.push({ line, message });
  };
  let rows = 0;
  const write = async (emits: Emit[], line: number) => {
    for (const { table, row } of emits) {
      try {
        await writer.add(table, row);
        rows += 1;
      } catch (error) {
        if (!(error instanceof RowRejectedError)) throw error;
        reject(line, error.message);
      }
    }
  };

  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  for await (const record of records(spec.reader, stream)) {
    if (record.error !== undefined) {
      summary.records += 1;
      reject(record.line, record.error);
      continue;
    }
    // Prometheus comment lines are not records.
    if (spec.reader === 'text' && /^\s*(#|$)/.test(String(record.value))) continue;
    summary.records += 1;
    let mapped;
    try {
      mapped = mapper.map(record.value, record.line);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      reject(record.line, error.message);
      continue;
    }
    if ('skip' in mapped) summary.skipped[mapped.skip] = (summary.skipped[mapped.skip] ?? 0) + 1;
    else await write(mapped, record.line);
    if (summary.records % 5000 === 0) options.onProgress?.({ bytes: stream.bytesRead, totalBytes: info.size, rows });
  }
  const held = mapper.finish?.();
  if (held) {
    for (const issue of held.errors) reject(issue.line, issue.message);
    await write(held.rows, 0);
  }
  const written = await writer.finish();
  for (const [table, stats] of Object.entries(written) as [IngestTable, TableWrite][]) if (stats.rows > 0) summary.tables[table] = stats;
  options.onProgress?.({ bytes: info.size, totalBytes: info.size, rows });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
