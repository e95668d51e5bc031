/**
 * `npm run rollups:backfill [-- --force]`: fills the rollups for data that
 * was written before their views existed (see lib/rollups/backfill.ts),
 * printing one line per source partition. Resumable: finished partitions
 * are recorded and skipped on the next run; --force redoes them all.
 */
import { closeClickHouse } from '@/lib/clickhouse/client';
import { DatabaseError } from '@/lib/clickhouse/errors';
import { backfillRollups } from '@/lib/rollups/backfill';

async function main(): Promise<number> {
  const force = process.argv.includes('--force');
  const started = performance.now();
  try {
    const { partitions, rows } = await backfillRollups({
      force,
      log: (p) =>
        console.log(
          `${p.source.padEnd(10)} ${p.partitionId} ${String(p.index).padStart(4)}/${p.total}  ${p.rows.toLocaleString('en-US').padStart(12)} rows  ` +
            (p.skipped ? 'done before, skipped' : `${p.seconds.toFixed(1)} s`),
        ),
    });
    console.log(`Backfilled ${partitions} partition(s), ${rows.toLocaleString('en-US')} source rows, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    const detail = error.cause instanceof Error ? ` ${error.cause.message.split('\n')[0]}` : '';
    console.error(`rollups:backfill: ${error.message}${detail}`);
    return 1;
  } finally {
    await closeClickHouse();
  }
}

process.exitCode = await main();
