import { z } from 'zod';
import { choice, integer, window } from '@/lib/api/params';
import { securityFilterParams, toSecurityFilter } from '@/lib/api/security-params';
import { apiRoute } from '@/lib/api/route';
import { SECURITY_GROUPS } from '@/lib/api/types';
import { DEFAULT_TOP, MAX_TOP, fetchSecuritySummary } from '@/lib/queries/security-summary';

// Exact counts of the security events a filter keeps: total, per severity, top groups.
export const dynamic = 'force-dynamic';

const input = window().and(securityFilterParams).and(
  z.object({
    groupBy: choice(SECURITY_GROUPS).optional(),
    top: integer(1, MAX_TOP).default(DEFAULT_TOP),
  }),
);

export const GET = apiRoute(input, (q, { signal }) =>
  fetchSecuritySummary({ from: q.from, to: q.to, ...toSecurityFilter(q), groupBy: q.groupBy, top: q.top }, signal),
);
