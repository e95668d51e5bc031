import { z } from 'zod';
import { integer, window } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { DEFAULT_BUCKETS, MAX_BUCKETS, fetchDensity } from '@/lib/queries/density';

// Counts per bucket of security events, anomalies and spans, for the overview strip.
export const dynamic = 'force-dynamic';

const input = window().and(z.object({ buckets: integer(1, MAX_BUCKETS).default(DEFAULT_BUCKETS) }));

export const GET = apiRoute(input, (q, { signal }) => fetchDensity({ from: q.from, to: q.to, buckets: q.buckets }, signal));
