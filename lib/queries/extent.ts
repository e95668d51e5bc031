import 'server-only';
import { z } from 'zod';
import type { ExtentResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { num } from './common';

/**
 * Where the metric data lies in time (first and last sample). min/max of the
 * partition key's column are answered from the parts' metadata (ClickHouse's
 * implicit min-max projection), not by reading the rows.
 */

const extentRow = z.object({ first_ms: num, last_ms: num, rows: num });

export async function fetchExtent(signal?: AbortSignal): Promise<ExtentResponse> {
  const [row] = await queryRows({ sql: 'catalog/extent', params: {}, row: extentRow, signal });
  return row && row.rows > 0 ? { first: row.first_ms, last: row.last_ms } : { first: null, last: null };
}
