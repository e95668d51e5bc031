'use client';

import { grafanaDashboardUrl } from '@/lib/grafana/links';
import { useGrafana } from './use-grafana';

/** The toolbar's way into Grafana: the first configured dashboard at Flashback's window and zone. */
export function OpenInGrafana() {
  const { url, panels, range } = useGrafana();
  const first = panels[0];
  if (!url || !first) return null;
  return (
    <a
      href={grafanaDashboardUrl(url, { dashboardUid: first.dashboardUid, orgId: first.orgId }, range)}
      target="_blank"
      rel="noopener noreferrer"
      className="btn"
      data-testid="open-in-grafana"
      title="Open the Grafana dashboard at this window"
    >
      Open in Grafana ↗
    </a>
  );
}
