'use client';

import { useQueryStates } from 'nuqs';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { parseTime } from '@/lib/time/datemath';
import { alignDown, chooseStep } from '@/lib/time/steps';
import type { LabelFilter, PanelSpec } from '@/lib/url/panel-spec';
import { BROWSER_TZ, DEFAULT_FROM, DEFAULT_TO, viewParsers, type ViewParams } from '@/lib/url/view-state';
import { clamp } from './grid';
import type { SecurityFilter } from './queries';
import { useTimeline, type TimeWindow } from './store';

/**
 * The URL's view state resolved once per change into numbers every panel
 * shares: the window in epoch ms (relative times resolved against the store's
 * fixed `now`), one bucket step (so all panels have the same grid and a time
 * maps to the same bucket everywhere), the zone, panels and filters.
 */

/** Buckets per chart: about one per pixel of a chart at 1280 px wide. */
export const MAX_BUCKETS = 900;

/** The URL's view state without the playhead (which changes too often to re-render every panel). */
export type WindowParams = Omit<ViewParams, 'at'>;

export interface ResolvedView extends TimeWindow {
  params: WindowParams;
  step: number;
  /** The IANA zone times are shown in (`browser` resolved). */
  tz: string;
  relative: boolean;
  /** The window as text after fallbacks (`now-6h`, or epoch ms), for labels and the picker. */
  fromText: string;
  toText: string;
  /** The panels with the view-wide `label` filters merged into each (a panel's own filter on a key wins). */
  panels: PanelSpec[];
  labels: LabelFilter[];
  trace: string | null;
  security: SecurityFilter;
  /** The playhead when the URL names none: the window's last bucket. */
  defaultAt: number;
  /** Problems found while resolving (shown by the URL notice). */
  problems: string[];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function withFilters(spec: PanelSpec, labels: readonly LabelFilter[]): PanelSpec {
  const extra = labels.filter((l) => !spec.filters.some((f) => f.key === l.key));
  return extra.length ? { ...spec, filters: [...spec.filters, ...extra] } : spec;
}

export function resolveView(params: WindowParams, now: number): ResolvedView {
  const problems: string[] = [];
  const tz = params.tz === BROWSER_TZ ? browserTimeZone() : params.tz;
  let fromText = params.from;
  let toText = params.to;
  let from = parseTime(fromText, { now, tz });
  let to = parseTime(toText, { now, tz, roundUp: true });
  if (!from.ok || !to.ok || from.ms >= to.ms) {
    problems.push(`"from" must be before "to": showing the default window (${DEFAULT_FROM} to ${DEFAULT_TO})`);
    fromText = DEFAULT_FROM;
    toText = DEFAULT_TO;
    from = parseTime(fromText, { now, tz });
    to = parseTime(toText, { now, tz, roundUp: true });
  }
  // The defaults always parse; the fallbacks only satisfy the types.
  const window = { from: from.ok ? from.ms : now - 86_400_000, to: to.ok ? to.ms + (toText.includes('/') ? 1 : 0) : now };
  const step = chooseStep(window.from, window.to, MAX_BUCKETS);
  const defaultAt = Math.max(window.from, alignDown(window.to - 1, step));
  return {
    params,
    ...window,
    step,
    tz,
    relative: fromText.startsWith('now') || toText.startsWith('now'),
    fromText,
    toText,
    panels: params.panel.map((spec) => withFilters(spec, params.label)),
    labels: params.label,
    trace: params.trace,
    security: { severities: params.sev, eventTypes: params.etype, minThreat: params.minThreat },
    defaultAt,
    problems,
  };
}

/** The playhead the URL names, if it is a time inside the window; else the default, with why. */
export function resolveAt(atText: string | null, view: ResolvedView, now: number): { at: number; problem: string | null } {
  if (atText === null) return { at: view.defaultAt, problem: null };
  const parsed = parseTime(atText, { now, tz: view.tz });
  if (parsed.ok && parsed.ms >= view.from && parsed.ms < view.to) return { at: parsed.ms, problem: null };
  if (parsed.ok) return { at: view.defaultAt, problem: 'the playhead "at" lies outside the window: it was moved to the window\'s end' };
  return { at: view.defaultAt, problem: null }; // malformed: the URL notice reports it
}

interface ViewContextValue {
  view: ResolvedView;
  setParams: ReturnType<typeof useQueryStates<typeof viewParsers>>[1];
}

const ViewContext = createContext<ViewContextValue | null>(null);
const PlayheadProblemContext = createContext<string | null>(null);

/**
 * Resolves the URL once per change. The view object keeps its identity while
 * only `at` changes, so moving the playhead re-renders what draws it (through
 * the store), not every panel.
 */
export function ViewProvider({ children }: { children: ReactNode }) {
  const [params, setParams] = useQueryStates(viewParsers, { history: 'push' });
  const now = useTimeline((s) => s.now);
  const { at: atText, ...windowParams } = params;
  const windowKey = JSON.stringify(windowParams);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the serialized params: identity changes alone must not re-resolve
  const view = useMemo(() => resolveView(windowParams, now), [windowKey, now]);
  const { at, problem } = useMemo(() => resolveAt(atText, view, now), [atText, view, now]);
  const setPlayhead = useTimeline((s) => s.actions.setPlayhead);
  // The URL's playhead (deep link, back/forward, a window change) becomes the live one.
  useEffect(() => {
    if (!useTimeline.getState().playing) setPlayhead(at);
  }, [at, view, setPlayhead]);
  const value = useMemo(() => ({ view, setParams }), [view, setParams]);
  return (
    <ViewContext.Provider value={value}>
      <PlayheadProblemContext.Provider value={problem}>{children}</PlayheadProblemContext.Provider>
    </ViewContext.Provider>
  );
}

/** Why the URL's playhead could not be used, if it could not. */
export function usePlayheadProblem(): string | null {
  return useContext(PlayheadProblemContext);
}

export function useView(): ResolvedView {
  const ctx = useContext(ViewContext);
  if (!ctx) throw new Error('useView needs a <ViewProvider>');
  return ctx.view;
}

/** The live playhead: the store's while dragging/playing, else the URL's. */
export function usePlayhead(): number {
  const view = useView();
  const live = useTimeline((s) => s.playhead);
  return live ?? view.defaultAt;
}

export function useViewActions() {
  const ctx = useContext(ViewContext);
  if (!ctx) throw new Error('useViewActions needs a <ViewProvider>');
  const { setParams, view } = ctx;
  const { recordWindow, setPlayhead, setContext, refreshNow } = useTimeline((s) => s.actions);

  /** Shows a new window (a new history entry); the playhead stays if it is inside. */
  const setWindow = useCallback(
    (next: { from: number | string; to: number | string }, options: { keepContext?: boolean; record?: boolean } = {}) => {
      if (options.record !== false) recordWindow({ from: view.from, to: view.to });
      if (!options.keepContext) setContext(null);
      if (typeof next.from === 'string' || typeof next.to === 'string') refreshNow();
      const at = useTimeline.getState().playhead ?? view.defaultAt;
      const fromMs = typeof next.from === 'number' ? next.from : null;
      const toMs = typeof next.to === 'number' ? next.to : null;
      const keepAt = fromMs !== null && toMs !== null && at >= fromMs && at < toMs;
      void setParams({ from: String(next.from), to: String(next.to), at: keepAt ? String(Math.round(at)) : null });
    },
    [recordWindow, setContext, refreshNow, setParams, view.from, view.to, view.defaultAt],
  );

  /** Writes the playhead to the URL (replacing the entry: scrubbing is not history). */
  const commitPlayhead = useCallback(
    (t: number) => {
      const clamped = clamp(Math.round(t), view.from, view.to - 1);
      setPlayhead(clamped);
      void setParams({ at: String(clamped) }, { history: 'replace' });
    },
    [setParams, setPlayhead, view.from, view.to],
  );

  /** Sets the panels as the URL keeps them (without the view-wide label filters). */
  const setPanels = useCallback((panels: PanelSpec[]) => void setParams({ panel: panels }), [setParams]);
  const setLabels = useCallback((labels: LabelFilter[]) => void setParams({ label: labels }), [setParams]);
  /**
   * Opens (or closes) a trace. Opening one pins a relative window (and the
   * playhead) to the epoch ms shown, so the address, a link to the trace,
   * still holds the window its lookup is bounded by tomorrow.
   */
  const setTrace = useCallback(
    (trace: string | null) => {
      if (trace === null || !view.relative) return void setParams({ trace });
      const at = useTimeline.getState().playhead;
      void setParams({ trace, from: String(view.from), to: String(view.to), ...(at !== null ? { at: String(Math.round(at)) } : {}) });
    },
    [setParams, view.relative, view.from, view.to],
  );
  const setTimeZone = useCallback((tz: string) => void setParams({ tz }), [setParams]);
  const setSecurity = useCallback(
    (filter: Partial<SecurityFilter>) =>
      void setParams({
        ...(filter.severities ? { sev: [...filter.severities] as ViewParams['sev'] } : {}),
        ...(filter.eventTypes ? { etype: [...filter.eventTypes] } : {}),
        ...(filter.minThreat !== undefined ? { minThreat: filter.minThreat } : {}),
      }),
    [setParams],
  );

  return { setWindow, commitPlayhead, setPanels, setLabels, setTrace, setTimeZone, setSecurity, setParams };
}
