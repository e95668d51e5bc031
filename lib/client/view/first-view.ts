import type { QueryClient } from '@tanstack/react-query';
import type { CatalogResponse, ExtentResponse } from '@/lib/api/types';
import { overviewRange } from '@/components/timeline/overview-range';
import type { PanelSpec } from '@/lib/url/panel-spec';
import { BROWSER_TZ, DEFAULT_TO } from '@/lib/url/view-state';
import { chooseDefaultPanels } from '../default-panels';
import { pageIsComplete } from '../events/window-events';
import { failedTraces, slowTraces } from '../events/trace-samples';
import {
  TRACES_LIMIT,
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
 * Fetches into `client` what the first screen's panels and lanes ask for on
 * mount (their keys, from the same factories): the charts, the overview, the
 * lanes and the notable moments the playhead opens on. Failures stay out of
 * the cache (the browser asks again and the panel shows the error).
 */
export async function prefetchFirstScreen(client: QueryClient, view: ResolvedView, now: number): Promise<void> {
  const { security, traces, labels } = view;
  // Asked on mount only when the first answer is cut short (the lanes' own conditions, from the same predicates).
  const securityPages = client.fetchInfiniteQuery(securityEventsQuery(view, security)).then((data) => {
    const more = { kind: 'cursor' as const, next: data.pages.at(-1)?.nextCursor };
    if (!pageIsComplete(data.pages.flatMap((p) => p.events).length, more) && keepsCritical(security)) return client.prefetchQuery(criticalEventsQuery(view, security));
  });
  const tracePage = client.fetchQuery(tracesQuery(view, traces)).then((data) => {
    if (!pageIsComplete(data.traces.length, { kind: 'limit', limit: traces.limit ?? TRACES_LIMIT })) return client.prefetchQuery(tracesQuery(view, slowTraces(traces)));
  });
  await Promise.allSettled([
    securityPages,
    tracePage,
    client.prefetchQuery(configQuery()),
    ...view.panels.flatMap((spec) => [
      // A panel that draws nothing explains why from the catalog.
      client.fetchQuery(seriesQuery({ metric: spec.metric, aggs: spec.aggs, filters: spec.filters, groupBy: spec.groupBy, from: view.from, to: view.to, step: view.step })).then((data) => {
        if (!data.series.some((s) => s.points.some((p) => p[1] !== null))) return client.prefetchQuery(catalogQuery(view));
      }),
      client.prefetchQuery(anomaliesQuery(view, { metric: spec.metric, filters: spec.filters })),
    ]),
    client.prefetchQuery(densityQuery(view)),
    client.prefetchQuery(densityQuery(overviewRange(view, now))),
    client.prefetchQuery(anomaliesQuery(view, labels.length ? { filters: labels } : null)),
    client.prefetchQuery(anomaliesQuery(view)),
    client.prefetchQuery(securitySummaryQuery(view, security)),
    ...(traces.status !== 'ok' ? [client.prefetchQuery(tracesQuery(view, failedTraces(traces)))] : []),
  ]);
}
