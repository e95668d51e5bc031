'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import { EChart } from '@/components/charts/EChart';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, PLOT_LEFT, PLOT_RIGHT, timeAxis, timeGrid } from '@/components/charts/time-axis';
import { errorMessage } from '@/lib/client/api';
import { bandPercent, percentOf, timeAtX } from '@/lib/client/grid';
import { chartPalette } from '@/lib/client/palette';
import { densityQuery } from '@/lib/client/queries';
import { useTimeline } from '@/lib/client/store';
import { useTheme } from '@/lib/client/theme';
import { brushWindow, centreOn, usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { ErrorNotice } from '@/components/states/ErrorNotice';
import { PinMarkers } from '@/components/pins/PinMarkers';
import { overviewRange } from './overview-range';

/**
 * Event density over a span wider than the window (a few windows around it,
 * the window marked): security events by severity, anomalies and failed
 * spans. Drag across it to zoom to the range brushed; click inside the window
 * to move the playhead there, outside it to pan the window (same width) to
 * that instant with the playhead on it.
 */

const BRUSH_MIN_PX = 5;

export function OverviewStrip() {
  const view = useView();
  const now = useTimeline((s) => s.now);
  const range = useMemo(() => overviewRange(view, now), [view, now]);
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const query = useQuery(densityQuery(range));
  const { commitPlayhead, setWindow } = useViewActions();
  const plotRef = useRef<HTMLDivElement>(null);
  const press = useRef<number | null>(null);
  const [brush, setBrush] = useState<{ left: number; width: number } | null>(null);

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
    press.current = e.clientX;
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const x0 = press.current;
    const rect = plotRef.current?.getBoundingClientRect();
    if (x0 === null || !rect || Math.abs(e.clientX - x0) < BRUSH_MIN_PX) return;
    const left = Math.max(0, Math.min(x0, e.clientX) - rect.left);
    const right = Math.min(rect.width, Math.max(x0, e.clientX) - rect.left);
    setBrush({ left, width: Math.max(0, right - left) });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const x0 = press.current;
    press.current = null;
    setBrush(null);
    const t = timeOf(e.clientX);
    const t0 = x0 === null ? null : timeOf(x0);
    if (t === null || t0 === null || x0 === null) return;
    if (Math.abs(e.clientX - x0) >= BRUSH_MIN_PX) {
      const next = brushWindow(t0, t);
      if (next) setWindow(next);
      return;
    }
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
    <section data-testid="overview" data-from={range.from} data-to={range.to} className="border-b border-line bg-panel" data-status={query.error ? 'error' : query.isPending ? 'loading' : 'ready'}>
      <div className="flex h-5 items-center gap-3 px-2 text-[10px] text-muted">
        <span className="font-medium text-fg">Overview</span>
        {legend.map(([name, color]) => (
          <span key={name} className="flex items-center gap-1">
            <span className="inline-block h-2 w-2 rounded-sm" style={{ background: color }} />
            {name}
          </span>
        ))}
        <span>(√ counts) · drag to zoom</span>
        {query.error && (
          <ErrorNotice message={errorMessage(query.error)} onRetry={() => void query.refetch()} testId="overview-error" compact className="min-w-0" />
        )}
      </div>
      <div
        className="relative h-12 cursor-crosshair touch-none select-none"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="overview-plot"
      >
        <EChart option={option} name="overview" className="absolute inset-0" />
        {query.isPending && <div className="absolute inset-y-1 animate-pulse rounded bg-skeleton" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }} />}
        <div ref={plotRef} className="pointer-events-none absolute inset-y-0" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }}>
          <VisibleRange range={range} />
          <PinMarkers range={range} flags={false} />
          <OverviewPlayhead range={range} />
          {brush && <div data-testid="overview-brush" className="absolute inset-y-0 border-x border-accent bg-brush" style={{ left: brush.left, width: brush.width }} />}
        </div>
      </div>
    </section>
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
      className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-playhead"
      style={{ left: `${percentOf(at, range.from, range.to)}%` }}
    />
  );
}
