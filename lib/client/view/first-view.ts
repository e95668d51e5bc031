import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CatalogResponse, ExtentResponse } from '@/lib/api/types';
import { overviewRange } from '@/components/timeline/overview-range';
import type { EmbedOnly } from '@/lib/url/embed-state';
import type { PanelSpec } from '@/lib/url/panel-spec';
import { BROWSER_TZ, DEFAULT_TO } from '@/lib/url/view-state';
import { chooseDefaultPanels } from '../default-panels';
import { failedTraces, slowTraces } from '../events/trace-samples';
import {
  anomaliesQuery,
  catalogQuery,
  configQuery,
  criticalEventsQuery,
  densityQuery,
  extentQuery,
  keepsCritical,
  securityEventsQuery,
  securitySummaryQuery,
  seriesQuery,
  tracesQuery,
} from '../queries';
import { resolveView, type ResolvedView, type WindowParams } from './resolve';

/**
 * How a link becomes its first view, step by step, for both the view provider
 * (which asks through hooks) and the server rendering the first screen (which
 * asks in-process, lib/server/first-screen.ts): the same steps and the same
 * query keys, so what the server fetched is what the browser looks up.
 *
 * 1. A link naming no window follows the data's extent (`/api/extent`).
 * 2. The window resolves (`resolveView`).
 * 3. A link naming no panels shows those chosen from the window's catalog.
 */

/** Whether the link's window depends on where the data ends. */
export const followsExtent = (params: Pick<WindowParams, 'from' | 'to'>) => params.from === null && params.to === DEFAULT_TO;

/** Whether the link's panels come from the catalog. */
export const wantsDefaultPanels = (params: Pick<WindowParams, 'panel'>) => params.panel.length === 0;

export const dataEndOf = (params: WindowParams, extent: ExtentResponse | undefined): number | null => (followsExtent(params) ? (extent?.last ?? null) : null);

/** The catalog's choice of panels, or undefined when it offers none (the view then keeps what it had). */
export function defaultPanelsOf(catalog: CatalogResponse | undefined): PanelSpec[] | undefined {
  const chosen = catalog ? chooseDefaultPanels(catalog.metrics) : undefined;
  return chosen?.length ? chosen : undefined;
}

/** Step 3: the view with the default panels, when the link names none and some are known. */
export function withDefaultPanels(base: ResolvedView, now: number, dataEnd: number | null, defaults: PanelSpec[] | undefined): ResolvedView {
  return wantsDefaultPanels(base.params) && defaults ? resolveView(base.params, now, { dataEnd, defaultPanels: defaults }) : base;
}

/** Two zones far apart: a window that resolves the same in both does not depend on the viewer's zone. */
const ZONE_PROBES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];

/**
 * Whether the server, which does not know the viewer's zone, resolves the
 * window the browser will: always unless `tz=browser` meets a zone-dependent
 * time (`now/d`, a date without an offset).
 */
export function resolvesWithoutViewerZone(params: WindowParams, now: number, dataEnd: number | null): boolean {
  if (params.tz !== BROWSER_TZ) return true;
  const [a, b] = ZONE_PROBES.map((zone) => resolveView(params, now, { dataEnd, browserZone: () => zone }));
  return a!.from === b!.from && a!.to === b!.to;
}

/**
 * Resolves the link's first view as the provider will, fetching through
 * `client` what it needs (extent, catalog); null when the viewer's zone
 * decides the window (the browser then resolves it alone).
 */
export async function resolveFirstView(client: QueryClient, params: WindowParams, now: number): Promise<ResolvedView | null> {
  const extent = followsExtent(params) ? await client.fetchQuery(extentQuery()).catch(() => undefined) : undefined;
  const dataEnd = dataEndOf(params, extent);
  if (!resolvesWithoutViewerZone(params, now, dataEnd)) return null;
  const base = resolveView(params, now, { dataEnd });
  if (!wantsDefaultPanels(params)) return base;
  const catalog = await client.fetchQuery(catalogQuery(base)).catch(() => undefined);
  return withDefaultPanels(base, now, dataEnd, defaultPanelsOf(catalog));
}

/**
 * What a first screen shows, so the server asks only for that: the full view
 * (`app`: the overview strip, the playback bar's moments, the Grafana links),
 * or an embed's panels (`panels`: all of them or one, by index) and lanes;
 * `inspector` adds the events the inspector lists nearest the playhead.
 */
export interface FirstScreenParts {
  app: boolean;
  panels: 'all' | number | null;
  security: boolean;
  anomalies: boolean;
  traces: boolean;
  inspector: boolean;
}

export const FULL_VIEW: FirstScreenParts = { app: true, panels: 'all', security: true, anomalies: true, traces: true, inspector: true };

/** An embed's parts (lib/url/embed-state.ts): the stack without the app, or the one panel or lane of `only`. */
export function embedParts(only: EmbedOnly | null, inspector: boolean): FirstScreenParts {
  if (!only) return { ...FULL_VIEW, app: false, inspector };
  return {
    app: false,
    panels: only.kind === 'panel' ? only.index : null,
    security: only.kind === 'security',
    anomalies: only.kind === 'anomalies',
    traces: only.kind === 'traces',
    inspector,
  };
}

/**
 * Starts in `client` what the first screen's `parts` ask for on mount (their
 * keys, from the same factories): the charts, the overview, the lanes and the
 * notable moments the playhead opens on. Nothing is awaited, so the page can
 * stream each answer as it lands.
 *
 * What the browser asks for only after a first answer (a lane's critical
 * events or slow traces when its first page is cut short, the catalog that
 * explains an empty panel) is asked with the rest instead of after it: its
 * answer is real either way, and small when unused (no larger than the page
 * it repeats), while waiting for the first answer would hold the page back.
 */
export function startFirstScreen(client: QueryClient, view: ResolvedView, now: number, parts: FirstScreenParts): void {
  const { security, traces, labels } = view;
  const ask = <T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>) => void client.prefetchQuery(options);
  // The notable moments (the provider's, which every screen has) and the lanes' density share one answer.
  ask(densityQuery(view));
  const panels = parts.panels === 'all' ? view.panels : parts.panels === null ? [] : view.panels.slice(parts.panels, parts.panels + 1);
  for (const spec of panels) {
    ask(seriesQuery({ metric: spec.metric, aggs: spec.aggs, filters: spec.filters, groupBy: spec.groupBy, from: view.from, to: view.to, step: view.step }));
    ask(anomaliesQuery(view, { metric: spec.metric, filters: spec.filters }));
  }
  if (parts.app) {
    ask(configQuery());
    ask(densityQuery(overviewRange(view, now)));
    ask(anomaliesQuery(view));
  }
  if (parts.anomalies || parts.inspector) ask(anomaliesQuery(view, labels.length ? { filters: labels } : null));
  if (parts.security || parts.inspector) {
    void client.prefetchInfiniteQuery(securityEventsQuery(view, security));
    ask(securitySummaryQuery(view, security));
    if (parts.security && keepsCritical(security)) ask(criticalEventsQuery(view, security));
  }
  if ((parts.traces || parts.app) && traces.status !== 'ok') ask(tracesQuery(view, failedTraces(traces)));
  if (parts.traces) {
    ask(tracesQuery(view, traces));
    ask(tracesQuery(view, slowTraces(traces)));
  }
  // Last, so it queues behind every answer the screen draws (reads wait in arrival order, read-slots.ts).
  if (panels.length) ask(catalogQuery(view));
}
