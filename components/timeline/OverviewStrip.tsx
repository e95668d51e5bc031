'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type PointerEvent } from 'react';
import { EChart } from '@/components/charts/EChart';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, PLOT_LEFT, PLOT_RIGHT, timeAxis, timeGrid } from '@/components/charts/time-axis';
import { errorMessage } from '@/lib/client/api';
import { bandPercent, percentOf, timeAtX } from '@/lib/client/grid';
import { chartPalette } from '@/lib/client/palette';
import { densityQuery } from '@/lib/client/queries';
import { useTimeline } from '@/lib/client/store';
import { useDismiss } from '@/lib/client/use-dismiss';
import { useTheme } from '@/lib/client/theme';
import { brushWindow, centreOn, usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { ErrorNotice } from '@/components/states/ErrorNotice';
import { slideTo } from './PlotOverlay';
import { PinMarkers } from '@/components/pins/PinMarkers';
import { compareLabel } from '@/lib/url/compare';
import { overviewRange } from './overview-range';

/**
 * Event density over a span wider than the window (a few windows around it,
 * the window marked): security events by severity, anomalies and failed
 * spans. Drag across it to zoom to the range brushed; click inside the window
 * to move the playhead there, outside it to pan the window (same width) to
 * that instant with the playhead on it.
 *
 * The second brush picks compare mode's baseline: a drag with Shift held, or
 * any drag while "Pick baseline" is pressed (Escape or a press elsewhere
 * releases it), sets `compare=` to the absolute
 * window brushed instead of zooming. The baseline is drawn as a muted band
 * (or, when it lies outside the strip, a marker at the edge it lies beyond).
 * The compare select's typed window is the keyboard's way to the same state.
 */

const BRUSH_MIN_PX = 5;

export function OverviewStrip() {
  const view = useView();
  const now = useTimeline((s) => s.now);
  const range = useMemo(() => overviewRange(view, now), [view, now]);
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const query = useQuery(densityQuery(range));
  const { commitPlayhead, setWindow, setParams } = useViewActions();
  const plotRef = useRef<HTMLDivElement>(null);
  const press = useRef<{ x: number; baseline: boolean } | null>(null);
  const [brush, setBrush] = useState<{ left: number; width: number; baseline: boolean } | null>(null);
  const [picking, setPicking] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const stopPicking = useCallback(() => setPicking(false), []);
  // Escape, or a press anywhere else, puts the strip back to zooming.
  useDismiss(picking, sectionRef, stopPicking);

  const buckets = query.data?.buckets;
  const option = useMemo((): EChartsCoreOption => {
    const rows = buckets ?? [];
    // √ counts: a burst of thousands and a handful of anomalies both stay visible.
    const series = (name: string, color: string, pick: (b: (typeof rows)[number]) => number) => ({
      type: 'bar',
      name,
      stack: 'all',
      color,
      barCategoryGap: 0,
      barWidth: '90%',
      silent: true,
      data: rows.map((b) => [b.t, Math.sqrt(pick(b))]),
    });
    return {
      ...baseOption(view.tz),
      grid: timeGrid({ top: 2, bottom: 16 }),
      xAxis: timeAxis({ from: range.from, to: range.to, tz: view.tz, palette }),
      yAxis: { type: 'value', show: false, min: 0 },
      series: [
        series('critical', palette.severity.critical ?? '#dc2626', (b) => b.security.critical),
        series('warning', palette.severity.warning ?? '#d97706', (b) => b.security.warning),
        series('info', palette.severity.info ?? '#3b82f6', (b) => b.security.info),
        series('anomalies', palette.anomaly, (b) => b.anomalies),
        series('failed spans', palette.muted, (b) => b.errorSpans),
      ],
    };
  }, [buckets, range.from, range.to, view.tz, palette]);

  const timeOf = (clientX: number) => {
    const rect = plotRef.current?.getBoundingClientRect();
    return rect ? Math.round(timeAtX(clientX, rect.left, rect.width, range.from, range.to)) : null;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || timeOf(e.clientX) === null) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    press.current = { x: e.clientX, baseline: picking || e.shiftKey };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const start = press.current;
    const rect = plotRef.current?.getBoundingClientRect();
    if (start === null || !rect || Math.abs(e.clientX - start.x) < BRUSH_MIN_PX) return;
    const left = Math.max(0, Math.min(start.x, e.clientX) - rect.left);
    const right = Math.min(rect.width, Math.max(start.x, e.clientX) - rect.left);
    setBrush({ left, width: Math.max(0, right - left), baseline: start.baseline });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const start = press.current;
    press.current = null;
    setBrush(null);
    const t = timeOf(e.clientX);
    const t0 = start === null ? null : timeOf(start.x);
    if (t === null || t0 === null || start === null) return;
    if (Math.abs(e.clientX - start.x) >= BRUSH_MIN_PX) {
      const next = brushWindow(t0, t);
      if (next && start.baseline) {
        setPicking(false);
        void setParams({ compare: { kind: 'range', ...next } });
      } else if (next) setWindow(next);
      return;
    }
    // A click while picking a baseline is not a playhead move: the user is aiming a drag.
    if (start.baseline) return;
    if (t >= view.from && t < view.to) commitPlayhead(t);
    else setWindow(centreOn(view, t), { at: t });
  };

  const legend = [
    ['critical', palette.severity.critical],
    ['warning', palette.severity.warning],
    ['info', palette.severity.info],
    ['anomalies', palette.anomaly],
    ['failed spans', palette.muted],
  ] as const;

  return (
    <section ref={sectionRef} data-testid="overview" data-from={range.from} data-to={range.to} className="border-b border-line bg-panel" data-status={query.error ? 'error' : query.isPending ? 'loading' : 'ready'}>
      <div className="flex h-5 items-center gap-3 px-2 text-[10px] text-muted">
        <span className="font-medium text-fg">Overview</span>
        {legend.map(([name, color]) => (
          <span key={name} className="flex items-center gap-1">
            <span className="inline-block h-2 w-2 rounded-sm" style={{ background: color }} />
            {name}
          </span>
        ))}
        <span className="truncate">(√ counts) · {picking ? 'drag to pick the baseline' : 'drag to zoom, Shift+drag for a baseline'}</span>
        <button
          type="button"
          className={`ml-auto shrink-0 rounded border px-1.5 leading-4 ${picking ? 'border-accent text-accent' : 'border-line text-muted hover:text-fg'}`}
          aria-pressed={picking}
          onClick={() => setPicking((p) => !p)}
          data-testid="pick-baseline"
          title="Compare with a window of your own: drag across the strip to pick it (or hold Shift while dragging)"
        >
          Pick baseline
        </button>
        {query.error && (
          <ErrorNotice message={errorMessage(query.error)} onRetry={() => void query.refetch()} testId="overview-error" compact className="min-w-0" />
        )}
      </div>
      <div
        className={`relative h-12 touch-none select-none ${picking ? 'cursor-col-resize' : 'cursor-crosshair'}`}
        data-picking={picking}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="overview-plot"
      >
        <EChart option={option} name="overview" className="absolute inset-0" />
        {query.isPending && <div className="absolute inset-y-1 animate-pulse rounded bg-skeleton" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }} />}
        <div ref={plotRef} className="@container pointer-events-none absolute inset-y-0" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }}>
          <BaselineBand range={range} />
          <VisibleRange range={range} />
          <PinMarkers range={range} flags={false} />
          <OverviewPlayhead range={range} />
          {brush && (
            <div
              data-testid="overview-brush"
              data-kind={brush.baseline ? 'baseline' : 'zoom'}
              className={`absolute inset-y-0 border-x ${brush.baseline ? 'border-dashed border-muted bg-muted/25' : 'border-accent bg-brush'}`}
              style={{ left: brush.left, width: brush.width }}
            />
          )}
        </div>
      </div>
    </section>
  );
}

