import type { ChartPalette } from '@/lib/client/palette';
import { formatAxisTime } from '@/lib/client/format';

/**
 * The time axis every timeline chart shares. The plot box is fixed in pixels
 * (PLOT_LEFT/PLOT_RIGHT, no automatic label fitting) and the axis spans
 * exactly [from, to], so an instant has the same x in every panel and the
 * HTML overlays can place the playhead and crosshair by percentage.
 */

export const PLOT_LEFT = 64;
export const PLOT_RIGHT = 20;

export interface AxisInput {
  from: number;
  to: number;
  tz: string;
  palette: ChartPalette;
  showLabels?: boolean;
  top?: number;
  bottom?: number;
}

export function timeGrid({ top = 8, bottom = 22 }: Pick<AxisInput, 'top' | 'bottom'>) {
  return { left: PLOT_LEFT, right: PLOT_RIGHT, top, bottom, outerBoundsMode: 'none' as const };
}

export function timeAxis({ from, to, tz, palette, showLabels = true }: AxisInput) {
  const span = to - from;
  return {
    type: 'time' as const,
    min: from,
    max: to,
    axisLine: { lineStyle: { color: palette.axis } },
    axisTick: { show: showLabels, lineStyle: { color: palette.axis } },
    splitLine: { show: true, lineStyle: { color: palette.grid } },
    axisLabel: {
      show: showLabels,
      color: palette.muted,
      fontSize: 10,
      hideOverlap: true,
      formatter: (value: number) => formatAxisTime(value, tz, span),
    },
    axisPointer: { show: false },
  };
}

export function valueAxis(palette: ChartPalette, extra: Record<string, unknown> = {}) {
  return {
    type: 'value' as const,
    scale: true,
    splitNumber: 3,
    axisLabel: { color: palette.muted, fontSize: 10, hideOverlap: true },
    splitLine: { lineStyle: { color: palette.grid } },
    ...extra,
  };
}

export function baseOption(tz: string) {
  return { animation: false, useUTC: tz === 'UTC', backgroundColor: 'transparent' };
}
