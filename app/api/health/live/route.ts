import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import type { LivenessResponse } from '@/lib/api/types';

// Liveness: the process answers. Never touches ClickHouse, so an outage or a busy engine cannot fail it.
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  z.object({}),
  async (): Promise<LivenessResponse> => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }),
);
