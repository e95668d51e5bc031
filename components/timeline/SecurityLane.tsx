'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EChartsCoreOption } from '@/components/charts/echarts';
import { baseOption, timeAxis, timeGrid, valueAxis } from '@/components/charts/time-axis';
import type { DensityBucket, SecurityEvent } from '@/lib/api/types';
import { errorMessage } from '@/lib/client/api';
import { chartPalette } from '@/lib/client/palette';
import { useCriticalInWindow, useSecurityInWindow } from '@/lib/client/events/use-window-events';
import { densityQuery, isSecurityFiltered, keepsCritical, securitySummaryQuery } from '@/lib/client/queries';
import { useTheme } from '@/lib/client/theme';
import { useGhostCounts } from '@/lib/client/use-ghost-counts';
import { useView, type PanelWindow } from '@/lib/client/view';
import { ghostAxis, ghostBars } from './ghost-bars';
import { LegendChip, PanelFrame, usePanelFill, type PanelStatus } from './PanelFrame';
import { PlotArea } from './PlotArea';

/**
 * Security events as markers: height and size by threat score, colour by
 * severity. When the window holds more events than one page (a long window,
 * a burst), the newest page would only cover the window's end: the lane then
 * draws events per bucket by severity (the density answer, exact counts) with
 * the critical events as markers on top, and says so.
 */

export const SEVERITY_ORDER = ['info', 'warning', 'critical'] as const;

/** Compare mode's ghost bars count every security event of a bucket. */
const securityCount = (b: DensityBucket) => b.security.info + b.security.warning + b.security.critical;

export function SecurityLane({ window: w }: { window: PanelWindow }) {
  const view = useView();
  const theme = useTheme();
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const security = useSecurityInWindow(w, view.security);
  const { severities } = view.security;
  const filtered = isSecurityFiltered(view.security);
  // The header's counts: exact, from a count query under every filter (never a page counted).
  const summary = useQuery(securitySummaryQuery(w, view.security));
  const truncated = !security.isPending && !security.error && !security.complete;
  const density = useQuery({ ...densityQuery(w), enabled: truncated });
  const critical = useCriticalInWindow(w, view.security, { enabled: truncated && keepsCritical(view.security) });
  const { from, to, tz } = w;
  // Under the other panels the lane shares their axis labels; alone (an embed's only=) it needs its own.
  const alone = usePanelFill();
  const ghost = useGhostCounts(w, securityCount);

  const markers = useMemo((): SecurityEvent[] => {
    if (!truncated) return security.events;
    // Critical markers (under the view's filter) only when all of them fit one page (a partial page would cluster at the window's end).
    return critical.complete ? critical.events : [];
  }, [truncated, security.events, critical.complete, critical.events]);
  const buckets = truncated ? density.data?.buckets : undefined;
  const severityKey = severities.join(',');
  const shownSeverities = useMemo(
    () => SEVERITY_ORDER.filter((s) => severityKey === '' || severityKey.split(',').includes(s)),
    [severityKey],
  );

  const option = useMemo((): EChartsCoreOption => {
    const bySeverity = new Map<string, [number, number][]>();
    for (const e of markers) {
      const list = bySeverity.get(e.severity) ?? [];
      list.push([e.timestamp, e.threatScore]);
      bySeverity.set(e.severity, list);
    }
    return {
      ...baseOption(tz),
      grid: timeGrid({ top: 6, bottom: alone ? 22 : 6 }),
      xAxis: timeAxis({ from, to, tz, palette, showLabels: alone }),
      yAxis: [
        // Threat 0..1 with room for the largest markers at the edges.
        valueAxis(palette, { min: -0.12, max: 1.12, scale: false, splitNumber: 1, axisLabel: { show: false }, splitLine: { show: false } }),
        { type: 'value', show: false, min: 0, max: (e: { max: number }) => Math.max(1, e.max) * 1.05 },
        ghostAxis(ghost),
      ],
      series: [
        ...ghostBars(ghost, palette, 2),
        ...(buckets
          ? shownSeverities.map((severity) => ({
              type: 'bar',
              name: `${severity} per bucket`,
              yAxisIndex: 1,
              stack: 'density',
              barCategoryGap: 0,
              barWidth: '90%',
              color: palette.severity[severity] ?? palette.muted,
              itemStyle: { opacity: 0.45 },
              silent: true,
              // √ counts: a burst and the background both stay visible.
              data: buckets.map((b) => [b.t, Math.sqrt(b.security[severity])]),
            }))
          : []),
        ...[...bySeverity.entries()]
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
            z: 3,
          })),
      ],
    };
  }, [markers, buckets, shownSeverities, from, to, tz, palette, alone, ghost]);

  const broken = security.error ?? summary.error ?? density.error ?? critical.error;
  const pending = security.isPending || summary.isPending || (truncated && (density.isPending || critical.isPending));
  const status: PanelStatus = broken
    ? {
        kind: 'error',
        message: errorMessage(broken),
        retry: () => {
          if (security.error) security.retry();
          if (summary.error) void summary.refetch();
          if (density.error) void density.refetch();
          if (critical.error) critical.retry();
        },
      }
    : pending
      ? { kind: 'loading' }
      : security.events.length === 0
        ? { kind: 'empty', reason: filtered ? 'No security events match the filters in this window.' : 'No security events in this window.' }
        : { kind: 'ready' };

  const bySeverity = summary.data?.bySeverity ?? {};
  const counts = shownSeverities.map((s) => [s, bySeverity[s] ?? 0] as const);
  // The density bars count every event of a bucket by severity: other filters do not narrow them.
  const barsUnfiltered = isSecurityFiltered({ ...view.security, severities: [] });
  return (
    <PanelFrame
      testId="security-lane"
      title="Security events"
      height={64}
      status={status}
      extra={{ events: security.events.length, mode: truncated ? 'density' : 'events', total: summary.data?.total ?? '', ghost: ghost?.points.reduce((n, [, c]) => n + c, 0) }}
      legend={
        !pending && (
          <>
            <span className="shrink-0 whitespace-nowrap tabular" data-testid="security-lane-total">
              {(summary.data?.total ?? 0).toLocaleString('en-US')} {filtered ? 'matching' : 'events'}
            </span>
            {counts.map(([s, n]) => (
              <LegendChip key={s} color={palette.severity[s] ?? '#888'} label={`${s} ${n.toLocaleString('en-US')}`} testId={`security-lane-count-${s}`} />
            ))}
            {ghost && <LegendChip color={palette.muted} label="baseline events (bars)" />}
            <span className="truncate text-muted">
              {truncated
                ? `events per bucket (√)${barsUnfiltered ? ', before the filters' : ''}${markers.length > 0 ? '; markers: critical events' : ''} · zoom in for every event`
                : 'size = threat'}
            </span>
          </>
        )
      }
    >
      <PlotArea
        name="security"
        window={w}
        option={option}
        valueLabel={(t) => {
          if (buckets && density.data) {
            const bucket = buckets.find((b) => t >= b.t && t < b.t + density.data.step);
            return bucket ? `${shownSeverities.reduce((n, s) => n + bucket.security[s], 0)} events / ${Math.round(density.data.step / 1000)}s` : '';
          }
          const half = (w.to - w.from) / 200;
          const near = security.events.filter((e) => Math.abs(e.timestamp - t) <= half);
          return near.length ? `${near.length} event${near.length > 1 ? 's' : ''}` : '';
        }}
      />
    </PanelFrame>
  );
}
