import { parseTime } from '@/lib/time/datemath';
import { formatDuration } from '@/lib/time/units';
import { alignDown, chooseStep } from '@/lib/time/steps';
import type { LabelFilter, PanelSpec } from '@/lib/url/panel-spec';
import { sortedPins, type Pin } from '@/lib/url/pins';
import type { SecurityGroup } from '@/lib/api/types';
import type { SecurityFilter, TraceFilter } from '../queries';
import { comparisonFor, type Comparison } from '@/lib/url/compare';
import { BROWSER_TZ, DEFAULT_FROM, DEFAULT_TO, type ViewParams } from '@/lib/url/view-state';

/**
 * The URL's view state resolved into the numbers every panel shares: pure
 * functions of (URL parameters, the clock reading `now`), no React, so they
 * are unit-tested and the provider only memoises them. The window is in
 * epoch ms (relative times resolved against `now`), one bucket step for every
 * panel (the same grid everywhere), the zone, panels and filters.
 */

/** Buckets per chart: about one per pixel of a chart at 1280 px wide. */
export const MAX_BUCKETS = 900;

const DAY_MS = 86_400_000;

/** The widest window shown (the API's default limit, FLASHBACK_MAX_WINDOW_DAYS). */
export const MAX_WINDOW_MS = 400 * 86_400_000;

/** The URL's view state without the playhead (which changes too often to re-render every panel). */
export type WindowParams = Omit<ViewParams, 'at'>;

/** What a panel needs to draw a window: its bounds, its bucket grid and the zone times are shown in. */
export interface PanelWindow {
  from: number;
  to: number;
  step: number;
  tz: string;
}

export interface ResolvedView extends PanelWindow {
  params: WindowParams;
  relative: boolean;
  /** The window as text after fallbacks (`now-6h`, or epoch ms), for labels and the picker. */
  fromText: string;
  toText: string;
  /** The panels as the URL keeps them, or (when it names none) the defaults chosen from the catalog: what edits start from. */
  panelSpecs: PanelSpec[];
  /** The same with the view-wide `label` filters merged into each (a panel's own filter on a key wins). */
  panels: PanelSpec[];
  labels: LabelFilter[];
  trace: string | null;
  security: SecurityFilter;
  /** The pins, in time order. */
  pins: Pin[];
  /** How the security table groups its events (null: a list of events). */
  securityGroup: SecurityGroup | null;
  traces: TraceFilter;
  /** The playhead when the URL names none and nothing better is known: the window's last bucket. */
  defaultAt: number;
  /** Compare mode's baseline (`compare=`), or null when it is off. */
  compare: Comparison | null;
  /** Problems found while resolving (shown by the URL notice). */
  problems: string[];
  /** What the view chose for the user and says so (the data's last day as the default window). */
  notices: string[];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function withFilters(spec: PanelSpec, labels: readonly LabelFilter[]): PanelSpec {
  const extra = labels.filter((l) => !spec.filters.some((f) => f.key === l.key));
  return extra.length ? { ...spec, filters: [...spec.filters, ...extra] } : spec;
}

export interface ResolveOptions {
  maxWindowMs?: number;
  /** The last sample of the data: a link naming no window opens on the data's last day when it lies before now-24h. */
  dataEnd?: number | null;
  /** The zone `tz=browser` stands for (injected by tests). */
  browserZone?: () => string;
  /** The panels a link naming none shows (chosen from the window's catalog: lib/client/default-panels.ts). */
  defaultPanels?: PanelSpec[];
}

export function resolveView(params: WindowParams, now: number, options: ResolveOptions = {}): ResolvedView {
  const maxWindowMs = options.maxWindowMs ?? MAX_WINDOW_MS;
  const problems: string[] = [];
  const notices: string[] = [];
  const tz = params.tz === BROWSER_TZ ? (options.browserZone ?? browserTimeZone)() : params.tz;
  let fromText = params.from ?? DEFAULT_FROM;
  let toText = params.to;
  const dataEnd = options.dataEnd ?? null;
  if (params.from === null && params.to === DEFAULT_TO && dataEnd !== null && dataEnd < now - DAY_MS) {
    // The last day before now holds nothing: show the last day of the data (to the next whole minute).
    const end = Math.ceil((dataEnd + 1) / 60_000) * 60_000;
    fromText = String(end - DAY_MS);
    toText = String(end);
    notices.push(`The data ends at ${new Date(dataEnd).toISOString().replace('T', ' ').slice(0, 19)} UTC, before the last 24 hours: showing its last 24 hours.`);
  }
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
  if (window.to - window.from > maxWindowMs) {
    // Clamped at its end (the recent side an investigation usually starts from), said in the notice.
    window.from = window.to - maxWindowMs;
    fromText = String(window.from);
    problems.push(`the window may span at most ${formatDuration(maxWindowMs)}: showing the last ${formatDuration(maxWindowMs)} of it`);
  }
  const step = chooseStep(window.from, window.to, MAX_BUCKETS);
  const defaultAt = Math.max(window.from, alignDown(window.to - 1, step));
  const panelSpecs = params.panel.length ? params.panel : (options.defaultPanels ?? []);
  return {
    params,
    ...window,
    step,
    tz,
    relative: fromText.startsWith('now') || toText.startsWith('now'),
    fromText,
    toText,
    panelSpecs,
    panels: panelSpecs.map((spec) => withFilters(spec, params.label)),
    labels: params.label,
    trace: params.trace,
    security: {
      severities: params.sev,
      eventTypes: params.etype,
      minThreat: params.minThreat,
      maxThreat: params.maxThreat,
      sourceIp: params.ip,
      services: params.ssvc,
      actions: params.sact,
    },
    securityGroup: params.sgroup,
    traces: {
      service: params.tservice ?? undefined,
      operation: params.toperation ?? undefined,
      status: params.tstatus ?? undefined,
      minDurationMs: params.tmin ?? undefined,
      attributes: params.tattr,
    },
    pins: sortedPins(params.pin),
    defaultAt,
    compare: params.compare ? comparisonFor(window, params.compare) : null,
    problems,
    notices,
  };
}

/** Where the playhead lies against the window: off-screen playheads are kept and marked, never dropped. */
export type PlayheadPlace = 'before' | 'inside' | 'after';

export interface ResolvedPlayhead {
  at: number;
  /** `url`: the link names it; `default`: it does not (or names no time), so the view chose. */
  source: 'url' | 'default';
  place: PlayheadPlace;
}

export function placeOf(at: number, w: { from: number; to: number }): PlayheadPlace {
  return at < w.from ? 'before' : at >= w.to ? 'after' : 'inside';
}

/**
 * The playhead the URL names, wherever it lies: a playhead outside the window
 * (a link's window moved on, a relative window that has passed it) stays
 * where it was put and is drawn as an off-screen marker. Without one (or with
 * a malformed one, which the URL notice reports) it is `fallback`.
 */
export function resolveAt(atText: string | null, view: Pick<ResolvedView, 'from' | 'to' | 'tz' | 'defaultAt'>, now: number, fallback: number = view.defaultAt): ResolvedPlayhead {
  const parsed = atText === null ? null : parseTime(atText, { now, tz: view.tz });
  if (parsed?.ok) return { at: parsed.ms, source: 'url', place: placeOf(parsed.ms, view) };
  return { at: fallback, source: 'default', place: placeOf(fallback, view) };
}
