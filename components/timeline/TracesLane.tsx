'use client';

import { useMemo } from 'react';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, timeAxis, timeGrid, valueAxis } from '@/components/charts/time-axis';
import { errorMessage } from '@/lib/client/api';
import { formatMs } from '@/lib/client/format';
import { chartPalette } from '@/lib/client/palette';
import { useTheme } from '@/lib/client/theme';
import { SLOW_MS, useLaneTraces } from '@/lib/client/events/use-lane-traces';
import { densityQuery } from '@/lib/client/queries';
import { useQuery } from '@tanstack/react-query';
import { useGhostCounts } from '@/lib/client/use-ghost-counts';
import { useView, useViewActions, type PanelWindow } from '@/lib/client/view';
import type { DensityBucket } from '@/lib/api/types';
import { ghostAxis, ghostBars } from './ghost-bars';
import { LegendChip, PanelFrame, type PanelStatus } from './PanelFrame';
import { PlotArea, type PlotClick } from './PlotArea';

/** Each trace a point at its start, height by duration (log scale), failures in red; a click opens it. */

const HIT_PX = 8;
/** Compare mode's ghost bars count the baseline's spans per bucket. */
const spanCount = (b: DensityBucket) => b.spans;
const GRID_TOP = 6;
const GRID_BOTTOM = 20;

/** The y axis spans whole decades around the durations, so the scale is stable and known (tests read it). */
function durationBounds(traces: readonly { durationMs: number }[]): { min: number; max: number } {
  if (traces.length === 0) return { min: 1, max: 1000 };
  const durations = traces.map((t) => Math.max(t.durationMs, 0.001));
  const min = 10 ** Math.floor(Math.log10(Math.min(...durations)));
  const max = 10 ** Math.ceil(Math.log10(Math.max(...durations)));
  return { min, max: max > min ? max : min * 10 };
}

