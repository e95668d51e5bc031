import { z } from 'zod';
import { choices, duration, integer, labelFilters, names, text, window } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { AGGREGATIONS } from '@/lib/api/types';
import { fetchSeries } from '@/lib/queries/series';
import { MAX_POINTS_LIMIT } from '@/lib/time/steps';

// Metric time series on an epoch-aligned bucket grid, for the charts.
export const dynamic = 'force-dynamic';

const input = window().and(
  z.object({
    metric: names(10, 'is required: name a metric, e.g. metric=http_request_duration_seconds'),
    // Several aggregations of the same rows cost one query (the latency panel's p50/p95/p99).
    agg: choices(AGGREGATIONS, 4).default(['avg']),
    maxPoints: integer(1, MAX_POINTS_LIMIT).optional(),
    step: duration(1, 30 * 86_400_000).optional(),
    label: labelFilters,
    groupBy: text(128).min(1, 'must name a label key, e.g. groupBy=instance').optional(),
  }),
);

export const GET = apiRoute(input, (q, { signal }) =>
  fetchSeries(
    { metrics: q.metric, from: q.from, to: q.to, aggs: q.agg, maxPoints: q.maxPoints, step: q.step, labels: q.label, groupBy: q.groupBy },
    signal,
  ),
);
