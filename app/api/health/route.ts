import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import type { HealthResponse } from '@/lib/api/types';
import { getClickHouse } from '@/lib/clickhouse/client';
import { queryRows } from '@/lib/clickhouse/query';

// Liveness of the ClickHouse path: 200 with the engine kind and version, or 503 with why.
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  () => z.object({}),
  async (_input, { signal }): Promise<HealthResponse> => {
    const { engine } = await getClickHouse();
    const [row] = await queryRows({ sql: 'health/version', row: z.object({ version: z.string() }), signal });
    return { status: 'ok', engine, version: row?.version ?? 'unknown' };
  },
);
