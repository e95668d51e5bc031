import 'server-only';
import { z } from 'zod';
import type { GrafanaPanelRef } from './links';

/**
 * Which Grafana to link to and which of its panels to show inside Flashback:
 *   FLASHBACK_GRAFANA_URL=https://grafana.example.com
 *   FLASHBACK_GRAFANA_PANELS='[{"dashboardUid":"trading","panelId":4,"title":"Order latency"}]'
 * Read per request so an operator's change needs a restart, not a rebuild.
 */

const panelsSchema = z.array(
  z.object({
    dashboardUid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'dashboardUid must be a Grafana dashboard uid'),
    panelId: z.number().int().nonnegative(),
    title: z.string().min(1).max(120),
    orgId: z.number().int().positive().optional(),
  }),
);

export interface GrafanaConfig {
  url: string | null;
  panels: GrafanaPanelRef[];
}

export function readGrafanaConfig(): GrafanaConfig {
  const rawUrl = process.env.FLASHBACK_GRAFANA_URL?.trim();
  if (!rawUrl) return { url: null, panels: [] };
  const url = new URL(rawUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('FLASHBACK_GRAFANA_URL must be an http(s) URL');
  const rawPanels = process.env.FLASHBACK_GRAFANA_PANELS?.trim();
  const panels = rawPanels ? panelsSchema.parse(JSON.parse(rawPanels)) : [];
  return { url: url.toString().replace(/\/$/, ''), panels };
}
