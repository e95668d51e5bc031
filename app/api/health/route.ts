import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import type { HealthResponse } from '@/lib/api/types';
import { readiness } from '@/lib/clickhouse/readiness';

// Readiness: 200 with the engine kind and version while ClickHouse is usable, or 503 naming the cause.
// Answers from the latest read's outcome when there is a recent one, so it never queues behind data queries.
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  z.object({}),
  async (): Promise<HealthResponse> => {
    const state = await readiness();
    if (!state.ready) throw state.error;
    const { engine, version, warning } = state;
    return warning ? { status: 'degraded', engine, version, warning } : { status: 'ok', engine, version };
  },
);
