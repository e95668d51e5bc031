'use client';

import { formatClock } from '@/lib/client/format';
import { percentOf } from '@/lib/client/grid';
import { useView, useViewActions } from '@/lib/client/view';

/** The view's pins inside `range`, as flagged lines over a chart (every lane and the overview); a flag moves the playhead to its pin. */
export function PinMarkers({ range, flags = true }: { range: { from: number; to: number }; flags?: boolean }) {
  const view = useView();
  const { commitPlayhead } = useViewActions();
  return (
    <>
      {view.pins
        .filter((p) => p.t >= range.from && p.t < range.to)
        .map((pin) => (
          <div key={pin.t} data-testid="pin-marker" data-t={pin.t} className="absolute inset-y-0 w-0 border-l border-dashed border-pin" style={{ left: `${percentOf(pin.t, range.from, range.to)}%` }}>
            {flags && (
              <button
                type="button"
                className="pointer-events-auto absolute left-0 top-3 z-10 max-w-[10rem] truncate rounded-r bg-pin px-1 text-[9px] leading-tight text-white"
                onPointerDown={(e) => e.stopPropagation()}
                onClick={() => commitPlayhead(pin.t)}
                title={`${formatClock(pin.t, view.tz)} ${pin.note}`.trim()}
                aria-label={`Go to the pin at ${formatClock(pin.t, view.tz)}${pin.note ? `: ${pin.note}` : ''}`}
              >
                {pin.note || 'pin'}
              </button>
            )}
          </div>
        ))}
    </>
  );
}
