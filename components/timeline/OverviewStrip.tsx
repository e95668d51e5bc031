'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, type PointerEvent } from 'react';
import { EChart } from '@/components/charts/EChart';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, PLOT_LEFT, PLOT_RIGHT, timeAxis, timeGrid } from '@/components/charts/time-axis';
import { errorMessage } from '@/lib/client/api';
import { bandPercent, clamp, percentOf, timeAtX } from '@/lib/client/grid';
import { chartPalette } from '@/lib/client/palette';
import { densityQuery } from '@/lib/client/queries';
import { useTimeline } from '@/lib/client/store';
import { useTheme } from '@/lib/client/theme';
import { usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { ErrorNotice } from '@/components/states/ErrorNotice';

/**
 * Event density across the whole window (or, when zoomed in, the window the
 * zoom started from, with the visible sub-range marked): security events by
 * severity, anomalies and failed spans. Click or drag on it to move the
 * playhead; a point outside the visible range pans the view to it.
 */


export function OverviewStrip() {
  const view = useView();
  const context = useTimeline((s) => s.context);
  const range = context ?? { from: view.from, to: view.to };
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const query = useQuery(densityQuery(range));
  const actions = useTimeline((s) => s.actions);
  const { commitPlayhead, setWindow } = useViewActions();
  const plotRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

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
    const t = timeOf(e.clientX);
    if (t === null || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
    actions.setPlaying(false);
    actions.setDragging(true);
    actions.setPlayhead(t);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const t = timeOf(e.clientX);
    if (t !== null) actions.setPlayhead(t);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    actions.setDragging(false);
    const t = timeOf(e.clientX);
    if (t === null) return;
    if (t >= view.from && t < view.to) {
      commitPlayhead(t);
      return;
    }
    // Outside the visible range: pan the view (same width) to centre on t, keeping the overview.
    const width = view.to - view.from;
    const from = Math.round(clamp(t - width / 2, range.from, range.to - width));
    actions.setPlayhead(t);
    setWindow({ from, to: from + width }, { keepContext: true });
  };

  const legend = [
    ['critical', palette.severity.critical],
    ['warning', palette.severity.warning],
    ['info', palette.severity.info],
    ['anomalies', palette.anomaly],
    ['failed spans', palette.muted],
  ] as const;

  return (
    <section data-testid="overview" className="border-b border-line bg-panel" data-status={query.error ? 'error' : query.isPending ? 'loading' : 'ready'}>
      <div className="flex h-5 items-center gap-3 px-2 text-[10px] text-muted">
        <span className="font-medium text-fg">Overview</span>
        {legend.map(([name, color]) => (
          <span key={name} className="flex items-center gap-1">
            <span className="inline-block h-2 w-2 rounded-sm" style={{ background: color }} />
            {name}
          </span>
        ))}
        <span>(√ counts)</span>
        {query.error && (
          <ErrorNotice message={errorMessage(query.error)} onRetry={() => void query.refetch()} testId="overview-error" compact className="min-w-0" />
        )}
      </div>
      <div
        className="relative h-12 cursor-pointer touch-none select-none"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="overview-plot"
      >
        <EChart option={option} name="overview" className="absolute inset-0" />
        {query.isPending && <div className="absolute inset-y-1 animate-pulse rounded bg-skeleton" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }} />}
        <div ref={plotRef} className="pointer-events-none absolute inset-y-0" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }}>
          {context && <VisibleRange range={range} />}
          <OverviewPlayhead range={range} />
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
