import type { ChartPalette } from '@/lib/client/palette';
import type { GhostCounts } from '@/lib/client/use-ghost-counts';

/**
 * The ghost bars' axis and series for a lane's chart: hidden, scaled to the
 * larger of the window's and the baseline's bucket counts, drawn faint
 * behind the lane's own marks.
 */
export function ghostAxis(ghost: GhostCounts | null) {
  return { type: 'value', show: false, min: 0, max: (ghost?.max ?? 1) * 1.05 };
}

export function ghostBars(ghost: GhostCounts | null, palette: ChartPalette, yAxisIndex: number) {
  if (!ghost) return [];
  return [
    {
      type: 'bar',
      name: 'baseline',
      yAxisIndex,
      barCategoryGap: 0,
      barWidth: '90%',
      color: palette.muted,
      itemStyle: { opacity: 0.22 },
      silent: true,
      z: 0,
      data: ghost.points,
    },
  ];
}
