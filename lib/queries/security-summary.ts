import 'server-only';
import { z } from 'zod';
import type { SecurityGroup, SecuritySummaryResponse } from '@/lib/api/types';
import { queryRows } from '@/lib/clickhouse/query';
import { dateTime64, num } from './common';
import { boundSecurityFilter, type SecurityFilter } from './security-filter';

/**
 * Exact counts of the security events a filter keeps in a window: the total
 * (the lane's header, the table's "n events"), per severity, and the top
 * groups by one field. One aggregate query, never a page of rows counted.
 */

export interface SecuritySummaryQuery extends SecurityFilter {
  from: number;
  to: number;
  groupBy?: SecurityGroup;
  top: number;
}

export const DEFAULT_TOP = 10;
export const MAX_TOP = 100;

const summaryRow = z.object({ kind: z.enum(['severity', 'group']), value: z.string(), n: num, groups: num });

export async function fetchSecuritySummary(query: SecuritySummaryQuery, signal?: AbortSignal): Promise<SecuritySummaryResponse> {
  const rows = await queryRows({
    sql: 'security/summary',
    params: {
      from: dateTime64(query.from),
      to: dateTime64(query.to),
      ...boundSecurityFilter(query),
      group_by: query.groupBy ?? '',
      top: query.top,
    },
    row: summaryRow,
    signal,
  });
  const bySeverity: Record<string, number> = {};
  for (const r of rows) if (r.kind === 'severity') bySeverity[r.value] = r.n;
  const groups = rows.filter((r) => r.kind === 'group');
  return {
    total: Object.values(bySeverity).reduce((a, b) => a + b, 0),
    bySeverity,
    groupBy: query.groupBy ?? null,
    // UNION ALL keeps no order between its parts: the groups' order is restored here.
    groups: groups.sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).map((r) => ({ value: r.value, count: r.n })),
    groupCount: groups[0]?.groups ?? 0,
  };
}
