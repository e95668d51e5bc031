'use client';

import type { CSSProperties, ReactNode } from 'react';
import { formatClock } from '@/lib/client/format';
import { bandPercent, percentOf } from '@/lib/client/grid';
import { useTimeline } from '@/lib/client/store';
import { placeOf, usePlayhead, useViewActions, type PanelWindow } from '@/lib/client/view';
import { PinMarkers } from '@/components/pins/PinMarkers';
import { useTraceInterval } from '@/components/trace/use-trace-interval';

/**
 * What every panel draws over its chart, positioned by percentage of the
 * panel's window: the playhead (or, when it lies outside the window, a marker
 * at the edge that brings it back), the shared crosshair with this panel's
 * value at the hovered instant, the selected trace's interval and the pins.
 */

/**
 * Places a moving overlay (playhead, crosshair) at `pct` % of its container
 * — one with `container-type: inline-size` (`@container`), so `cqw` is 1 % of
 * its width — by a transform alone, on its own layer: a scrub frame then
 * moves layers in the compositor instead of laying out and repainting the page.
 */
export function slideTo(pct: number): CSSProperties {
  return { transform: `translateX(${pct}cqw)`, willChange: 'transform' };
}

export function PlotOverlay({ window: w, valueLabel }: { window: PanelWindow; valueLabel?: (t: number) => ReactNode }) {
  return (
    <>
      <TraceBand window={w} />
      <PinMarkers range={w} />
      <Crosshair window={w} valueLabel={valueLabel} />
      <Playhead window={w} />
    </>
  );
}

function Playhead({ window: w }: { window: PanelWindow }) {
  const at = usePlayhead();
  const place = placeOf(at, w);
  if (place !== 'inside') return <OffscreenPlayhead at={at} side={place} tz={w.tz} />;
  return (
    <div
      data-testid="playhead"
      data-at={Math.round(at)}
      className="absolute inset-y-0 left-0 -ml-px w-0.5 bg-playhead"
      style={slideTo(percentOf(at, w.from, w.to))}
    >
      {/* A grip that says "drag me" (the whole line is grabbable, ±6 px). */}
      <div className="absolute -left-[3px] top-0 h-2.5 w-2 rounded-b-sm bg-playhead" />
    </div>
  );
}

/** The playhead lies before or after the window: kept, named, and one click from being shown. */
function OffscreenPlayhead({ at, side, tz }: { at: number; side: 'before' | 'after'; tz: string }) {
  const { showPlayhead } = useViewActions();
  return (
    <button
      type="button"
      data-testid="playhead-offscreen"
      data-at={Math.round(at)}
      data-side={side}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={showPlayhead}
      title="The playhead lies outside this window: show it"
      className={`pointer-events-auto absolute top-1 z-20 whitespace-nowrap rounded border border-playhead/60 bg-panel/95 px-1.5 py-0.5 text-[10px] leading-tight text-playhead shadow-sm tabular hover:bg-raised ${side === 'before' ? 'left-1' : 'right-1'}`}
    >
      {side === 'before' ? `◂ ${formatClock(at, tz)} playhead` : `playhead ${formatClock(at, tz)} ▸`}
    </button>
  );
}

function Crosshair({ window: w, valueLabel }: { window: PanelWindow; valueLabel?: (t: number) => ReactNode }) {
  const hover = useTimeline((s) => s.hover);
  if (hover === null || hover < w.from || hover > w.to) return null;
  const pct = percentOf(hover, w.from, w.to);
  const label = valueLabel?.(hover);
  return (
    <div data-testid="crosshair" data-t={Math.round(hover)} className="absolute inset-y-0 left-0" style={slideTo(pct)}>
      <div className="absolute inset-y-0 w-px border-l border-dashed border-crosshair" />
      <div
        data-testid="crosshair-label"
        className={`absolute top-0.5 z-10 whitespace-nowrap rounded border border-line bg-panel/95 px-1.5 py-0.5 text-[10px] leading-tight text-fg shadow-sm tabular ${pct > 70 ? 'right-1.5' : 'left-1.5'}`}
      >
        <span className="text-muted">{formatClock(hover, w.tz)}</span>
        {label !== undefined && label !== null && <span className="ml-1.5">{label}</span>}
      </div>
    </div>
  );
}

function TraceBand({ window: w }: { window: PanelWindow }) {
  const interval = useTraceInterval();
  if (!interval || interval.end < w.from || interval.start > w.to) return null;
  const { left, width } = bandPercent(interval.start, interval.end, w.from, w.to);
  return (
    <div
      data-testid="trace-band"
      className="absolute inset-y-0 border-x border-accent/70 bg-accent/15"
      style={{ left: `${left}%`, width: `max(2px, ${width}%)` }}
    />
  );
}
