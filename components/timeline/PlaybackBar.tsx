'use client';

import { useCallback, useEffect } from 'react';
import { formatDateTime } from '@/lib/client/format';
import { SPEEDS, useTimeline, type Speed } from '@/lib/client/store';
import { usePlayhead, useView, useViewActions } from '@/lib/client/view';
import { usePlayheadNavigation, useTimelineKeyboard } from '@/lib/client/view/use-playhead-navigation';
import { alignDown } from '@/lib/time/steps';
import { formatDuration } from '@/lib/time/units';
import { PinsControl } from '@/components/pins/PinsControl';
import { NotableMoments } from './NotableMoments';

/**
 * Playback and stepping. Playing is a playhead move in progress: it advances
 * the store's `moving` every animation frame by (elapsed real time × speed),
 * the panels follow through the store, and the URL gets the position (whole
 * ms) when playback stops.
 */

function usePlayback() {
  const view = useView();
  const { commitPlayhead, currentAt } = useViewActions();
  const playing = useTimeline((s) => s.playing);
  const speed = useTimeline((s) => s.speed);
  const { setPlaying, setMoving } = useTimeline((s) => s.actions);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = 0;
    let position = currentAt();
    // Replay from the start when at the end or outside the window.
    if (position >= view.to - 1 || position < view.from) position = view.from;
    const tick = (nowMs: number) => {
      position += (nowMs - last) * speed;
      last = nowMs;
      if (position >= view.to - 1) {
        setPlaying(false);
        // The last bucket's start, not the window's last millisecond (which reads as …:59.999).
        commitPlayhead(alignDown(view.to - 1, view.step));
        return;
      }
      setMoving(position);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      const stopped = useTimeline.getState().moving;
      // Stopped (not a speed change): the position becomes the URL's, on a whole second.
      if (stopped !== null && !useTimeline.getState().playing) commitPlayhead(Math.round(stopped / 1000) * 1000);
    };
  }, [playing, speed, view.from, view.to, view.step, setPlaying, setMoving, commitPlayhead, currentAt]);

  const toggle = useCallback(() => setPlaying(!useTimeline.getState().playing), [setPlaying]);
  return { playing, toggle };
}

export function PlaybackBar() {
  const speed = useTimeline((s) => s.speed);
  const setSpeed = useTimeline((s) => s.actions.setSpeed);
  const { playing, toggle } = usePlayback();
  const { step } = useView();
  const nav = usePlayheadNavigation();
  useTimelineKeyboard(nav, toggle);

  return (
    <div className="flex min-h-9 flex-wrap items-center gap-2 border-b border-line bg-panel px-3 py-1 text-xs" data-testid="playback">
      <button type="button" className="btn min-w-[5rem] justify-center whitespace-nowrap" onClick={toggle} data-testid="play-toggle" aria-pressed={playing}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <select className="field" aria-label="Playback speed" data-testid="play-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <div className="flex items-center gap-1">
        <button type="button" className="btn-icon" title="Previous event ([)" aria-label="Previous event" onClick={() => void nav.jump('prev')} data-testid="prev-event">
          ⇤
        </button>
        <button type="button" className="btn-icon" title="Back one bucket (←)" aria-label="Back one bucket" onClick={() => nav.stepBuckets(-1)} data-testid="step-back">
          ‹
        </button>
        <button type="button" className="btn-icon" title="Forward one bucket (→)" aria-label="Forward one bucket" onClick={() => nav.stepBuckets(1)} data-testid="step-forward">
          ›
        </button>
        <button type="button" className="btn-icon" title="Next event (])" aria-label="Next event" onClick={() => void nav.jump('next')} data-testid="next-event">
          ⇥
        </button>
      </div>
      <NotableMoments moments={nav.moments} onWalk={nav.walkMoments} />
      <PinsControl />
      <PlayheadTime />
      <span className="ml-auto hidden truncate whitespace-nowrap text-muted 2xl:inline">
        ←/→ {formatDuration(step)} · Shift ×10 · [ ] events · n/p moments · space play · drag on a chart to zoom
      </span>
    </div>
  );
}

/** The playhead's time, on its own: a scrub frame re-renders this, not the whole bar. */
function PlayheadTime() {
  const { tz } = useView();
  const at = usePlayhead();
  return (
    <span className="whitespace-nowrap font-mono tabular" data-testid="playhead-time">
      {formatDateTime(at, tz, true)}
    </span>
  );
}
