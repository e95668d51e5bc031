import { create } from 'zustand';

/**
 * Client-only view state: what no link needs. The URL owns everything a link
 * reopens — window, playhead (`at`), zone, panels, filters, pins, selected
 * trace (lib/url/view-state.ts) — and the browser owns the window history
 * (the toolbar's back/forward call it). This store holds only:
 *
 * - `now`: the clock reading relative windows resolve against, fixed per view
 *   so every panel asks for the same window (refreshed on demand, never while rendering);
 * - `moving`: a playhead move in progress (a scrub or playback), drawn
 *   instead of the URL's playhead until it is committed to the URL, then null —
 *   at rest there is no second copy of the playhead;
 * - `hover`: the crosshair instant shared by all panels;
 * - preferences that mean nothing in a link: playback speed, the pan step.
 *
 * Components subscribe with selectors (`useTimeline((s) => s.hover)`), so a
 * playhead move re-renders only what draws the playhead.
 */

export type Speed = 1 | 10 | 60 | 600;
export const SPEEDS: readonly Speed[] = [1, 10, 60, 600];

export interface TimeWindow {
  from: number;
  to: number;
}

export type PanStep = 'half' | number;

export interface TimelineState {
  now: number;
  moving: number | null;
  hover: number | null;
  playing: boolean;
  speed: Speed;
  panStep: PanStep;
  actions: {
    refreshNow: () => void;
    /** Moves the in-progress playhead (null ends the move; the URL's playhead shows again). */
    setMoving: (t: number | null) => void;
    setHover: (t: number | null) => void;
    setPlaying: (playing: boolean) => void;
    setSpeed: (speed: Speed) => void;
    setPanStep: (step: PanStep) => void;
  };
}

export const useTimeline = create<TimelineState>()((set) => ({
  now: Date.now(),
  moving: null,
  hover: null,
  playing: false,
  speed: 60,
  panStep: 'half',
  actions: {
    refreshNow: () => set({ now: Date.now() }),
    setMoving: (moving) => set({ moving }),
    setHover: (hover) => set({ hover }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    setPanStep: (panStep) => set({ panStep }),
  },
}));
