'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useNavigationTimes } from '../events/use-navigation-times';
import { useNotableMoments } from '../events/use-notable-moments';
import { nextAfter, previousBefore } from '../grid';
import { adjacentEventQuery } from '../queries';
import { useTimeline } from '../store';
import { useViewActions } from './actions';
import { stepTarget } from './navigation';
import { useView } from './provider';

/**
 * Moving the playhead by buckets and by events, for the playback bar's
 * buttons and the keyboard: ←/→ one bucket, Shift ten; `[`/`]` the previous or
 * next event of any kind; `p`/`n` the previous or next notable moment; space plays or pauses.
 */
export function usePlayheadNavigation() {
  const view = useView();
  const { commitPlayhead, currentAt } = useViewActions();
  const events = useNavigationTimes(view);
  const moments = useNotableMoments(view);
  const queryClient = useQueryClient();
  // Jumps answered by the server arrive later: the latest one wins, in the window it was asked for.
  const jumps = useRef(0);
  const latestWindow = useRef({ from: view.from, to: view.to });
  useEffect(() => {
    latestWindow.current = { from: view.from, to: view.to };
  }, [view.from, view.to]);

  const current = currentAt;

  const stepBuckets = useCallback(
    (n: number) => {
      useTimeline.getState().actions.setPlaying(false);
      commitPlayhead(stepTarget(current(), view.step, n)); // clamped to the window there
    },
    [current, commitPlayhead, view.step],
  );

  /**
   * Moves the playhead to the previous or next event. From the loaded lists
   * when they hold every such event of the window; otherwise (a busy window's
   * lists hold only its newest page) one request asks the server, and the
   * answer applies only if it is still wanted: no newer jump since, the
   * playhead not moved meanwhile (unless playing), the same window.
   */
  const jump = useCallback(
    async (direction: 'next' | 'prev'): Promise<boolean> => {
      const turn = ++jumps.current;
      const at = Math.round(current());
      const { from, to } = view;
      let target: number | null;
      if (events.complete) {
        target = direction === 'next' ? nextAfter(events.all, at) : previousBefore(events.all, at);
      } else {
        const wasPlaying = useTimeline.getState().playing;
        try {
          target = (await queryClient.fetchQuery(adjacentEventQuery({ at, direction, kind: 'any', from, to }))).t;
        } catch {
          return false; // the server could not answer: the playhead stays
        }
        const moved = !wasPlaying && Math.round(current()) !== at;
        if (turn !== jumps.current || moved || latestWindow.current.from !== from || latestWindow.current.to !== to) return false;
      }
      if (target === null || target < from || target >= to) return false;
      useTimeline.getState().actions.setPlaying(false);
      commitPlayhead(target);
      return true;
    },
    [events, current, commitPlayhead, view, queryClient],
  );

  /** `n`/`p`: the next or previous notable moment (in time order). */
  const walkMoments = useCallback(
    (direction: 'next' | 'prev'): boolean => {
      const times = moments.byTime.map((m) => m.at);
      const at = current();
      const target = direction === 'next' ? nextAfter(times, at) : previousBefore(times, at);
      if (target === null) return false;
      useTimeline.getState().actions.setPlaying(false);
      commitPlayhead(target);
      return true;
    },
    [moments.byTime, current, commitPlayhead],
  );

  return { stepBuckets, jump, walkMoments, events, moments };
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
      else if (e.key === ']') void nav.jump('next');
      else if (e.key === '[') void nav.jump('prev');
      else if (e.key === 'n') nav.walkMoments('next');
      else if (e.key === 'p') nav.walkMoments('prev');
      else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) togglePlay();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nav, togglePlay]);
}
