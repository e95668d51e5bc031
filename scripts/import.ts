/**
 * `npm run import -- <file>… [--format F] [--service S] [--table T] [--map a=b,…] [--at T] [--max-errors N] [--dry-run]`:
 * loads files into the configured ClickHouse (embedded by default) through
 * the ingest door, with a progress bar on a terminal (plain lines
 * otherwise) and a summary per file. Exits 1 when more records were rejected
 * than --max-errors allows (or ClickHouse failed), 2 on bad options.
 */
import { closeClickHouse } from '@/lib/clickhouse/client';
import { DatabaseError } from '@/lib/clickhouse/errors';
import { readTables } from '@/lib/config';
import { beginShutdown } from '@/lib/lifecycle/shutdown';
import { IMPORT_USAGE, ImportOptionsError, parseImportArgs } from '@/lib/ingest/cli-options';
import { importFile, UnknownFormatError } from '@/lib/ingest/import-file';
import { formatSummary, progressBar } from '@/lib/ingest/report';

async function main(): Promise<number> {
  let args;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ImportOptionsError)) throw error;
    console.error(`import: ${error.message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(IMPORT_USAGE);
    return 0;
  }
  const tty = process.stderr.isTTY;
  const t = readTables();
  const names = { metrics: t.metrics, security: t.security, anomalies: t.anomalies, traces: t.traces };
  let rejected = 0;
  let failed = false;
  try {
    for (const file of args.files) {
      let lastTenth = -1;
      try {
        const summary = await importFile(file, {
          ...args,
          onProgress: ({ bytes, totalBytes, rows }) => {
            if (tty) process.stderr.write(`\r${progressBar(file, bytes, totalBytes, rows)}`);
            else {
              const tenth = Math.floor((bytes / Math.max(totalBytes, 1)) * 10);
              if (tenth > lastTenth && tenth < 10) console.error(`${file}: ${tenth * 10}% (${rows.toLocaleString('en-US')} rows)`);
              lastTenth = tenth;
            }
          },
        });
        if (tty) process.stderr.write('\n');
        console.log(formatSummary(summary, names, args.dryRun));
        rejected += summary.rejected;
      } catch (error) {
        if (tty) process.stderr.write('\n');
        if (error instanceof UnknownFormatError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
          console.error(`import: ${error instanceof UnknownFormatError ? error.message : `${file}: no such file`}`);
          failed = true;
          continue;
        }
        throw error;
      }
    }
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    const detail = error.kind === 'query' && error.cause instanceof Error ? ` ${error.cause.message.split('\n')[0]}` : '';
    console.error(`import: ${error.message}${detail}`);
    return 1;
  } finally {
    await closeClickHouse();
  }
  if (rejected > args.maxErrors) {
    console.error(`import: ${rejected} record(s) rejected, more than --max-errors ${args.maxErrors}`);
    return 1;
  }
  return failed ? 1 : 0;
}

// Stopped (SIGTERM, Ctrl+C): finish the batch being written, stop before the next, close the engine, exit 1.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, beginShutdown);

process.exitCode = await main();
