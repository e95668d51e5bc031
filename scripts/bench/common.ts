/**
 * What every benchmark step shares: the dataset sizes, the windows and
 * routes measured, percentiles, and the results file each step adds to
 * (bench-results/<size>.json, merged by key).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Seed options giving about 1e6 / 1e7 / 1e8 metric rows (30 days, or 7 for the smallest: the regular series alone fill 1.1 M rows a month). */
export const SIZES: Record<string, { days: number; scale: number }> = {
  '1e6': { days: 7, scale: 0.0626 },
  '1e7': { days: 30, scale: 0.1757 },
  '1e8': { days: 30, scale: 1.845 },
};

const M = 60_000;
const H = 60 * M;
export const WINDOWS: Record<string, number> = { '15m': 15 * M, '6h': 6 * H, '24h': 24 * H, '7d': 7 * 24 * H, '30d': 30 * 24 * H };

/** The routes measured per window: the timeline's first screen, the grouped panel and the pickers. */
export interface Scenario {
  id: string;
  window: string;
  path: string;
  query: Record<string, string | number | string[]>;
  /** The file under scripts/bench/grafana/ a Grafana panel would run for the same chart. */
  grafana: string;
}

/** Grafana's $__interval for a panel ~1200 px wide, the same point budget as the route's default. */
export function grafanaStepSeconds(windowMs: number): number {
  return Math.max(1, Math.ceil(windowMs / 1200 / 1000));
}

export function scenarios(end: number): Scenario[] {
  return Object.entries(WINDOWS).flatMap(([window, span]) => {
    const range = { from: end - span, to: end };
    return [
      { id: `series p50/p95/p99 ${window}`, window, path: '/api/series', query: { ...range, metric: 'order_latency_ms', agg: ['p50', 'p95', 'p99'] }, grafana: 'series_quantiles' },
      { id: `series p95 by exchange ${window}`, window, path: '/api/series', query: { ...range, metric: 'order_latency_ms', agg: 'p95', groupBy: 'exchange' }, grafana: 'series_grouped' },
      { id: `density ${window}`, window, path: '/api/density', query: { ...range, buckets: 200 }, grafana: 'density' },
      { id: `catalog ${window}`, window, path: '/api/catalog', query: range, grafana: 'catalog' },
      { id: `traces ${window}`, window, path: '/api/traces', query: range, grafana: 'traces' },
    ];
  });
}

/**
 * BENCH_ONLY=<regular expression>: only the scenarios whose id matches (a
 * targeted run, e.g. `BENCH_ONLY='density 30d'`); their figures replace
 * those of the same ids in the results file and the rest are kept.
 */
export function selected(list: Scenario[]): { list: Scenario[]; keep: (previous: unknown) => Record<string, unknown> } {
  const only = process.env.BENCH_ONLY;
  if (!only) return { list, keep: () => ({}) };
  const pattern = new RegExp(only);
  return { list: list.filter((s) => pattern.test(s.id)), keep: (previous) => ({ ...(previous as Record<string, unknown> | undefined) }) };
}

export function search(query: Scenario['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, String(x));
  return params.toString();
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export const timing = (ms: number[]): Timing => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length });

export const RESULTS_DIR = path.join(process.cwd(), 'bench-results');

export function resultsFile(size: string): string {
  return path.join(RESULTS_DIR, `${size}.json`);
}

export function readResults(size: string): Record<string, unknown> {
  const file = resultsFile(size);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/**
 * Merges `part` into the size's results file, with the machine's 1/5/15-minute
 * load averages as each part was written (`loadAverages`): figures from a busy
 * machine are not comparable with an idle one's, so the report prints them.
 */
export function writeResults(size: string, part: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const previous = readResults(size);
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  const loadAverages = { ...(previous.loadAverages as Record<string, number[]> | undefined), ...Object.fromEntries(Object.keys(part).map((key) => [key, load])) };
  writeFileSync(resultsFile(size), `${JSON.stringify({ ...previous, ...part, loadAverages }, null, 2)}\n`);
}

export function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined && fallback === undefined) throw new Error(`--${name} is required`);
  return value ?? (fallback as string);
}
