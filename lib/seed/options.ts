/**
 * `npm run seed` options. Parsed by hand (a dozen lines) rather than with
 * `util.parseArgs`, which reads `--days -1` as two flags and would hide the
 * negative number behind a confusing "unknown option" message.
 */

export interface SeedOptions {
  /** Every random choice is a hash of this seed. */
  seed: number;
  days: number;
  /** Multiplies the event rates: 1 ≈ 6 M metric rows over 3 days. */
  scale: number;
  /** Epoch ms; the dataset covers [end - days, end). */
  end: number;
  /** Allow truncating the tables of a ClickHouse server (never needed for the embedded engine). */
  replace: boolean;
}

export interface SeedArgs extends SeedOptions {
  help: boolean;
}

export class SeedOptionsError extends Error {
  override name = 'SeedOptionsError';
}

export const SEED_USAGE = `Usage: npm run seed -- [options]
  --seed N        hash seed, a non-negative integer (default 42)
  --days N        days of data ending at --end, 0 < N <= 400 (default 3)
  --scale X       event-rate multiplier, 0 < X <= 100 (default 1, about 6 million metric rows for 3 days)
  --end T         end of the data: ISO 8601 time or epoch milliseconds (default: start of the current UTC hour)
  --replace       required to overwrite the tables of a ClickHouse server (CLICKHOUSE_URL)
  --help          show this help`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The default end: the start of the current UTC hour, so reruns within an hour give the same data. */
export function defaultEnd(now: number): number {
  return Math.floor(now / HOUR) * HOUR;
}

function number(flag: string, raw: string, check: (n: number) => boolean, rule: string): number {
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new SeedOptionsError(`${flag} must be ${rule}, got "${raw}"`);
  return value;
}

function time(raw: string): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isSafeInteger(value)) throw new SeedOptionsError(`--end must be an ISO 8601 time or epoch milliseconds, got "${raw}"`);
  return value;
}

export function parseSeedArgs(argv: readonly string[], now: number): SeedArgs {
  const args: SeedArgs = { seed: 42, days: 3, scale: 1, end: defaultEnd(now), replace: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--replace') args.replace = true;
    else if (['--seed', '--days', '--scale', '--end'].includes(flag)) {
      const raw = inline ?? argv[++i];
      if (raw === undefined) throw new SeedOptionsError(`${flag} needs a value`);
      if (flag === '--seed') args.seed = number(flag, raw, (n) => Number.isSafeInteger(n) && n >= 0, 'a non-negative integer');
      if (flag === '--days') args.days = number(flag, raw, (n) => n > 0 && n <= 400, 'a number of days in (0, 400]');
      if (flag === '--scale') args.scale = number(flag, raw, (n) => n > 0 && n <= 100, 'a number in (0, 100]');
      if (flag === '--end') args.end = time(raw);
    } else throw new SeedOptionsError(`unknown option "${arg}"`);
  }
  if (args.end - args.days * DAY < 0) throw new SeedOptionsError('--end minus --days lies before 1970');
  return args;
}
