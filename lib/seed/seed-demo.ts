import 'server-only';
import { z } from 'zod';
import { getClickHouse } from '@/lib/clickhouse/client';
import { runStatement } from '@/lib/clickhouse/command';
import { queryRows } from '@/lib/clickhouse/query';
import { ensureSchema } from '@/lib/clickhouse/schema';
import { readTables } from '@/lib/config';
import { incidentsFor, type Incident } from './incidents';
import type { SeedOptions } from './options';
import { seedParams } from './params';

/**
 * Generates the demo dataset inside ClickHouse: each statement is one
 * `INSERT … SELECT … FROM numbers(n)` from `sql/seed/`, so millions of rows
 * never cross into Node. The tables (and their rollups) are truncated first: a reseed replaces
 * the data instead of duplicating it.
 */

/** In order: the anomaly detector reads the metrics written before it. */
const STATEMENTS = [
  'seed/metrics_latency',
  'seed/metrics_series',
  'seed/metrics_pnl',
  'seed/security_background',
  'seed/security_burst',
  'seed/traces',
  'seed/anomalies',
] as const;

const countsRow = z.object({
  metrics: z.number(),
  security: z.number(),
  anomalies: z.number(),
  traces: z.number(),
  trace_id_ts: z.number(),
});

export type SeedRowCounts = z.infer<typeof countsRow>;

/** Rows per table after the seed, through the read door like every other read. */
async function countRows(): Promise<SeedRowCounts> {
  const [counts] = await queryRows({ sql: 'seed/counts', row: countsRow });
  if (!counts) throw new Error('the row count query returned nothing');
  return counts;
}

export interface SeedSummary {
  engine: 'embedded' | 'server';
  location: string;
  /** The table each count is for, as configured. */
  tables: Record<keyof SeedRowCounts, string>;
  /** The dataset's end (epoch ms), which the incidents are placed before. */
  end: number;
  incidents: Incident[];
  rows: SeedRowCounts;
  seconds: number;
}

/** Refused before anything is written: the seed would wipe a real server's tables. */
export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

/** Every table the seed fills: the raw tables and the rollups, which their views refill from the new rows as they are inserted. */
export function seededTables(): string[] {
  const t = readTables();
  return [t.metrics, t.security, t.anomalies, t.traces, t.traceIdTs, ...Object.values(t.rollups)];
}

export async function seedDemo(options: SeedOptions, log: (line: string) => void = () => {}): Promise<SeedSummary> {
  const started = performance.now();
  const handle = await getClickHouse();
  const t = readTables();
  const tables = { metrics: t.metrics, security: t.security, anomalies: t.anomalies, traces: t.traces, trace_id_ts: t.traceIdTs };
  const names = seededTables();
  if (handle.engine === 'server' && !options.replace) {
    throw new SeedRefusedError(
      `CLICKHOUSE_URL is set (${handle.location}): seeding would TRUNCATE ${names.join(', ')} on that server. ` +
        'Pass --replace to do it anyway, or unset CLICKHOUSE_URL to seed the embedded engine.',
    );
  }
  await ensureSchema();
  log(`Replacing the content of ${names.join(', ')} (TRUNCATE, then INSERT) in ${handle.engine} ClickHouse at ${handle.location}`);
  for (const table of names) await runStatement('seed/truncate', { table });

  const incidents = incidentsFor(options.end, options.days);
  const params = seedParams(options, incidents);
  for (const statement of STATEMENTS) {
    const begun = performance.now();
    await runStatement(statement, params);
    log(`  ${statement.padEnd(26)} ${((performance.now() - begun) / 1000).toFixed(1)} s`);
  }

  const rows = await countRows();
  return {
    engine: handle.engine,
    location: handle.location,
    tables,
    end: options.end,
    incidents,
    rows,
    seconds: (performance.now() - started) / 1000,
  };
}
