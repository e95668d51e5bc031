import 'server-only';
import { z } from 'zod';
import type { CatalogResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { dateTime64 } from './common';
import { usableRollups } from './rollups';
import { ceilTo, floorTo, HOUR, planTiers, tierParams } from './tiers';

/**
 * What exists in a window, for the pickers: metric names (with services and
 * row counts), services, label keys with their most frequent values, and the
 * event types and severities of security events.
 */

export interface CatalogQuery {
  from: number;
  to: number;
}

export const LIMITS = { metrics: 1000, services: 1000, labelKeys: 200, valuesPerKey: 20 } as const;

const metricRow = z.object({ name: z.string(), services: z.array(z.string()), rows: z.number() });
const labelRow = z.object({ key: z.string(), top_values: z.array(z.string()) });
const serviceRow = z.object({ service: z.string() });
const securityRow = z.object({ event_types: z.array(z.string()), severities: z.array(z.string()) });

export async function fetchCatalog(query: CatalogQuery, signal?: AbortSignal): Promise<CatalogResponse> {
  const window = { from: dateTime64(query.from), to: dateTime64(query.to) };
  // No buckets here, so any grain fits: hours inside, minutes around them, raw rows at the edges.
  const plan = planTiers(query.from, query.to, undefined, { minute: true, hour: true });
  const rollups = await usableRollups();
  // With the hourly rollups, the hours the window touches: a few rows per hour whatever the data's size
  // (a 30-day window reads thousands of rows, not millions), at the price of listing what exists
  // within the hour around each edge too (docs/api.md).
  const hours = rollups.metricsByLabel.hour && rollups.hourlyCounts ? { h_from: dateTime64(floorTo(query.from, HOUR)), h_to: dateTime64(ceilTo(query.to, HOUR)) } : undefined;
  const source = (name: string, usable: boolean) =>
    hours
      ? { sql: `catalog/${name}_hourly`, params: hours }
      : plan && usable
        ? { sql: `catalog/${name}_rollup`, params: { ...window, ...tierParams(plan) } }
        : { sql: `catalog/${name}`, params: window };
  const metricSource = source('metrics', rollups.metrics);
  const labelSource = source('labels', rollups.metrics);
  const serviceSource = source('services', rollups.metrics && rollups.spans);
  const [metrics, labels, services, security] = await Promise.all([
    queryRows({ ...metricSource, params: { ...metricSource.params, limit: LIMITS.metrics }, row: metricRow, signal }),
    queryRows({
      ...labelSource,
      params: { ...labelSource.params, limit: LIMITS.labelKeys, values_per_key: LIMITS.valuesPerKey },
      row: labelRow,
      signal,
    }),
    queryRows({ ...serviceSource, params: { ...serviceSource.params, limit: LIMITS.services }, row: serviceRow, signal }),
    queryRows({ ...source('security', rollups.security), row: securityRow, signal }),
  ]);
  return {
    from: query.from,
    to: query.to,
    metrics,
    services: services.map((s) => s.service),
    labels: labels.map((l) => ({ key: l.key, values: l.top_values })),
    securityEventTypes: security[0]?.event_types ?? [],
    severities: security[0]?.severities ?? [],
  };
}
