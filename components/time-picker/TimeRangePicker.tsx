'use client';

import dynamic from 'next/dynamic';
import { useCallback, useRef, useState } from 'react';
import { formatDateTime } from '@/lib/client/format';
import { useDismiss } from '@/lib/client/use-dismiss';
import { useTimeline } from '@/lib/client/store';
import { useView, useViewActions } from '@/lib/client/view';
import { isRelativeTime, parseTime } from '@/lib/time/datemath';
import { fromWallClock, wallClock } from '@/lib/time/zoned';
import type { Day } from './Calendar';
import { QUICK_RANGES, quickRangeLabel } from './quick-ranges';

/** The calendar shows only when the picker is open: its code loads then, not with the first screen. */
const Calendar = dynamic(() => import('./Calendar').then((m) => m.Calendar), { ssr: false });

/**
 * The window picker: quick ranges, From/To inputs that take Grafana's grammar
 * (now-6h, now/d) or absolute times (read on the view's zone), and a calendar.
 * Relative windows stay relative in the URL; absolute ones become epoch ms.
 */

function dayOf(ms: number, tz: string): Day {
  const c = wallClock(ms, tz);
  return { year: c.year, month: c.month, day: c.day };
}

function initialText(param: string, ms: number, tz: string): string {
  return isRelativeTime(param) ? param : formatDateTime(ms, tz);
}

export function TimeRangePicker() {
  const view = useView();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useDismiss(open, rootRef, useCallback(() => setOpen(false), []));

  const label = quickRangeLabel(view.fromText, view.toText) ?? `${formatDateTime(view.from, view.tz)} → ${formatDateTime(view.to, view.tz)}`;

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        className="btn max-w-[26rem] font-mono tabular"
        data-testid="time-picker-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
        title={`${formatDateTime(view.from, view.tz, true)} → ${formatDateTime(view.to, view.tz, true)} (${view.tz})`}
      >
        <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="8" cy="8" r="6.25" />
          <path d="M8 4.5V8l2.5 1.5" strokeLinecap="round" />
        </svg>
        <span className="truncate" data-testid="time-range-label">
          {label}
        </span>
      </button>
      {open && <PickerPopover key={`${view.from}-${view.to}`} onClose={() => setOpen(false)} />}
    </div>
  );
}

function PickerPopover({ onClose }: { onClose: () => void }) {
  const view = useView();
  const { setWindow } = useViewActions();
  const [fromText, setFromText] = useState(() => initialText(view.fromText, view.from, view.tz));
  const [toText, setToText] = useState(() => initialText(view.toText, view.to, view.tz));
  const [error, setError] = useState<string | null>(null);
  const [days, setDays] = useState<{ start: Day | null; end: Day | null }>(() => ({ start: dayOf(view.from, view.tz), end: dayOf(view.to - 1, view.tz) }));
  const now = useTimeline((s) => s.now);

  const apply = (fromValue = fromText, toValue = toText) => {
    const clock = Date.now();
    const from = parseTime(fromValue, { now: clock, tz: view.tz });
    const to = parseTime(toValue, { now: clock, tz: view.tz, roundUp: true });
    if (!from.ok) return setError(`From: ${from.error}`);
    if (!to.ok) return setError(`To: ${to.error}`);
    if (from.ms >= to.ms) return setError('From must be before To.');
    setError(null);
    setWindow({
      from: isRelativeTime(fromValue) ? fromValue.trim() : from.ms,
      to: isRelativeTime(toValue) ? toValue.trim() : to.ms,
    });
    onClose();
  };

  const onCalendar = (start: Day, end: Day | null) => {
    setDays({ start, end });
    const startMs = fromWallClock({ ...start, hour: 0, minute: 0, second: 0, millisecond: 0 }, view.tz);
    setFromText(formatDateTime(startMs, view.tz));
    const last = end ?? start;
    const next = new Date(Date.UTC(last.year, last.month - 1, last.day + 1));
    const endMs = fromWallClock({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 }, view.tz);
    setToText(formatDateTime(endMs, view.tz));
  };

  // The month holding the window's end: a window reaching back over a month's start still opens on its own month.
  const c = wallClock(view.to - 1, view.tz);
  return (
    <div
      role="dialog"
      aria-label="Time range"
      data-testid="time-picker"
      className="absolute left-0 top-8 z-50 flex gap-4 rounded-md border border-line bg-panel p-3 text-xs shadow-xl"
    >
      <div className="flex w-60 flex-col gap-2">
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <label className="flex flex-col gap-0.5">
            <span className="text-muted">From</span>
            <input className="field font-mono" data-testid="time-from" value={fromText} onChange={(e) => setFromText(e.target.value)} spellCheck={false} />
          </label>
          <label className="flex flex-col gap-0.5">
            <span className="text-muted">To</span>
            <input className="field font-mono" data-testid="time-to" value={toText} onChange={(e) => setToText(e.target.value)} spellCheck={false} />
          </label>
          <p className="text-[10px] text-muted">
            now-6h, now/d, now-1d/d, 2026-01-15 06:00 ({view.tz}) or epoch ms
            {view.relative && ` · now = ${formatDateTime(now, view.tz)}`}
          </p>
          {error && (
            <p className="text-danger" role="alert" data-testid="time-error">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" className="btn border-accent" data-testid="time-apply">
              Apply
            </button>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
        <Calendar start={days.start} end={days.end} onPick={onCalendar} initialMonth={{ year: c.year, month: c.month, day: 1 }} />
      </div>
      <div className="w-40 border-l border-line pl-3">
        <div className="mb-1 text-muted">Quick ranges</div>
        <ul className="flex flex-col">
          {QUICK_RANGES.map((r) => (
            <li key={r.key}>
              <button
                type="button"
                data-testid={`quick-range-${r.key}`}
                className={`w-full rounded px-1.5 py-0.5 text-left hover:bg-raised ${view.fromText === r.from && view.toText === r.to ? 'text-accent' : ''}`}
                onClick={() => apply(r.from, r.to)}
              >
                {r.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
