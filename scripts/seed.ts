/**
 * `npm run seed -- [--seed N] [--days N] [--scale X] [--end T] [--replace]`:
 * replaces the demo tables' content with a deterministic trading-system
 * dataset and prints where its incidents are. Expected failures (bad options,
 * a data dir held by a running app, a server without --replace) print one
 * clear line and exit non-zero, without a stack trace.
 */
import { closeClickHouse } from '@/lib/clickhouse/client';
import { DatabaseError } from '@/lib/clickhouse/errors';
import { parseSeedArgs, SEED_USAGE, SeedOptionsError } from '@/lib/seed/options';
import { formatSeedReport } from '@/lib/seed/report';
import { SeedRefusedError, seedDemo } from '@/lib/seed/seed-demo';

async function main(): Promise<number> {
  let args;
  try {
    args = parseSeedArgs(process.argv.slice(2), Date.now());
  } catch (error) {
    if (!(error instanceof SeedOptionsError)) throw error;
    console.error(`seed: ${error.message}\n\n${SEED_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(SEED_USAGE);
    return 0;
  }
  console.log(
    `Seeding the demo dataset: seed ${args.seed}, ${args.days} day(s), scale ${args.scale}, ending ${new Date(args.end).toISOString()}`,
  );
  try {
    const summary = await seedDemo(args, (line) => console.log(line));
    console.log(formatSeedReport(summary));
    return 0;
  } catch (error) {
    if (error instanceof SeedRefusedError) {
      console.error(`seed: ${error.message}`);
      return 2;
    }
    if (error instanceof DatabaseError) {
      // A failed statement is a bug worth its ClickHouse message; an unavailable engine needs only the advice.
      const detail = error.kind === 'query' && error.cause instanceof Error ? ` ${error.cause.message.split('\n')[0]}` : '';
      console.error(`seed: ${error.message}${detail}`);
      return 1;
    }
    throw error;
  } finally {
    await closeClickHouse();
  }
}

process.exitCode = await main();
