/** Grafana-style quick ranges: each is a relative window the URL keeps as text. */

export interface QuickRange {
  key: string;
  label: string;
  from: string;
  to: string;
}

const last = (amount: string, label: string): QuickRange => ({ key: `last-${amount}`, label: `Last ${label}`, from: `now-${amount}`, to: 'now' });

export const QUICK_RANGES: readonly QuickRange[] = [
  last('5m', '5 minutes'),
  last('15m', '15 minutes'),
  last('30m', '30 minutes'),
  last('1h', '1 hour'),
  last('3h', '3 hours'),
  last('6h', '6 hours'),
  last('12h', '12 hours'),
  last('24h', '24 hours'),
  last('2d', '2 days'),
  last('7d', '7 days'),
  last('30d', '30 days'),
  { key: 'today', label: 'Today so far', from: 'now/d', to: 'now' },
  { key: 'yesterday', label: 'Yesterday', from: 'now-1d/d', to: 'now-1d/d' },
];

export function quickRangeLabel(from: string, to: string): string | null {
  return QUICK_RANGES.find((r) => r.from === from && r.to === to)?.label ?? null;
}
