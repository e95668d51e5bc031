'use client';

import { useCallback, useEffect } from 'react';
import { alignDown } from '@/lib/time/steps';
import { nextAfter, previousBefore } from './grid';
import { useTimeline } from './store';
import { useNavigationEvents } from './use-events';
import { useView, useViewActions } from './view';

/**
 * Moving the playhead by buckets and by events, for the playback bar's
 * buttons and the keyboard: ←/→ one bucket, Shift ten; `[`/`]` the previous or
 * next event of any kind; `p`/`n` the previous or next anomaly or critical
 * security event; space plays or pauses.
 */
export function usePlayheadNavigation() {
  const view = useView();
  const { commitPlayhead } = useViewActions();
  const events = useNavigationEvents(view);

  const current = useCallback(() => useTimeline.getState().playhead ?? view.defaultAt, [view.defaultAt]);

  const stepBuckets = useCallback(
    (n: number) => {
      const at = current();
      const bucket = alignDown(at, view.step);
      // From inside a bucket, one step back lands on the bucket's own start.
      const target = n < 0 && at > bucket ? bucket + (n + 1) * view.step : bucket + n * view.step;
      useTimeline.getState().actions.setPlaying(false);
      commitPlayhead(Math.min(Math.max(target, view.from), view.to - 1));
    },
    [current, commitPlayhead, view.step, view.from, view.to],
  );

  const jump = useCallback(
    (direction: 'next' | 'prev', kind: 'any' | 'notable') => {
      const list = kind === 'any' ? events.all : events.notable;
      const at = Math.round(current());
      const target = direction === 'next' ? nextAfter(list, at) : previousBefore(list, at);
      if (target === null || target < view.from || target >= view.to) return false;
      useTimeline.getState().actions.setPlaying(false);
      commitPlayhead(target);
      return true;
    },
    [events, current, commitPlayhead, view.from, view.to],
  );

  return { stepBuckets, jump, events };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

export function useTimelineKeyboard(nav: ReturnType<typeof usePlayheadNavigation>, togglePlay: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      let handled = true;
      if (e.key === 'ArrowRight') nav.stepBuckets(e.shiftKey ? 10 : 1);
      else if (e.key === 'ArrowLeft') nav.stepBuckets(e.shiftKey ? -10 : -1);
      else if (e.key === ']') nav.jump('next', 'any');
      else if (e.key === '[') nav.jump('prev', 'any');
      else if (e.key === 'n') nav.jump('next', 'notable');
      else if (e.key === 'p') nav.jump('prev', 'notable');
      else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) togglePlay();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nav, togglePlay]);
}
