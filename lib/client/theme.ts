'use client';

import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { DARK_QUERY, THEME_STORAGE_KEY } from './theme-script';

/**
 * Light/dark theme: the user's choice (`light`, `dark`) or the system's
 * (`system`, following `prefers-color-scheme`), kept in localStorage and
 * applied as the `dark` class on <html> (the layout's inline script applies it
 * before the first paint, so there is no flash). An embed may force one
 * (`/embed?theme=dark`, to match the dashboard around it) without touching
 * the stored choice: ThemeOverride.
 */

export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

const ForcedTheme = createContext<Theme | null>(null);
export const ThemeOverride = ForcedTheme.Provider;

function storedChoice(): ThemeChoice {
  if (typeof window === 'undefined') return 'system';
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system'; // storage is refused in some third-party iframes (an embed in Grafana)
  }
}

export const useThemeChoice = create<{ choice: ThemeChoice; setChoice: (c: ThemeChoice) => void }>()((set) => ({
  choice: storedChoice(),
  setChoice: (choice) => {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
    set({ choice });
  },
}));

function subscribeSystem(callback: () => void) {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', callback);
  return () => media.removeEventListener('change', callback);
}

function useSystemTheme(): Theme {
  return useSyncExternalStore(
    subscribeSystem,
    () => (window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'),
    () => 'light',
  );
}

export function useTheme(): Theme {
  const forced = useContext(ForcedTheme);
  const choice = useThemeChoice((s) => s.choice);
  const system = useSystemTheme();
  return forced ?? (choice === 'system' ? system : choice);
}

/** Keeps the <html> class in step with the theme. */
export function useApplyTheme(): Theme {
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