export function TracesLane({ window: view }: { window: PanelWindow }) {
  const { setTrace, commitPlayhead } = useViewActions();
  const { traces: filter } = useView();
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const lane = useLaneTraces(view, filter);
  const filtered = Boolean(filter.service || filter.operation || filter.status || filter.minDurationMs || filter.attributes?.length);
  const traces = lane.events;
  // A sampled lane shows its context: spans and failed spans per bucket, behind the points.
  const density = useQuery({ ...densityQuery(view), enabled: !lane.isPending && !lane.complete });
  const buckets = lane.complete ? undefined : density.data?.buckets;
  const ghost = useGhostCounts(view, spanCount);
  const { from, to, tz } = view;
  const errors = traces.filter((t) => t.errorCount > 0).length;

  const bounds = useMemo(() => durationBounds(traces), [traces]);
  const option = useMemo((): EChartsCoreOption => {
    const toPoint = (t: (typeof traces)[number]) => [t.start, Math.max(bounds.min, t.durationMs)];
    return {
      ...baseOption(tz),
      grid: timeGrid({ top: GRID_TOP, bottom: GRID_BOTTOM }),
      xAxis: timeAxis({ from, to, tz, palette }),
      yAxis: [
        valueAxis(palette, {
          type: 'log',
          scale: false,
          min: bounds.min,
          max: bounds.max,
          axisLabel: { color: palette.muted, fontSize: 9, formatter: (v: number) => formatMs(v) },
        }),
        { type: 'value', show: false, min: 0, max: (e: { max: number }) => Math.max(1, e.max) * 1.05 },
        ghostAxis(ghost),
      ],
      series: [
        ...ghostBars(ghost, palette, 2),
        ...(buckets
          ? [
              {
                type: 'bar',
                name: 'spans',
                yAxisIndex: 1,
                stack: 'spans',
                barCategoryGap: 0,
                barWidth: '90%',
                color: palette.grid === '#1f2937' ? '#1e293b' : '#e2e8f0',
                silent: true,
                data: buckets.map((b) => [b.t, b.spans - b.errorSpans]),
              },
              {
                type: 'bar',
                name: 'failed spans',
                yAxisIndex: 1,
                stack: 'spans',
                barWidth: '90%',
                color: palette.error,
                itemStyle: { opacity: 0.35 },
                silent: true,
                data: buckets.map((b) => [b.t, b.errorSpans]),
              },
            ]
          : []),
        {
          type: 'scatter',
          name: 'ok',
          data: traces.filter((t) => t.errorCount === 0).map(toPoint),
          symbolSize: 4,
          color: palette.series[0],
          itemStyle: { opacity: 0.55 },
          silent: true,
        },
        {
          type: 'scatter',
          name: 'error',
          data: traces.filter((t) => t.errorCount > 0).map(toPoint),
          symbolSize: 7,
          color: palette.error,
          silent: true,
          z: 3,
        },
      ],
    };
  }, [traces, bounds, buckets, from, to, tz, palette, ghost]);

  const onClickAt = ({ x, y, chart }: PlotClick) => {
    if (!chart) return false;
    let best: { id: string; start: number; d: number } | null = null;
    for (const t of traces) {
      const pixel = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [t.start, Math.max(bounds.min, t.durationMs)]) as number[] | undefined;
      if (!pixel) continue;
      // Failed traces are drawn on top, so they win a click on a shared spot.
      const d = Math.hypot((pixel[0] ?? 0) - x, (pixel[1] ?? 0) - y) - (t.errorCount > 0 ? 2 : 0);
      if (d <= HIT_PX && (!best || d < best.d)) best = { id: t.traceId, start: t.start, d };
    }
    if (!best) return false;
    commitPlayhead(best.start);
    setTrace(best.id);
    return true;
  };

  const status: PanelStatus = lane.error
    ? { kind: 'error', message: errorMessage(lane.error), retry: lane.retry }
    : lane.isPending
      ? { kind: 'loading' }
      : traces.length === 0
        ? { kind: 'empty', reason: filtered ? 'No traces match the filters in this window.' : 'No traces in this window.' }
        : { kind: 'ready' };
  const hint = `${lane.complete ? 'every trace' : `failed and slow (≥ ${SLOW_MS} ms) traces over spans per bucket; zoom in for every trace`} · height = duration · click to open`;

  return (
    <PanelFrame
      testId="traces-lane"
      title="Traces"
      height={84}
      status={status}
      extra={{ ghost: ghost?.points.reduce((n, [, c]) => n + c, 0), traces: traces.length, mode: lane.complete ? 'all' : 'sampled', 'y-min': bounds.min, 'y-max': bounds.max, 'grid-top': GRID_TOP, 'grid-bottom': GRID_BOTTOM }}
      legend={
        !lane.isPending && (
        <>
          <LegendChip color={palette.series[0] ?? '#888'} label={`${traces.length - errors} ${lane.complete ? 'ok' : 'slow'}`} />
          <LegendChip color={palette.error} label={`${errors} failed`} />
          {ghost && <LegendChip color={palette.muted} label="baseline spans (bars)" />}
          {/* One line: in compare mode the baseline chip leaves less room, and a wrapped hint would be cut off. */}
          <span className="min-w-0 truncate text-muted" title={hint}>
            {hint}
          </span>
        </>
        )
      }
    >
      <PlotArea
        name="traces"
        window={view}
        option={option}
        onClickAt={onClickAt}
        valueLabel={(t) => {
          // The traces under the cursor, by name: the nearest first (failed ones before others at a tie).
          const half = (view.to - view.from) / 200;
          const near = traces
            .filter((tr) => Math.abs(tr.start - t) <= half)
            .sort((a, b) => Math.abs(a.start - t) - Math.abs(b.start - t) || b.errorCount - a.errorCount);
          if (near.length === 0) return '';
          return (
            <span data-testid="traces-hover">
              {near.slice(0, 2).map((tr) => (
                <span key={tr.traceId} className="block" data-trace-id={tr.traceId}>
                  {tr.errorCount > 0 ? '✕ ' : ''}
                  {tr.rootService}: {tr.rootName} · {formatMs(tr.durationMs)} · {tr.traceId.slice(0, 8)}
                </span>
              ))}
              {near.length > 2 && <span className="block">+{near.length - 2} more</span>}
            </span>
          );
        }}
      />
    </PanelFrame>
  );
}
