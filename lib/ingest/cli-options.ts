import { INGEST_TABLES, type IngestTable } from '@/lib/clickhouse/ingest-rows';
import { FORMAT_NAMES, type FormatName } from './types';
import { nsToMs, parseTimestamp } from './timestamp';

/** `npm run import` options, parsed by hand like the seed's (negative numbers, clear messages). */

export interface ImportArgs {
  files: string[];
  format?: FormatName;
  service?: string;
  table?: IngestTable;
  dryRun: boolean;
  maxErrors: number;
  map: Record<string, string>;
  atMs?: number;
  help: boolean;
}

export class ImportOptionsError extends Error {
  override name = 'ImportOptionsError';
}

export const IMPORT_USAGE = `Usage: npm run import -- <file>… [options]
  --format F        ${FORMAT_NAMES.join(' | ')} (default: detected from the content)
  --service S       service for records that name none
  --table T         ${INGEST_TABLES.filter((t) => t !== 'traces').join(' | ')}: where CSV / JSON Lines rows go (default: inferred from the columns)
  --map a=b,…       target column a takes source column b (CSV / JSON Lines), e.g. value=latency_ms,timestamp=ts
  --at T            time of samples without one (Prometheus scrapes): ISO 8601 or epoch s/ms (default: the file's modification time)
  --max-errors N    exit 0 even with up to N rejected records in all (default 0)
  --dry-run         read, map and validate everything, write nothing
  --help            show this help`;

function parseMap(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    const [target, source, extra] = pair.split('=').map((s) => s.trim());
    if (!target || !source || extra !== undefined) throw new ImportOptionsError(`--map takes target=source pairs separated by commas, got "${pair}"`);
    out[target] = source;
  }
  return out;
}

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const args: ImportArgs = { files: [], dryRun: false, maxErrors: 0, map: {}, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      args.files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new ImportOptionsError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help') args.help = true;
    else if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--format') {
      const f = value();
      if (!(FORMAT_NAMES as readonly string[]).includes(f)) throw new ImportOptionsError(`--format must be one of ${FORMAT_NAMES.join(', ')}, got "${f}"`);
      args.format = f as FormatName;
    } else if (flag === '--service') args.service = value();
    else if (flag === '--table') {
      const t = value();
      if (!['metrics', 'security', 'anomalies'].includes(t)) throw new ImportOptionsError(`--table must be metrics, security or anomalies, got "${t}"`);
      args.table = t as IngestTable;
    } else if (flag === '--map') args.map = { ...args.map, ...parseMap(value()) };
    else if (flag === '--at') {
      const raw = value();
      const ns = parseTimestamp(raw);
      if (ns === null) throw new ImportOptionsError(`--at must be an ISO 8601 time or an epoch number, got "${raw}"`);
      args.atMs = nsToMs(ns);
    } else if (flag === '--max-errors') {
      const raw = value();
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || n < 0) throw new ImportOptionsError(`--max-errors must be a non-negative integer, got "${raw}"`);
      args.maxErrors = n;
    } else throw new ImportOptionsError(`unknown option ${flag}`);
  }
  if (!args.help && args.files.length === 0) throw new ImportOptionsError('name at least one file to import');
  return args;
}
