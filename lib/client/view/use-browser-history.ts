'use client';

import { useSyncExternalStore } from 'react';

/**
 * The window history is the browser's: each window change is a history entry
 * (actions.ts), and the toolbar's back/forward walk it. Whether there is
 * somewhere to go comes from the Navigation API where the browser has it
 * (else both stay enabled, as the browser's own buttons would).
 */

/** The part of the Navigation API used (not in TypeScript's DOM types yet); it lists this origin's entries only. */
interface NavigationLike extends EventTarget {
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
}

function navigation(): NavigationLike | null {
  if (typeof window === 'undefined') return null;
  return (window as unknown as { navigation?: NavigationLike }).navigation ?? null;
}

function subscribe(onChange: () => void): () => void {
  const nav = navigation();
  nav?.addEventListener('currententrychange', onChange);
  return () => nav?.removeEventListener('currententrychange', onChange);
}

export function useBrowserHistory() {
  const canBack = useSyncExternalStore(subscribe, () => navigation()?.canGoBack ?? true, () => false);
  const canForward = useSyncExternalStore(subscribe, () => navigation()?.canGoForward ?? true, () => false);
  return { canBack, canForward, back: () => window.history.back(), forward: () => window.history.forward() };
}
