import 'server-only';
import { z } from 'zod';
import type { LabelFilter } from '@/lib/api/params';
import type { AnomaliesResponse, Anomaly } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { readTables } from '@/lib/config';
import { dateTime64, float, num, stringMap } from './common';
import { usableRollups } from './rollups';

/** The anomaly detector's verdicts in a window, newest first. */

export interface AnomaliesQuery {
  from: number;
  to: number;
  /** Empty: every metric. */
  metrics?: string[];
  /** Label filters against the verdict's context (its series' labels): a key the context names must hold the value. */
  labels?: LabelFilter[];
  onlyAnomalies: boolean;
  limit: number;
}

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;

const anomalyRow = z.object({
  ts: num,
  metric_name: z.string(),
  value: float,
  expected_value: float,
  deviation_score: float,
  is_anomaly: z.number(),
  context: stringMap,
});

function toAnomaly(row: z.infer<typeof anomalyRow>): Anomaly {
  return {
    timestamp: row.ts,
    metric: row.metric_name,
    value: row.value ?? Number.NaN,
    expectedValue: row.expected_value ?? Number.NaN,
    deviationScore: row.deviation_score ?? Number.NaN,
    isAnomaly: row.is_anomaly === 1,
    context: row.context,
  };
}

/** Shared with the snapshot, which asks for the anomalies within its lookback. */
export async function queryAnomalies(query: AnomaliesQuery, signal?: AbortSignal): Promise<Anomaly[]> {
  const { anomalies, rollups } = readTables();
  const flagged = query.onlyAnomalies && (await usableRollups()).flaggedAnomalies;
  const rows = await queryRows({
    sql: 'anomalies/list',
    params: {
      source: flagged ? rollups.anomaliesFlagged : anomalies,
      from: dateTime64(query.from),
      to: dateTime64(query.to),
      metrics: query.metrics ?? [],
      label_keys: (query.labels ?? []).map((f) => f.key),
      label_values: (query.labels ?? []).map((f) => f.value),
      only_anomalies: query.onlyAnomalies ? 1 : 0,
      limit: query.limit,
    },
    row: anomalyRow,
    signal,
  });
  return rows.map(toAnomaly);
}

export async function fetchAnomalies(query: AnomaliesQuery, signal?: AbortSignal): Promise<AnomaliesResponse> {
  return { anomalies: await queryAnomalies(query, signal) };
}
