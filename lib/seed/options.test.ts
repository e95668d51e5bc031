import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEnd, parseSeedArgs, SeedOptionsError } from './options';

const NOW = Date.UTC(2026, 0, 15, 12, 34, 56, 789);

describe('parseSeedArgs', () => {
  it('defaults to seed 42, 3 days, scale 1, ending at the start of the current UTC hour', () => {
    expect(parseSeedArgs([], NOW)).toEqual({ seed: 42, days: 3, scale: 1, end: Date.UTC(2026, 0, 15, 12), replace: false, help: false });
    expect(defaultEnd(Date.UTC(2026, 0, 15, 12))).toBe(Date.UTC(2026, 0, 15, 12));
  });

  it('reads values after the flag or after "="', () => {
    const args = parseSeedArgs(['--seed', '7', '--days=0.5', '--scale', '0.02', '--end=2026-01-10T08:00:00Z', '--replace'], NOW);
    expect(args).toMatchObject({ seed: 7, days: 0.5, scale: 0.02, end: Date.UTC(2026, 0, 10, 8), replace: true });
  });

  it('takes --end as epoch milliseconds too', () => {
    expect(parseSeedArgs(['--end', '1767225600000'], NOW).end).toBe(1767225600000);
  });

  it.each([
    [['--days', '-1'], '--days must be a number of days in (0, 400], got "-1"'],
    [['--days', '0'], '--days must be a number of days in (0, 400], got "0"'],
    [['--scale', 'abc'], '--scale must be a number in (0, 100], got "abc"'],
    [['--scale', ''], '--scale must be a number in (0, 100], got ""'],
    [['--seed', '1.5'], '--seed must be a non-negative integer, got "1.5"'],
    [['--end', 'yesterday'], '--end must be an ISO 8601 time or epoch milliseconds, got "yesterday"'],
    [['--end', '2026-13-45'], '--end must be an ISO 8601 time or epoch milliseconds, got "2026-13-45"'],
    [['--days'], '--days needs a value'],
    [['--dys', '3'], 'unknown option "--dys"'],
    [['--end', '0', '--days', '1'], '--end minus --days lies before 1970'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseSeedArgs(argv, NOW)).toThrow(new SeedOptionsError(message));
  });
});

describe('npm run seed refusals', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  function seed(argv: string[], env: Record<string, string>) {
    return spawnSync(tsx, ['--conditions=react-server', 'scripts/seed.ts', ...argv], { encoding: 'utf8', env: { ...process.env, ...env } });
  }

  it('prints the problem and the usage and exits 2 before touching any engine', () => {
    const run = seed(['--days', '-1'], { FLASHBACK_DATA_DIR: '/nonexistent/never-created' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('seed: --days must be a number of days in (0, 400], got "-1"');
    expect(run.stderr).toContain('Usage: npm run seed');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to truncate a ClickHouse server without --replace', () => {
    // Nothing listens on port 9: the refusal must come before any request.
    const run = seed([], { CLICKHOUSE_URL: 'http://127.0.0.1:9' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('seed: CLICKHOUSE_URL is set (http://127.0.0.1:9): seeding would TRUNCATE metrics_events');
    expect(run.stderr).toContain('Pass --replace');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
