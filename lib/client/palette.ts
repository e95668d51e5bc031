import type { Theme } from './theme';

/** Colours the charts draw with (canvas needs concrete values, not CSS variables). */

export interface ChartPalette {
  text: string;
  muted: string;
  axis: string;
  grid: string;
  background: string;
  series: string[];
  severity: Record<string, string>;
  anomaly: string;
  error: string;
  ok: string;
}

const SERIES_LIGHT = ['#2563eb', '#d97706', '#dc2626', '#059669', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
const SERIES_DARK = ['#60a5fa', '#fbbf24', '#f87171', '#34d399', '#a78bfa', '#22d3ee', '#f472b6', '#a3e635'];

export function chartPalette(theme: Theme): ChartPalette {
  const dark = theme === 'dark';
  return {
    text: dark ? '#e5e7eb' : '#1f2937',
    muted: dark ? '#9ca3af' : '#6b7280',
    axis: dark ? '#4b5563' : '#d1d5db',
    grid: dark ? '#1f2937' : '#f1f5f9',
    background: 'transparent',
    series: dark ? SERIES_DARK : SERIES_LIGHT,
    severity: dark
      ? { info: '#60a5fa', warning: '#fbbf24', critical: '#f87171' }
      : { info: '#3b82f6', warning: '#d97706', critical: '#dc2626' },
    anomaly: dark ? '#e879f9' : '#c026d3',
    error: dark ? '#f87171' : '#dc2626',
    ok: dark ? '#34d399' : '#059669',
  };
}

const SERVICE_COLORS = ['#2563eb', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c'];

/** A stable colour for any service name: its hash picks from the palette (no list of known services). */
export function serviceColor(service: string): string {
  let hash = 0;
  for (const ch of service) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return SERVICE_COLORS[hash % SERVICE_COLORS.length] ?? '#6b7280';
}
