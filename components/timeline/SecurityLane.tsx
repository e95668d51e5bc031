'use client';

import { useMemo } from 'react';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, timeAxis, timeGrid, valueAxis } from '@/components/charts/time-axis';
import { errorMessage } from '@/lib/client/api';
import { chartPalette } from '@/lib/client/palette';
import { useTheme } from '@/lib/client/theme';
import { useSecurityEvents } from '@/lib/client/use-events';
import { useView } from '@/lib/client/view';
import { LegendChip, PanelFrame, type PanelStatus } from './PanelFrame';
import { PlotArea } from './PlotArea';

/** Security events as markers: height and size by threat score, colour by severity. */

export const SEVERITY_ORDER = ['info', 'warning', 'critical'] as const;

export function SecurityLane() {
  const view = useView();
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const security = useSecurityEvents(view);
  const { events } = security;
  const { from, to, tz } = view;

  const option = useMemo((): EChartsCoreOption => {
    const bySeverity = new Map<string, [number, number][]>();
    for (const e of events) {
      const list = bySeverity.get(e.severity) ?? [];
      list.push([e.timestamp, e.threat_score]);
      bySeverity.set(e.severity, list);
    }
    return {
      ...baseOption(tz),
      grid: timeGrid({ top: 6, bottom: 6 }),
      xAxis: timeAxis({ from, to, tz, palette, showLabels: false }),
      // Threat 0..1 with room for the largest markers at the edges.
      yAxis: valueAxis(palette, { min: -0.12, max: 1.12, scale: false, splitNumber: 1, axisLabel: { show: false }, splitLine: { show: false } }),
      series: [...bySeverity.entries()]
        .sort(([a], [b]) => SEVERITY_ORDER.indexOf(a as never) - SEVERITY_ORDER.indexOf(b as never))
        .map(([severity, data]) => ({
          type: 'scatter',
          name: severity,
          data,
          large: data.length > 2000,
          symbolSize: (value: [number, number]) => 4 + value[1] * 9,
          color: palette.severity[severity] ?? palette.muted,
          itemStyle: { opacity: 0.75 },
          silent: true,
        })),
    };
  }, [events, from, to, tz, palette]);

  const filtered = view.security.severities.length > 0 || view.security.eventTypes.length > 0 || view.security.minThreat !== null;
  const status: PanelStatus = security.error
    ? { kind: 'error', message: errorMessage(security.error), retry: () => void security.refetch() }
    : security.isPending
      ? { kind: 'loading' }
      : events.length === 0
        ? { kind: 'empty', reason: filtered ? 'No security events match the filters in this window.' : 'No security events in this window.' }
        : { kind: 'ready' };

  const counts = SEVERITY_ORDER.map((s) => [s, events.filter((e) => e.severity === s).length] as const);
  const truncated = security.hasNextPage;
  return (
    <PanelFrame
      testId="security-lane"
      title="Security events"
      height={64}
      status={status}
      extra={{ events: events.length }}
      legend={
        !security.isPending && (
        <>
          {counts.map(([s, n]) => (
            <LegendChip key={s} color={palette.severity[s] ?? '#888'} label={`${s} ${n}`} />
          ))}
          {truncated && <span className="text-muted">(newest {events.length}; more in the table)</span>}
          <span className="text-muted">size = threat</span>
        </>
        )
      }
    >
      <PlotArea
        name="security"
        option={option}
        valueLabel={(t) => {
          const half = (view.to - view.from) / 200;
          const near = events.filter((e) => Math.abs(e.timestamp - t) <= half);
          return near.length ? `${near.length} event${near.length > 1 ? 's' : ''}` : '';
        }}
      />
    </PanelFrame>
  );
}
