/**
 * The one answer every lane and the inspector get about a kind of event in
 * a window: either all of them, or a page (the newest) and — when a count is
 * known — the exact total. "Is this list cut short?" is decided here and
 * nowhere else; a consumer that needs every event of a cut-short list asks
 * the server for what it needs (density, adjacent-event, count queries).
 */

export interface WindowEvents<T> {
  /** The events loaded, sorted by time (ascending). */
  events: T[];
  /** True when `events` holds every matching event of the window. */
  complete: boolean;
  /** The exact number of matching events in the window: `events.length` when complete, a count query's answer otherwise (null until one is known). */
  total: number | null;
  isPending: boolean;
  error: Error | null;
  retry: () => void;
}

/** How a source tells that more events exist than it returned. */
export type More = { kind: 'cursor'; next: string | null | undefined } | { kind: 'limit'; limit: number };

/** Whether a loaded page is the whole window's list. */
export function pageIsComplete(count: number, more: More): boolean {
  return more.kind === 'cursor' ? !more.next : count < more.limit;
}

export interface SourceState {
  isPending: boolean;
  error: Error | null;
  retry: () => void;
}

/**
 * Builds the answer from what a source returned: `loaded` is null while
 * nothing has arrived. `count` is an exact total from a count query, used
 * when the page is cut short.
 */
export function windowEvents<T>(
  loaded: readonly T[] | null,
  more: More,
  state: SourceState,
  time: (item: T) => number,
  count: number | null = null,
): WindowEvents<T> {
  const events = loaded ? [...loaded].sort((a, b) => time(a) - time(b)) : [];
  const complete = loaded !== null && pageIsComplete(loaded.length, more);
  return { events, complete, total: complete ? events.length : count, isPending: state.isPending, error: state.error, retry: state.retry };
}

/** Several answers as one (e.g. the critical events added to the lane's page): complete only if each is. */
export function mergeWindowEvents<T>(parts: readonly WindowEvents<T>[], key: (item: T) => string, time: (item: T) => number): WindowEvents<T> {
  const byKey = new Map<string, T>();
  for (const part of parts) for (const e of part.events) byKey.set(key(e), e);
  const complete = parts.every((p) => p.complete);
  const events = [...byKey.values()].sort((a, b) => time(a) - time(b));
  return {
    events,
    complete,
    total: complete ? events.length : null,
    isPending: parts.some((p) => p.isPending),
    error: parts.find((p) => p.error)?.error ?? null,
    retry: () => {
      for (const p of parts) if (p.error) p.retry();
    },
  };
}