/** Compare mode's baseline on the strip: a muted band, or an edge marker when it lies outside. */
function BaselineBand({ range }: { range: { from: number; to: number } }) {
  const { compare } = useView();
  if (!compare) return null;
  const { from, to } = compare.baseline;
  const common = { 'data-testid': 'overview-baseline', 'data-from': from, 'data-to': to, title: `Baseline: ${compareLabel(compare.spec)}` };
  if (to <= range.from || from >= range.to) {
    const before = to <= range.from;
    return (
      <div {...common} data-visible="false" className={`absolute top-0 rounded-sm bg-muted px-1 text-[9px] leading-3 text-panel ${before ? 'left-0' : 'right-0'}`}>
        {before ? '◀ baseline' : 'baseline ▶'}
      </div>
    );
  }
  const { left, width } = bandPercent(from, to, range.from, range.to);
  return (
    <div
      {...common}
      data-visible="true"
      className="absolute inset-y-0 border-x border-dashed border-muted bg-muted/20"
      style={{ left: `${left}%`, width: `${Math.max(0.3, width)}%` }}
    >
      <span className="absolute left-0.5 top-0 text-[9px] leading-3 text-muted">baseline</span>
    </div>
  );
}

function VisibleRange({ range }: { range: { from: number; to: number } }) {
  const view = useView();
  const { left, width } = bandPercent(view.from, view.to, range.from, range.to);
  return (
    <div
      data-testid="overview-visible"
      className="absolute inset-y-0 border-x-2 border-accent bg-accent/10"
      style={{ left: `${left}%`, width: `${Math.max(0.3, width)}%` }}
    />
  );
}

function OverviewPlayhead({ range }: { range: { from: number; to: number } }) {
  const at = usePlayhead();
  if (at < range.from || at > range.to) return null;
  return (
    <div
      data-testid="overview-playhead"
      className="absolute inset-y-0 left-0 -ml-px w-0.5 bg-playhead"
      style={slideTo(percentOf(at, range.from, range.to))}
    />
  );
}
