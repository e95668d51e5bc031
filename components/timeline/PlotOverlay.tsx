'use client';

import type { ReactNode } from 'react';
import { formatClock } from '@/lib/client/format';
import { bandPercent, percentOf } from '@/lib/client/grid';
import { useTimeline } from '@/lib/client/store';
import { usePlayhead, useView } from '@/lib/client/view';
import { useTraceInterval } from '@/components/trace/use-trace-interval';

/**
 * What every panel draws over its chart, positioned by percentage of the
 * shared plot box: the playhead, the shared crosshair with this panel's value
 * at the hovered instant, and the selected trace's interval.
 */

export function PlotOverlay({ valueLabel }: { valueLabel?: (t: number) => ReactNode }) {
  return (
    <>
      <TraceBand />
      <Crosshair valueLabel={valueLabel} />
      <Playhead />
    </>
  );
}

function Playhead() {
  const view = useView();
  const at = usePlayhead();
  if (at < view.from || at > view.to) return null;
  return (
    <div
      data-testid="playhead"
      data-at={Math.round(at)}
      className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-playhead"
      style={{ left: `${percentOf(at, view.from, view.to)}%` }}
    >
      {/* A grip that says "drag me" (the whole line is grabbable, ±6 px). */}
      <div className="absolute -left-[3px] top-0 h-2.5 w-2 rounded-b-sm bg-playhead" />
    </div>
  );
}

function Crosshair({ valueLabel }: { valueLabel?: (t: number) => ReactNode }) {
  const view = useView();
  const hover = useTimeline((s) => s.hover);
  if (hover === null || hover < view.from || hover > view.to) return null;
  const pct = percentOf(hover, view.from, view.to);
  const label = valueLabel?.(hover);
  return (
    <div data-testid="crosshair" data-t={Math.round(hover)} className="absolute inset-y-0" style={{ left: `${pct}%` }}>
      <div className="absolute inset-y-0 w-px border-l border-dashed border-crosshair" />
      <div
        data-testid="crosshair-label"
        className={`absolute top-0.5 z-10 whitespace-nowrap rounded border border-line bg-panel/95 px-1.5 py-0.5 text-[10px] leading-tight text-fg shadow-sm tabular ${pct > 70 ? 'right-1.5' : 'left-1.5'}`}
      >
        <span className="text-muted">{formatClock(hover, view.tz)}</span>
        {label !== undefined && label !== null && <span className="ml-1.5">{label}</span>}
      </div>
    </div>
  );
}

function TraceBand() {
  const view = useView();
  const interval = useTraceInterval();
  if (!interval || interval.end < view.from || interval.start > view.to) return null;
  const { left, width } = bandPercent(interval.start, interval.end, view.from, view.to);
  return (
    <div
      data-testid="trace-band"
      className="absolute inset-y-0 border-x border-accent/70 bg-accent/15"
      style={{ left: `${left}%`, width: `max(2px, ${width}%)` }}
    />
  );
}
