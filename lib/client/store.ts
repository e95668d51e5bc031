import { create } from 'zustand';

/**
 * Client-only view state. The URL owns what a link must reproduce (window,
 * committed playhead, tz, panels, filters, selected trace: lib/url/view-state.ts);
 * this store owns what changes too often or means nothing in a link:
 *
 * - `now`: the clock reading relative windows resolve against, fixed per view
 *   so every panel asks for the same window (refreshed on demand, never while rendering);
 * - `playhead`: the live playhead, moved every frame while dragging or playing
 *   and written to the URL when it rests;
 * - `hover`: the crosshair instant shared by all panels;
 * - playback, the overview's context window, the window history, the pan step.
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

interface TimelineState {
  now: number;
  playhead: number | null;
  hover: number | null;
  dragging: boolean;
  playing: boolean;
  speed: Speed;
  panStep: PanStep;
  /** The overview strip's range while the view is zoomed inside it. */
  context: TimeWindow | null;
  past: TimeWindow[];
  future: TimeWindow[];
  actions: {
    refreshNow: () => void;
    setPlayhead: (t: number | null) => void;
    setHover: (t: number | null) => void;
    setDragging: (dragging: boolean) => void;
    setPlaying: (playing: boolean) => void;
    setSpeed: (speed: Speed) => void;
    setPanStep: (step: PanStep) => void;
    setContext: (context: TimeWindow | null) => void;
    /** Records `previous` before the window changes; clears the forward list. */
    recordWindow: (previous: TimeWindow) => void;
    /** Moves one step back/forward; returns the window to show, or null. */
    travel: (direction: 'back' | 'forward', current: TimeWindow) => TimeWindow | null;
  };
}

const HISTORY_LIMIT = 50;

export const useTimeline = create<TimelineState>()((set, get) => ({
  now: Date.now(),
  playhead: null,
  hover: null,
  dragging: false,
  playing: false,
  speed: 60,
  panStep: 'half',
  context: null,
  past: [],
  future: [],
  actions: {
    refreshNow: () => set({ now: Date.now() }),
    setPlayhead: (playhead) => set({ playhead }),
    setHover: (hover) => set({ hover }),
    setDragging: (dragging) => set({ dragging }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    setPanStep: (panStep) => set({ panStep }),
    setContext: (context) => set({ context }),
    recordWindow: (previous) => {
      const past = get().past;
      const last = past[past.length - 1];
      if (last && last.from === previous.from && last.to === previous.to) return;
      set({ past: [...past, previous].slice(-HISTORY_LIMIT), future: [] });
    },
    travel: (direction, current) => {
      const { past, future } = get();
      if (direction === 'back') {
        const target = past[past.length - 1];
        if (!target) return null;
        set({ past: past.slice(0, -1), future: [current, ...future] });
        return target;
      }
      const [target, ...rest] = future;
      if (!target) return null;
      set({ future: rest, past: [...past, current] });
      return target;
    },
  },
}));
