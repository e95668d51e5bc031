'use client';

import { grafanaCompareUrls } from '@/lib/grafana/links';
import { GrafanaBaselineLink } from './GrafanaBaselineLink';
import { useGrafana } from './use-grafana';

/**
 * The toolbar's way into Grafana: the first configured dashboard at Flashback's
 * window and zone; in compare mode a second link opens it at the baseline
 * (Grafana cannot overlay the two, lib/grafana/links.ts).
 */
export function OpenInGrafana() {
  const { url, panels, range, baseline } = useGrafana();
  const first = panels[0];
  if (!url || !first) return null;
  const links = grafanaCompareUrls(url, { dashboardUid: first.dashboardUid, orgId: first.orgId }, range, baseline);
  return (
    <span className="flex items-center">
      <a
        href={links.window}
        target="_blank"
        rel="noopener noreferrer"
        className={`btn ${links.baseline ? 'rounded-r-none' : ''}`}
        data-testid="open-in-grafana"
        title="Open the Grafana dashboard at this window"
      >
        Open in Grafana ↗
      </a>
      {links.baseline && <GrafanaBaselineLink href={links.baseline} testId="open-in-grafana-baseline" className="btn -ml-px rounded-l-none" what="the dashboard" />}
    </span>
  );
}
