/**
 * Links from Flashback into Grafana: a dashboard (optionally one panel via
 * `viewPanel`) at Flashback's window, and the `d-solo` URL that renders one
 * panel alone for an iframe. Times are absolute epoch ms so both show the
 * same data.
 *
 * Compare mode has no Grafana equivalent: a Grafana dashboard shows one time
 * range (a panel's "time shift" option shifts that panel by a fixed amount,
 * and no URL parameter sets it), so it cannot overlay a baseline chosen here.
 * What a Grafana user can do is open the same dashboard twice, at the window
 * and at the baseline: `grafanaCompareUrls` gives both links.
 */

export interface GrafanaPanelRef {
  dashboardUid: string;
  panelId: number;
  title: string;
  orgId?: number;
}

export interface GrafanaTimeRange {
  from: number;
  to: number;
  /** Flashback's zone ('UTC' or IANA); Grafana takes the same names (`utc` for UTC). */
  timeZone?: string;
}

function withTime(url: URL, range: GrafanaTimeRange): URL {
  url.searchParams.set('from', String(Math.round(range.from)));
  url.searchParams.set('to', String(Math.round(range.to)));
  if (range.timeZone) url.searchParams.set('timezone', range.timeZone === 'UTC' ? 'utc' : range.timeZone);
  return url;
}

function base(grafanaUrl: string, path: string): URL {
  return new URL(path, grafanaUrl.endsWith('/') ? grafanaUrl : `${grafanaUrl}/`);
}

/** The dashboard at this window; with a panel id it opens that panel alone (`viewPanel`). */
export function grafanaDashboardUrl(
  grafanaUrl: string,
  ref: { dashboardUid: string; panelId?: number; orgId?: number },
  range: GrafanaTimeRange,
): string {
  const url = withTime(base(grafanaUrl, `d/${encodeURIComponent(ref.dashboardUid)}`), range);
  if (ref.orgId !== undefined) url.searchParams.set('orgId', String(ref.orgId));
  if (ref.panelId !== undefined) url.searchParams.set('viewPanel', String(ref.panelId));
  return url.toString();
}

/** One panel rendered alone, for an iframe (Grafana needs `allow_embedding = true`). */
export function grafanaSoloPanelUrl(grafanaUrl: string, ref: GrafanaPanelRef, range: GrafanaTimeRange, theme: 'light' | 'dark'): string {
  const url = withTime(base(grafanaUrl, `d-solo/${encodeURIComponent(ref.dashboardUid)}`), range);
  url.searchParams.set('orgId', String(ref.orgId ?? 1));
  url.searchParams.set('panelId', String(ref.panelId));
  url.searchParams.set('theme', theme);
  return url.toString();
}

/** The dashboard (or panel) at the window and, in compare mode, at the baseline window: two links, since Grafana overlays neither. */
export function grafanaCompareUrls(
  grafanaUrl: string,
  ref: { dashboardUid: string; panelId?: number; orgId?: number },
  range: GrafanaTimeRange,
  baseline: { from: number; to: number } | null,
): { window: string; baseline: string | null } {
  return {
    window: grafanaDashboardUrl(grafanaUrl, ref, range),
    baseline: baseline ? grafanaDashboardUrl(grafanaUrl, ref, { ...range, ...baseline }) : null,
  };
}
