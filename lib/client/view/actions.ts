'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { LabelFilter, PanelSpec } from '@/lib/url/panel-spec';
import { PINS_MAX, type Pin } from '@/lib/url/pins';
import type { ViewParams } from '@/lib/url/view-state';
import { clamp } from '../grid';
import type { SecurityGroup } from '@/lib/api/types';
import type { SecurityFilter, TraceFilter } from '../queries';
import { useTimeline } from '../store';
import { centreOn } from './navigation';
import { useUrlPlayhead, useViewContext } from './provider';

/**
 * Every change to the view goes through these, and each says what it does to
 * the URL: a window change is a new browser history entry and keeps the
 * playhead where it is (inside or not); a playhead commit replaces the entry
 * (scrubbing is not history); back/forward are the browser's.
 */
export function useViewActions() {
  const { setParams, view } = useViewContext();
  const playhead = useUrlPlayhead();
  const { refreshNow, setMoving } = useTimeline((s) => s.actions);
  const { from, to, relative } = view;
  // The URL's playhead as of the latest render, for callbacks that run later (after an awaited answer).
  const urlAt = useRef(playhead.at);
  useEffect(() => {
    urlAt.current = playhead.at;
  }, [playhead.at]);
  /** The playhead shown now (a move in progress wins), in whole ms as the URL holds it. */
  const currentAt = useCallback(() => Math.round(useTimeline.getState().moving ?? urlAt.current), []);

  /**
   * Shows a new window (a new history entry). The playhead stays where it is
   * (written down if it was a default, so it does not follow the window), or
   * moves to `options.at`.
   */
  const setWindow = useCallback(
    (next: { from: number | string; to: number | string }, options: { at?: number } = {}) => {
      if (typeof next.from === 'string' || typeof next.to === 'string') refreshNow();
      setMoving(null);
      void setParams({ from: String(next.from), to: String(next.to), at: String(Math.round(options.at ?? currentAt())) });
    },
    [refreshNow, setMoving, setParams, currentAt],
  );

  /** Writes the playhead to the URL (replacing the entry) and ends any move in progress. */
  const commitPlayhead = useCallback(
    (t: number) => {
      const clamped = clamp(Math.round(t), from, to - 1);
      setMoving(null);
      void setParams({ at: String(clamped) }, { history: 'replace' });
    },
    [setParams, setMoving, from, to],
  );

  /** Pans the window to centre on the playhead (the off-screen marker's action). */
  const showPlayhead = useCallback(() => setWindow(centreOn({ from, to }, currentAt())), [setWindow, from, to, currentAt]);

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
      if (trace === null || !relative) return void setParams({ trace });
      void setParams({ trace, from: String(from), to: String(to), at: String(currentAt()) });
    },
    [setParams, relative, from, to, currentAt],
  );
  const setTimeZone = useCallback((tz: string) => void setParams({ tz }), [setParams]);
  /** Changes the named fields of the security filter (a new history entry: a filter is a step of the investigation). */
  const setSecurity = useCallback(
    (filter: Partial<SecurityFilter>) =>
      void setParams({
        ...(filter.severities ? { sev: [...filter.severities] as ViewParams['sev'] } : {}),
        ...(filter.eventTypes ? { etype: [...filter.eventTypes] } : {}),
        ...(filter.minThreat !== undefined ? { minThreat: filter.minThreat } : {}),
        ...(filter.maxThreat !== undefined ? { maxThreat: filter.maxThreat } : {}),
        ...(filter.sourceIp !== undefined ? { ip: filter.sourceIp } : {}),
        ...(filter.services ? { ssvc: [...filter.services] } : {}),
        ...(filter.actions ? { sact: [...filter.actions] } : {}),
      }),
    [setParams],
  );
  const setSecurityGroup = useCallback((group: SecurityGroup | null) => void setParams({ sgroup: group }), [setParams]);
  /** Changes the named fields of the traces lane's filter (`undefined` leaves a field, a cleared field is an empty value). */
  const setTraceFilter = useCallback(
    (filter: Partial<TraceFilter>) =>
      void setParams({
        ...('service' in filter ? { tservice: filter.service || null } : {}),
        ...('operation' in filter ? { toperation: filter.operation || null } : {}),
        ...('status' in filter ? { tstatus: filter.status ?? null } : {}),
        ...('minDurationMs' in filter ? { tmin: filter.minDurationMs ?? null } : {}),
        ...(filter.attributes ? { tattr: [...filter.attributes] } : {}),
      }),
    [setParams],
  );

  /** Pins the playhead with a note (a new history entry; the oldest-added pin goes past PINS_MAX). */
  const addPin = useCallback(
    (note: string) => {
      const pin: Pin = { t: currentAt(), note: note.trim() };
      void setParams((old) => ({ pin: [...old.pin.filter((p) => p.t !== pin.t), pin].slice(-PINS_MAX) }));
    },
    [setParams, currentAt],
  );
  const removePin = useCallback((pin: Pin) => void setParams((old) => ({ pin: old.pin.filter((p) => p.t !== pin.t) })), [setParams]);

  return useMemo(
    () => ({ setWindow, commitPlayhead, showPlayhead, setPanels, setLabels, setTrace, setTimeZone, setSecurity, setSecurityGroup, setTraceFilter, addPin, removePin, setParams, currentAt }),
    [setWindow, commitPlayhead, showPlayhead, setPanels, setLabels, setTrace, setTimeZone, setSecurity, setSecurityGroup, setTraceFilter, addPin, removePin, setParams, currentAt],
  );
}
