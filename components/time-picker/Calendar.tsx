'use client';

import { useState } from 'react';

/**
 * A month grid for picking days of an absolute window: the first click picks
 * the start day, the second the end day (inclusive). Days are calendar dates
 * (year, month, day); the caller turns them into instants in the view's zone.
 */

export interface Day {
  year: number;
  month: number; // 1..12
  day: number;
}

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const key = (d: Day) => d.year * 10_000 + d.month * 100 + d.day;

interface CalendarProps {
  start: Day | null;
  end: Day | null;
  onPick: (start: Day, end: Day | null) => void;
  initialMonth: Day;
}

export function Calendar({ start, end, onPick, initialMonth }: CalendarProps) {
  const [month, setMonth] = useState({ year: initialMonth.year, month: initialMonth.month });
  const [pending, setPending] = useState<Day | null>(null);
  const first = new Date(Date.UTC(month.year, month.month - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const cells: (Day | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => ({ ...month, day: i + 1 }))];
  const move = (delta: number) => {
    const index = month.year * 12 + month.month - 1 + delta;
    setMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  };
  const lo = pending ?? start;
  const hi = pending ? null : end;

  const pick = (d: Day) => {
    if (!pending) {
      setPending(d);
      onPick(d, null);
    } else {
      const [a, b] = key(d) < key(pending) ? [d, pending] : [pending, d];
      setPending(null);
      onPick(a, b);
    }
  };

  return (
    <div data-testid="calendar" className="w-56 select-none text-xs">
      <div className="mb-1 flex items-center justify-between">
        <button type="button" className="btn-icon" onClick={() => move(-1)} aria-label="Previous month">
          ‹
        </button>
        <span className="font-medium" data-testid="calendar-month">
          {MONTHS[month.month - 1]} {month.year}
        </span>
        <button type="button" className="btn-icon" onClick={() => move(1)} aria-label="Next month">
          ›
        </button>
      </div>
      <div className="grid grid-cols-7 gap-px text-center">
        {WEEKDAYS.map((w) => (
          <span key={w} className="py-0.5 text-[10px] text-muted">
            {w}
          </span>
        ))}
        {cells.map((d, i) => {
          if (!d) return <span key={`blank-${i}`} />;
          const k = key(d);
          const inRange = lo && hi ? k >= key(lo) && k <= key(hi) : lo ? k === key(lo) : false;
          const edge = (lo && k === key(lo)) || (hi && k === key(hi));
          return (
            <button
              key={k}
              type="button"
              data-testid={`calendar-day-${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`}
              onClick={() => pick(d)}
              className={`rounded py-1 tabular hover:bg-accent/20 ${edge ? 'bg-accent text-panel' : inRange ? 'bg-accent/15' : ''}`}
            >
              {d.day}
            </button>
          );
        })}
      </div>
      <p className="mt-1 text-[10px] text-muted">{pending ? 'Now pick the last day.' : 'Pick the first day, then the last.'}</p>
    </div>
  );
}
