'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PanelSpec } from '@/lib/url/panel-spec';
import { viewParsers } from '@/lib/url/view-state';
import { useNotableMoments } from '../events/use-notable-moments';
import { catalogQuery, extentQuery } from '../queries';
import { useTimeline } from '../store';
import { dataEndOf, defaultPanelsOf, followsExtent, wantsDefaultPanels, withDefaultPanels } from './first-view';
import { resolveAt, resolveView, type ResolvedPlayhead, type ResolvedView } from './resolve';

/**
 * Resolves the URL once per change and hands the result to every panel. The
 * URL is the only owner of the playhead at rest (a link without `at` opens
 * on the window's most notable moment, which follows from the URL and the data): `usePlayhead` reads the
 * URL's `at` (resolved), or — only while a scrub or playback is in progress —
 * the store's `moving`, which the move's end writes to the URL and clears.
 */

type SetParams = ReturnType<typeof useQueryStates<typeof viewParsers>>[1];

interface ViewContextValue {
  view: ResolvedView;
  setParams: SetParams;
}

const ViewContext = createContext<ViewContextValue | null>(null);
const PlayheadContext = createContext<ResolvedPlayhead | null>(null);

/**
 * A link naming no window opens on the data's last day when the data ends
 * before now-24h, so the data's extent is asked for first (answered from part
 * metadata); `fallback` shows meanwhile. Any other link resolves at once.
 */
export function ViewProvider({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [params, setParams] = useQueryStates(viewParsers, { history: 'push' });
  const wantsExtent = followsExtent(params);
  const extent = useQuery({ ...extentQuery(), enabled: wantsExtent });
  // Without an answer (the engine is down) the default window stands; the panels then say what failed.
  if (wantsExtent && extent.isPending) return fallback;
  return (
    <ResolvedViewProvider params={params} setParams={setParams} dataEnd={dataEndOf(params, extent.data)} fallback={fallback}>
      {children}
    </ResolvedViewProvider>
  );
}

/**
 * The view object keeps its identity while only `at` changes, so moving the
 * playhead re-renders what draws it, not every panel. A link naming no panels
 * shows panels chosen from the window's catalog (never written to the URL
 * until the user edits them), so `fallback` shows until the catalog answers;
 * a refetch for a moved window keeps the previous choice meanwhile.
 */
function ResolvedViewProvider({ params, setParams, dataEnd, fallback, children }: { params: ReturnType<typeof useQueryStates<typeof viewParsers>>[0]; setParams: SetParams; dataEnd: number | null; fallback: ReactNode; children: ReactNode }) {
  const now = useTimeline((s) => s.now);
  const { at: atText, ...windowParams } = params;
  const windowKey = JSON.stringify(windowParams);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the serialized params: identity changes alone must not re-resolve
  const base = useMemo(() => resolveView(windowParams, now, { dataEnd }), [windowKey, now, dataEnd]);
  const wantsDefaults = wantsDefaultPanels(params);
  const catalog = useQuery({ ...catalogQuery(base), enabled: wantsDefaults, placeholderData: keepPreviousData });
  const chosen = useMemo(() => defaultPanelsOf(catalog.data), [catalog.data]);
  // A window that holds no metric keeps the last choice (its panels then say they are empty), so
  // panning into a gap does not take the panels away.
  const [lastChosen, setLastChosen] = useState<PanelSpec[] | undefined>(undefined);
  if (chosen && chosen !== lastChosen) setLastChosen(chosen);
  const defaults = chosen ?? lastChosen;
  const view = useMemo(() => withDefaultPanels(base, now, dataEnd, defaults), [base, defaults, now, dataEnd]);
  if (wantsDefaults && catalog.isPending) return fallback;
  return (
    <ViewContexts view={view} atText={atText} setParams={setParams}>
      {children}
    </ViewContexts>
  );
}

function ViewContexts({ view, atText, setParams, children }: { view: ResolvedView; atText: string | null; setParams: SetParams; children: ReactNode }) {
  const now = useTimeline((s) => s.now);
  // Without `at`, the playhead opens on the window's most notable moment, else its last event, else its last bucket.
  const moments = useNotableMoments(view);
  const fallback = moments.ranked[0]?.at ?? moments.lastEvent ?? view.defaultAt;
  const playhead = useMemo(() => resolveAt(atText, view, now, fallback), [atText, view, now, fallback]);
  useKeepPlayheadThroughHistory(playhead.at, setParams);
  const value = useMemo(() => ({ view, setParams }), [view, setParams]);
  return (
    <ViewContext.Provider value={value}>
      <PlayheadContext.Provider value={playhead}>{children}</PlayheadContext.Provider>
    </ViewContext.Provider>
  );
}

/**
 * Back and forward walk the windows, not the playhead: the moment marked is
 * kept (written into the entry arrived at), as every other window change keeps it.
 */
function useKeepPlayheadThroughHistory(at: number, setParams: SetParams) {
  const latest = useRef(at);
  useEffect(() => {
    latest.current = at;
  }, [at]);
  useEffect(() => {
    const onPop = () => {
      const kept = String(Math.round(latest.current));
      void setParams({ at: kept }, { history: 'replace' });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [setParams]);
}

export function useViewContext(): ViewContextValue {
  const ctx = useContext(ViewContext);
  if (!ctx) throw new Error('the view needs a <ViewProvider>');
  return ctx;
}

export function useView(): ResolvedView {
  return useViewContext().view;
}

/** The URL's playhead, resolved (where it lies against the window, whether the link named it). */
export function useUrlPlayhead(): ResolvedPlayhead {
  const ctx = useContext(PlayheadContext);
  if (!ctx) throw new Error('usePlayhead needs a <ViewProvider>');
  return ctx;
}

/** The playhead shown: a move in progress, else the URL's. */
export function usePlayhead(): number {
  const url = useUrlPlayhead();
  const moving = useTimeline((s) => s.moving);
  return moving ?? url.at;
}
