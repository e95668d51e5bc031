/**
 * The operator configuration the e2e server runs with (playwright.config.ts
 * passes it to e2e/support/serve.sh), and what the specs expect from it:
 *
 * - a Grafana at a port where nothing listens, with one panel: the panel
 *   stack and the toolbar link to it (its iframes fail to load, which is fine:
 *   the tests check the URLs, not Grafana);
 * - one origin allowed to frame /embed, so the tests see the header follow
 *   the environment (non-embed pages stay `'self'`).
 */

export const E2E_GRAFANA_URL = `http://127.0.0.1:${process.env.E2E_GRAFANA_PORT ?? 3999}`;

export const E2E_GRAFANA_PANEL = { dashboardUid: 'trading', panelId: 4, title: 'Order latency (Grafana)' } as const;

export const E2E_FRAME_ANCESTORS = 'https://grafana.example.com';

export const E2E_SERVER_ENV: Record<string, string> = {
  FLASHBACK_GRAFANA_URL: E2E_GRAFANA_URL,
  FLASHBACK_GRAFANA_PANELS: JSON.stringify([E2E_GRAFANA_PANEL]),
  FLASHBACK_FRAME_ANCESTORS: E2E_FRAME_ANCESTORS,
};
