import 'server-only';
import { z } from 'zod';
import { getClickHouse, type ClickHouseHandle } from './client';
import { queryRows } from './query';

/**
 * A table's columns as ClickHouse has them now, read once per connection
 * from `system.columns`. Tables made by other tools differ by version (the
 * OpenTelemetry exporter's otel_traces: Duration Int64 or UInt64, Scope
 * columns absent in old ones), so writers and readers adapt to what is there.
 */

export interface LiveColumns {
  names: ReadonlySet<string>;
  types: ReadonlyMap<string, string>;
}

const columnRow = z.object({ name: z.string(), type: z.string() });
const cache = new WeakMap<ClickHouseHandle, Map<string, Promise<LiveColumns>>>();

async function read(table: string): Promise<LiveColumns> {
  const dot = table.indexOf('.');
  const params = dot < 0 ? { database: '', table } : { database: table.slice(0, dot), table: table.slice(dot + 1) };
  const rows = await queryRows({ sql: 'ingest/columns', params, row: columnRow });
  return { names: new Set(rows.map((r) => r.name)), types: new Map(rows.map((r) => [r.name, r.type])) };
}

export async function liveColumns(table: string): Promise<LiveColumns> {
  const handle = await getClickHouse();
  let tables = cache.get(handle);
  if (!tables) cache.set(handle, (tables = new Map()));
  let columns = tables.get(table);
  if (!columns) {
    columns = read(table).catch((error: unknown) => {
      tables.delete(table);
      throw error;
    });
    tables.set(table, columns);
  }
  return columns;
}
