'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, timeAxis, timeGrid, valueAxis } from '@/components/charts/time-axis';
import { formatClock, formatValue } from '@/lib/client/format';
import { metricUnit } from '@/lib/client/metric-units';
import { lineData, sampleAt } from '@/lib/client/grid';
import { chartPalette } from '@/lib/client/palette';
import { anomaliesQuery, catalogQuery } from '@/lib/client/queries';
import { useTheme } from '@/lib/client/theme';
import { useBaselineSeries } from '@/lib/client/use-baseline-series';
import { usePanelSeries } from '@/lib/client/use-panel-series';
import { useView, type PanelWindow } from '@/lib/client/view';
import { compareLabel } from '@/lib/url/compare';
import { encodePanel, panelTitle, type PanelSpec } from '@/lib/url/panel-spec';
import { LegendChip, PanelFrame, type PanelStatus } from './PanelFrame';
import { PlotArea } from './PlotArea';

/** One metric on the shared axis: a line per aggregation (and group), its anomalies as markers. */


interface MetricPanelProps {
  spec: PanelSpec;
  index: number;
  /** The window drawn (the view's, or another for a comparison). */
  window: PanelWindow;
  /** Absent where the view is not editable (an embed). */
  onRemove?: () => void;
}

export function MetricPanel({ spec, index, window: view, onRemove }: MetricPanelProps) {
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const data = usePanelSeries(spec, view);
  // Compare mode: the baseline drawn muted under the window, aligned to the same offset.
  const { compare } = useView();
  const baseline = useBaselineSeries(spec, { ...view, compare });
  // The panel's own anomalies: its metric under its label filters (a verdict of a series the panel filters out is not drawn).
  const anomalies = useQuery(anomaliesQuery(view, { metric: spec.metric, filters: spec.filters }));
  const unit = metricUnit(spec.metric);
  const { from, to, tz, step } = view;

  const pointCount = data.lines.reduce((n, l) => n + l.points.filter((p) => p[1] !== null).length, 0);
  // A panel that matches no series shows no anomalies either.
  const markers = useMemo(
    () => (pointCount === 0 ? [] : (anomalies.data?.anomalies ?? []).map((a) => [a.timestamp, a.value] as [number, number])),
    [anomalies.data, pointCount],
  );
  // The catalog only explains an empty panel, so it is asked for only then.
  const catalog = useQuery({ ...catalogQuery(view), enabled: !data.isPending && !data.error && pointCount === 0 });

  const ready = !data.error && !data.isPending && pointCount > 0;
  const option = useMemo((): EChartsCoreOption => {
    const color = (i: number) => palette.series[i % palette.series.length] ?? '#888';
    return {
      ...baseOption(tz),
      grid: timeGrid({}),
      xAxis: timeAxis({ from, to, tz, palette }),
      yAxis: valueAxis(palette),
      series: [
        ...(baseline?.lines ?? []).map((line) => ({
          type: 'line',
          name: `${line.name} baseline`,
          data: ready ? lineData(line.points, step, line.spacing) : [],
          showSymbol: false,
          connectNulls: false,
          color: palette.muted,
          lineStyle: { width: 1, type: 'dashed', opacity: 0.8 },
          silent: true,
          z: 1,
        })),
        ...data.lines.map((line, i) => ({
          type: 'line',
          name: line.name,
          data: lineData(line.points, step, line.spacing),
          showSymbol: false,
          connectNulls: false,
          color: color(i),
          lineStyle: { width: 1.5 },
          silent: true,
        })),
        {
          type: 'scatter',
          name: 'anomalies',
          // Markers only over drawn data: not over a skeleton, an error or an empty state.
          data: ready ? markers : [],
          symbol: 'diamond',
          symbolSize: 9,
          color: palette.anomaly,
          itemStyle: { borderColor: theme === 'dark' ? '#111827' : '#ffffff', borderWidth: 1 },
          silent: true,
          z: 5,
        },
      ],
    };
  }, [data.lines, baseline?.lines, markers, ready, palette, theme, from, to, tz, step]);

  const status: PanelStatus = (() => {
    if (data.error) return { kind: 'error', message: data.error, retry: data.retry };
    if (data.isPending) return { kind: 'loading' };
    if (pointCount > 0) return { kind: 'ready' };
    const known = catalog.data?.metrics.some((m) => m.name === spec.metric);
    if (catalog.data && !known) return { kind: 'empty', reason: `No "${spec.metric}" samples in this window.` };
    if (spec.filters.length > 0) {
      const text = spec.filters.map((f) => `${f.key}=${f.value}`).join(', ');
      return { kind: 'empty', reason: `No "${spec.metric}" series match ${text} in this window.` };
    }
    return { kind: 'empty', reason: `No "${spec.metric}" samples in this window.` };
  })();

  const valueLabel = (t: number) => {
    const parts = data.lines.slice(0, 4).map((line) => {
      const text = `${line.name} ${formatValue(sampleAt(line.points, t, view.step, line.spacing).value, unit)}`;
      const base = baseline?.lines.find((b) => b.key === line.key);
      return base ? `${text} (${formatValue(sampleAt(base.points, t, view.step, base.spacing).value, unit)})` : text;
    });
    if (data.lines.length > 4) parts.push(`+${data.lines.length - 4}`);
    // The baseline's own time at this offset, so a value in brackets can be placed.
    if (baseline) parts.push(`baseline at ${formatClock(t - baseline.offset, tz)}`);
    return parts.join(' · ');
  };

  const title = panelTitle(spec);
  return (
    <PanelFrame
      testId="metric-panel"
      extra={{ panel: encodePanel(spec), metric: spec.metric, points: pointCount, series: data.lines.length, baseline: baseline?.lines.length ?? 0, index }}
      title={title}
      height={index === 0 ? 150 : 120}
      status={status}
      legend={
        <>
          {data.lines.slice(0, 8).map((line, i) => (
            <LegendChip key={line.key} color={palette.series[i % palette.series.length] ?? '#888'} label={line.name} />
          ))}
          {markers.length > 0 && <LegendChip color={palette.anomaly} label={`anomalies (${markers.length})`} />}
          {compare && <LegendChip color={palette.muted} label={`baseline: ${compareLabel(compare.spec)}`} />}
        </>
      }
      actions={
        onRemove && (
          <button type="button" className="text-muted hover:text-danger" onClick={onRemove} data-testid="panel-remove" aria-label={`Remove ${title}`}>
            ✕
          </button>
        )
      }
    >
      <PlotArea name={`metric-${index}`} window={view} option={option} valueLabel={status.kind === 'ready' ? valueLabel : undefined} />
    </PanelFrame>
  );
}
