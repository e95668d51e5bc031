import { z } from 'zod';
import { duration, labelFilters, optionalNames, time } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { securityFilterParams, toSecurityFilter } from '@/lib/api/security-params';
import { DEFAULT_LOOKBACK_MS, MAX_LOOKBACK_MS, fetchSnapshot } from '@/lib/queries/snapshot';

// The state of the world at one instant, for the inspector under the playhead.
export const dynamic = 'force-dynamic';

const input = z.object({
  at: time().prefault('now'),
  lookback: duration(1, MAX_LOOKBACK_MS).default(DEFAULT_LOOKBACK_MS),
  metric: optionalNames(50),
  label: labelFilters,
}).and(securityFilterParams);

export const GET = apiRoute(input, (q, { signal }) =>
  fetchSnapshot({ at: q.at, lookback: q.lookback, metrics: q.metric, labels: q.label, security: toSecurityFilter(q) }, signal),
);
