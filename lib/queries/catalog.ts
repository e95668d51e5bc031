import 'server-only';
import { z } from 'zod';
import type { CatalogResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { dateTime64 } from './common';

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
  const [metrics, labels, services, security] = await Promise.all([
    queryRows({ sql: 'catalog/metrics', params: { ...window, limit: LIMITS.metrics }, row: metricRow, signal }),
    queryRows({
      sql: 'catalog/labels',
      params: { ...window, limit: LIMITS.labelKeys, values_per_key: LIMITS.valuesPerKey },
      row: labelRow,
      signal,
    }),
    queryRows({ sql: 'catalog/services', params: { ...window, limit: LIMITS.services }, row: serviceRow, signal }),
    queryRows({ sql: 'catalog/security', params: window, row: securityRow, signal }),
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
