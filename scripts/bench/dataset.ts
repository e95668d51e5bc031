/**
 * `tsx --conditions=react-server scripts/bench/dataset.ts <size>`: makes sure
 * FLASHBACK_DATA_DIR holds the benchmark dataset of that size (seeding it
 * when its marker file is missing, which takes minutes for 1e8) and records
 * the seed's figures (rows, seconds, rows/s) with the results. A new
 * dataset is then settled (every table merged, as a live table is after its
 * background merges), once: the seed leaves many small parts per partition,
 * and the timed steps would otherwise read those and compete with merges.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeClickHouse } from '@/lib/clickhouse/client';
import { runStatement } from '@/lib/clickhouse/command';
import { backfillRollups, completeDerivedRollups } from '@/lib/rollups/backfill';
import { defaultEnd } from '@/lib/seed/options';
import { seedDemo, seededTables } from '@/lib/seed/seed-demo';
import { SIZES, writeResults } from './common';

const size = process.argv[2] ?? '';
const spec = SIZES[size];
if (!spec) throw new Error(`size must be one of ${Object.keys(SIZES).join(', ')}`);
const dir = process.env.FLASHBACK_DATA_DIR ?? '';
const marker = path.join(dir, 'bench-dataset.json');

interface Dataset {
  size: string;
  days: number;
  scale: number;
  rows: Record<string, number>;
  seconds: number;
  rowsPerSecond: number;
  seededAt: string;
  /** Seconds the settling took; absent until it has run. */
  settledSeconds?: number;
}

/** Every table the seed fills, the rollups included, merged to a part per partition. */
async function settle(): Promise<number> {
  const begun = performance.now();
  for (const table of seededTables()) {
    const started = performance.now();
    await runStatement('seed/settle', { table });
    console.log(`  settled ${table} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return (performance.now() - begun) / 1000;
}

async function main(): Promise<void> {
  let dataset: Dataset;
  if (existsSync(marker)) {
    dataset = JSON.parse(readFileSync(marker, 'utf8')) as Dataset;
    console.log(`dataset ${size}: reusing ${dir} (seeded ${dataset.seededAt})`);
  } else {
    console.log(`dataset ${size}: seeding ${spec?.days} days at scale ${spec?.scale} into ${dir}`);
    const summary = await seedDemo({ seed: 42, days: spec!.days, scale: spec!.scale, end: defaultEnd(Date.now()), replace: false }, (line) => console.log(line));
    const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    dataset = {
      size,
      ...spec!,
      rows: summary.rows,
      seconds: summary.seconds,
      rowsPerSecond: total / summary.seconds,
      seededAt: new Date().toISOString(),
    };
    writeFileSync(marker, `${JSON.stringify(dataset, null, 2)}\n`);
  }
  // A dataset cached before a rollup was added gets it filled now, so no step reads an empty rollup.
  const begun = performance.now();
  const backfilled = await backfillRollups({
    onlyEmpty: true,
    log: (p) => console.log(`  ${p.source} ${p.partitionId} ${p.index}/${p.total}: ${p.rows.toLocaleString('en-US')} rows in ${p.seconds.toFixed(1)} s`),
  });
  const refilled = await completeDerivedRollups((line) => console.log(`  ${line}`));
  if (backfilled.partitions + refilled > 0) {
    console.log(`  filled newer rollups: ${backfilled.partitions} source partition(s), ${refilled} from other rollups, in ${((performance.now() - begun) / 1000).toFixed(1)} s`);
  }
  if (dataset.settledSeconds === undefined) {
    dataset = { ...dataset, settledSeconds: await settle() };
    writeFileSync(marker, `${JSON.stringify(dataset, null, 2)}\n`);
  }
  console.log(`  ${dataset.rows.metrics?.toLocaleString('en-US')} metric rows; seeded in ${dataset.seconds.toFixed(0)} s (${Math.round(dataset.rowsPerSecond).toLocaleString('en-US')} rows/s)`);
  writeResults(size, { dataset });
}

try {
  await main();
} finally {
  await closeClickHouse();
}
