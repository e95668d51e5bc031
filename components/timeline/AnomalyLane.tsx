'use client';

import { useMemo } from 'react';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, PLOT_LEFT, timeAxis, timeGrid } from '@/components/charts/time-axis';
import { errorMessage } from '@/lib/client/api';
import { chartPalette } from '@/lib/client/palette';
import { foldAnomalies, seriesName } from '@/lib/client/anomaly-fold';
import { useAnomaliesInWindow } from '@/lib/client/events/use-window-events';
import type { DensityBucket } from '@/lib/api/types';
import { useTheme } from '@/lib/client/theme';
import { useGhostCounts } from '@/lib/client/use-ghost-counts';
import { useView, type PanelWindow } from '@/lib/client/view';
import { ghostAxis, ghostBars } from './ghost-bars';
import { LegendChip, PanelFrame, usePanelFill, type PanelStatus } from './PanelFrame';
import { PlotArea } from './PlotArea';

/**
 * The anomaly detector's verdicts: one row per metric, marker size by deviation.
 * The rows' names sit in the gutter left of the plot (HTML, cut short with the
 * full name on hover), never over it: drawn inside the plot they covered the
 * markers early in the window.
 */

const anomalyCount = (b: DensityBucket) => b.anomalies;
/** Room between a name and the plot: a marker on the window's first instant spreads half its size to the left. */
const LABEL_GAP = 8;
const MAX_SYMBOL = 14;
/** A row per metric with anomalies, between these heights. */
const MIN_HEIGHT = 44;
const MAX_HEIGHT = 96;

export function AnomalyLane({ window: view }: { window: PanelWindow }) {
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const { labels } = useView();
  const query = useAnomaliesInWindow(view, labels);
  const anomalies = query.events;
  const metrics = useMemo(() => [...new Set(anomalies.map((a) => a.metric))].sort(), [anomalies]);
  const { from, to, tz } = view;
  // Under the other panels the lane shares their axis labels; alone (an embed's only=) it needs its own.
  const alone = usePanelFill();
  const ghost = useGhostCounts(view, anomalyCount);
  const grid = useMemo(() => timeGrid({ top: 4, bottom: alone ? 22 : 4 }), [alone]);

  const option = useMemo((): EChartsCoreOption => ({
    ...baseOption(tz),
    grid,
    xAxis: timeAxis({ from, to, tz, palette, showLabels: alone }),
    yAxis: [
      {
        type: 'category',
        data: metrics,
        // Named in the HTML gutter below, where a long name can be cut short and read in full on hover.
        axisLabel: { show: false },
        axisTick: { show: false },
        axisLine: { show: false },
        splitLine: { show: true, lineStyle: { color: palette.grid } },
      },
      ghostAxis(ghost),
    ],
    series: [
      ...ghostBars(ghost, palette, 1),
      {
        type: 'scatter',
        data: anomalies.map((a) => [a.timestamp, a.metric, a.deviationScore]),
        symbol: 'diamond',
        symbolSize: (v: [number, string, number]) => Math.min(MAX_SYMBOL, 5 + Math.abs(v[2])),
        color: palette.anomaly,
        silent: true,
      },
    ],
  }), [anomalies, metrics, from, to, tz, palette, grid, alone, ghost]);

  const status: PanelStatus = query.error
    ? { kind: 'error', message: errorMessage(query.error), retry: query.retry }
    : query.isPending
      ? { kind: 'loading' }
      : anomalies.length === 0
        ? { kind: 'empty', reason: 'The detector flagged no anomalies in this window.' }
        : { kind: 'ready' };

  return (
    <PanelFrame
      testId="anomaly-lane"
      title="Anomalies"
      // Unknown while loading: the tallest lane, which a window with many flagged metrics fills (nothing below moves then).
      height={query.isPending ? MAX_HEIGHT : Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, 12 + metrics.length * 16))}
      status={status}
      extra={{ anomalies: anomalies.length, ghost: ghost?.points.reduce((n, [, c]) => n + c, 0) }}
      legend={!query.isPending && <LegendChip color={palette.anomaly} label={`${anomalies.length} flagged`} />}
    >
      <PlotArea
        name="anomalies"
        window={view}
        option={option}
        valueLabel={(t) => {
          const half = (view.to - view.from) / 200;
          const near = anomalies.filter((a) => Math.abs(a.timestamp - t) <= half);
          // Which series, not only which metric: one entry per series however many points it flagged here.
          const series = foldAnomalies(near, Infinity);
          const named = series.slice(0, 2).map((r) => `${r.metric}${Object.keys(r.series).length ? ` {${seriesName(r.series)}}` : ''}`);
          return named.length ? `${named.join(', ')}${series.length > 2 ? ` +${series.length - 2}` : ''}` : '';
        }}
      />
      {/* A category axis counts from the bottom: the first metric is the lowest row. */}
      <ol
        data-testid="anomaly-labels"
        className="absolute left-0 flex flex-col-reverse text-[9px] leading-none text-muted"
        style={{ top: grid.top, bottom: grid.bottom, width: PLOT_LEFT - LABEL_GAP }}
      >
        {metrics.map((metric) => (
          <li key={metric} data-testid="anomaly-label" title={metric} className="flex min-h-0 flex-1 items-center justify-end pl-1">
            <span className="min-w-0 truncate">{metric}</span>
          </li>
        ))}
      </ol>
    </PanelFrame>
  );
}
