'use client';

import { useQuery } from '@tanstack/react-query';
import type { TimeRange } from '@/lib/api/types';
import { configQuery } from '@/lib/client/queries';
import { useView } from '@/lib/client/view';
import type { GrafanaPanelRef, GrafanaTimeRange } from '@/lib/grafana/links';

/**
 * The operator's Grafana (GET /api/config) and the window to show in it:
 * Flashback's resolved window in epoch ms and its zone, so both show the same
 * instants; in compare mode also the baseline window (`baseline`, else null).
 * `url` is null, and `panels` empty, when Grafana is not configured.
 */
export function useGrafana(): { url: string | null; panels: GrafanaPanelRef[]; range: GrafanaTimeRange; baseline: TimeRange | null; error: Error | null } {
  const view = useView();
  const config = useQuery(configQuery());
  const url = config.data?.grafana.url ?? null;
  return {
    url,
    panels: url ? config.data?.grafana.panels ?? [] : [],
    range: { from: view.from, to: view.to, timeZone: view.tz },
    baseline: view.compare?.baseline ?? null,
    error: config.error,
  };
}
