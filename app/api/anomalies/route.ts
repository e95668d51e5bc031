import { z } from 'zod';
import { booleanFlag, integer, labelFilters, optionalNames, window } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { DEFAULT_LIMIT, MAX_LIMIT, fetchAnomalies } from '@/lib/queries/anomalies';

// The anomaly detector's verdicts in a window (markers on charts, the anomaly lane).
export const dynamic = 'force-dynamic';

const input = window().and(
  z.object({
    metric: optionalNames(50),
    label: labelFilters,
    only_anomalies: booleanFlag.default(false),
    limit: integer(1, MAX_LIMIT).default(DEFAULT_LIMIT),
  }),
);

export const GET = apiRoute(input, (q, { signal }) =>
  fetchAnomalies({ from: q.from, to: q.to, metrics: q.metric, labels: q.label, onlyAnomalies: q.only_anomalies, limit: q.limit }, signal),
);
