import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { readGrafanaConfig } from '@/lib/grafana/config';

// What the UI needs from the operator's configuration: the Grafana to link to and the panels to embed.
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  z.object({}),
  async () => {
    try {
      return { grafana: readGrafanaConfig() };
    } catch (error) {
      console.error('[flashback] Grafana configuration is invalid:', error);
      throw new ApiError('internal', 'The Grafana configuration (FLASHBACK_GRAFANA_URL / FLASHBACK_GRAFANA_PANELS) is invalid; the server log says why.');
    }
  },
);
