'use client';

import { PanelFrame } from '@/components/timeline/PanelFrame';
import { errorMessage } from '@/lib/client/api';
import { useTheme } from '@/lib/client/theme';
import { grafanaCompareUrls, grafanaSoloPanelUrl, type GrafanaPanelRef } from '@/lib/grafana/links';
import { GrafanaBaselineLink } from './GrafanaBaselineLink';
import { useGrafana } from './use-grafana';

/**
 * The operator's Grafana panels (FLASHBACK_GRAFANA_PANELS) in the panel stack,
 * each a `d-solo` iframe at Flashback's window and theme: a new window
 * reloads them. Grafana draws them with its own axes and cannot receive our
 * crosshair or playhead (a cross-origin frame), which the caption says. In
 * compare mode the frame stays at the window (Grafana draws no baseline) and a
 * second link opens the panel at the baseline.
 * Nothing renders when Grafana is not configured.
 */

const HEIGHT = 180;
const CAPTION = 'Grafana: same window, own axes; no shared crosshair or playhead';

export function GrafanaPanels() {
  const { url, panels, range, baseline, error } = useGrafana();
  const theme = useTheme();
  if (error) {
    return (
      <p role="alert" data-testid="grafana-config-error" className="border-b border-line bg-panel px-3 py-2 text-xs text-danger">
        Grafana panels: {errorMessage(error)}
      </p>
    );
  }
  if (!url) return null;
  return panels.map((ref) => (
    <GrafanaPanel key={`${ref.orgId ?? 1}/${ref.dashboardUid}/${ref.panelId}`} panel={ref} src={grafanaSoloPanelUrl(url, ref, range, theme)} open={grafanaCompareUrls(url, ref, range, baseline)} />
  ));
}

function GrafanaPanel({ panel, src, open }: { panel: GrafanaPanelRef; src: string; open: { window: string; baseline: string | null } }) {
  return (
    <PanelFrame
      testId="grafana-panel"
      title={panel.title}
      height={HEIGHT}
      status={{ kind: 'ready' }}
      extra={{ dashboard: panel.dashboardUid, 'panel-id': panel.panelId }}
      legend={
        <span className="truncate text-muted" title={`${CAPTION}. Grafana must allow embedding (allow_embedding) and the viewer must be signed in to it.`}>
          {CAPTION}
        </span>
      }
      actions={
        <>
          <a href={open.window} target="_blank" rel="noopener noreferrer" className="shrink-0 text-accent hover:underline" data-testid="grafana-panel-open">
            Open in Grafana ↗
          </a>
          {open.baseline && (
            <GrafanaBaselineLink href={open.baseline} testId="grafana-panel-open-baseline" className="shrink-0 text-accent hover:underline" what="this panel" />
          )}
        </>
      }
    >
      {/* A new frame per window (key): changing a frame's src would add an entry to the page's history, and Back would step through Grafana. */}
      {/* Out of the Tab order: focus inside a cross-origin frame cannot be shown from here; "Open in Grafana" is the keyboard's way in. */}
      <iframe key={src} src={src} title={`${panel.title} (Grafana)`} className="absolute inset-0 h-full w-full border-0" loading="lazy" tabIndex={-1} data-testid="grafana-frame" />
    </PanelFrame>
  );
}
