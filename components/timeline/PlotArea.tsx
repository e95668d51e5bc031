'use client';

import { useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { EChart } from '@/components/charts/EChart';
import type { EChartsCoreOption, EChartsType } from '@/components/charts/echarts';
import { PLOT_LEFT, PLOT_RIGHT } from '@/components/charts/time-axis';
import { timeAtX } from '@/lib/client/grid';
import { useTimeline } from '@/lib/client/store';
import { brushWindow, useViewActions, type PanelWindow } from '@/lib/client/view';
import { PlotOverlay } from './PlotOverlay';

/**
 * A chart on the shared time axis plus the interactions every panel has:
 * hover moves the shared crosshair, a click sets the playhead, dragging the
 * playhead scrubs (live in the store, written to the URL on release), and
 * dragging elsewhere brushes a range to zoom into.
 */

const GRAB_PX = 6;
const BRUSH_MIN_PX = 5;

export interface PlotClick {
  t: number;
  /** Pointer position relative to the chart element. */
  x: number;
  y: number;
  chart: EChartsType | null;
}

interface PlotAreaProps {
  name: string;
  window: PanelWindow;
  option: EChartsCoreOption;
  /** The crosshair's label in this panel at instant t (the shared tooltip). */
  valueLabel?: (t: number) => ReactNode;
  /** Handles a click first (e.g. a trace under the pointer); true when consumed. */
  onClickAt?: (click: PlotClick) => boolean;
}

type Gesture = { mode: 'scrub' } | { mode: 'press' | 'brush'; x0: number };

export function PlotArea({ name, window: w, option, valueLabel, onClickAt }: PlotAreaProps) {
  const { setWindow, commitPlayhead, currentAt } = useViewActions();
  const actions = useTimeline((s) => s.actions);
  const plotRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const [brush, setBrush] = useState<{ left: number; width: number } | null>(null);
  const [grab, setGrab] = useState(false);

  const timeOf = (clientX: number) => {
    const rect = plotRef.current?.getBoundingClientRect();
    if (!rect) return null;
    return timeAtX(clientX, rect.left, rect.width, w.from, w.to);
  };
  const nearPlayhead = (clientX: number) => {
    const rect = plotRef.current?.getBoundingClientRect();
    const at = currentAt();
    if (!rect) return false;
    const x = rect.left + ((at - w.from) / (w.to - w.from)) * rect.width;
    return Math.abs(clientX - x) <= GRAB_PX;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const rect = plotRef.current?.getBoundingClientRect();
    if (!rect || e.clientX < rect.left - GRAB_PX || e.clientX > rect.right + GRAB_PX) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    if (nearPlayhead(e.clientX)) {
      gesture.current = { mode: 'scrub' };
      actions.setPlaying(false);
      actions.setMoving(currentAt());
    } else {
      gesture.current = { mode: 'press', x0: e.clientX };
    }
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const t = timeOf(e.clientX);
    if (t === null) return;
    const g = gesture.current;
    if (g?.mode === 'scrub') {
      actions.setMoving(t);
      actions.setHover(t);
      return;
    }
    const rect = plotRef.current?.getBoundingClientRect();
    if (g && rect && Math.abs(e.clientX - g.x0) >= BRUSH_MIN_PX) {
      gesture.current = { mode: 'brush', x0: g.x0 };
      const left = Math.max(0, Math.min(g.x0, e.clientX) - rect.left);
      const right = Math.min(rect.width, Math.max(g.x0, e.clientX) - rect.left);
      setBrush({ left, width: Math.max(0, right - left) });
    }
    const inside = rect && e.clientX >= rect.left && e.clientX <= rect.right;
    actions.setHover(inside ? t : null);
    if (!g) setGrab(nearPlayhead(e.clientX));
  };

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    gesture.current = null;
    setBrush(null);
    const t = timeOf(e.clientX);
    if (!g || t === null) return;
    if (g.mode === 'scrub') {
      commitPlayhead(t);
    } else if (g.mode === 'brush') {
      // Snapped to the new window's bucket grid: clean URLs, whole buckets.
      const range = brushWindow(timeOf(g.x0) ?? t, t);
      if (range) setWindow(range);
    } else {
      const box = e.currentTarget.getBoundingClientRect();
      const click = { t, x: e.clientX - box.left, y: e.clientY - box.top, chart: chartRef.current };
      if (!onClickAt?.(click)) commitPlayhead(t);
    }
  };

  const onPointerLeave = () => {
    if (!gesture.current) actions.setHover(null);
  };

  return (
    <div
      className="absolute inset-0 touch-none select-none"
      style={{ cursor: grab ? 'ew-resize' : 'crosshair' }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onPointerLeave={onPointerLeave}
      data-testid={`plot-${name}`}
    >
      <EChart
        option={option}
        name={name}
        className="absolute inset-0"
        onReady={(chart) => {
          chartRef.current = chart;
        }}
      />
      <div ref={plotRef} data-testid="chart-box" className="@container pointer-events-none absolute inset-y-0" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }}>
        <PlotOverlay window={w} valueLabel={valueLabel} />
        {brush && (
          <div data-testid="brush" className="absolute inset-y-0 border-x border-accent bg-brush" style={{ left: brush.left, width: brush.width }} />
        )}
      </div>
    </div>
  );
}
