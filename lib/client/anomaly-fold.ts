import type { Anomaly, Labels } from '@/lib/api/types';

/**
 * Anomaly verdicts as the UI lists them: one entry per series and run, not
 * one per evaluated point. A detector that flags a series minute after
 * minute would otherwise fill a list with identical-looking rows; verdicts
 * of the same series (metric + its labels) that follow each other within
 * `gapMs` fold into one run with its first and last time, how many points it
 * holds and its peak (the largest |deviation|).
 *
 * A verdict's context mixes the series' labels with the detector's own
 * settings; the keys below are the detector's (common names across
 * detectors), everything else is taken for a label of the series.
 */

const DETECTOR_KEYS = new Set(['detector', 'method', 'model', 'algorithm', 'aggregate', 'window', 'threshold', 'baseline', 'sensitivity']);

export interface AnomalyRun {
  /** Stable across reloads: the series and the run's first time. */
  key: string;
  metric: string;
  /** The series' labels (`exchange: coinbase`). */
  series: Labels;
  /** The detector's settings (`detector: zscore`, `window: 120m`). */
  detector: Labels;
  first: number;
  last: number;
  count: number;
  /** The verdict with the largest |deviation| of the run. */
  peak: Anomaly;
}

export function splitContext(context: Labels): { series: Labels; detector: Labels } {
  const series: Labels = {};
  const detector: Labels = {};
  for (const [k, v] of Object.entries(context)) (DETECTOR_KEYS.has(k) ? detector : series)[k] = v;
  return { series, detector };
}

/** `exchange=coinbase, region=eu` (keys sorted): how a series is named in one line. */
export function seriesName(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(', ');
}

/** Runs sorted by first time (ascending). */
export function foldAnomalies(anomalies: readonly Anomaly[], gapMs: number): AnomalyRun[] {
  const sorted = [...anomalies].sort((a, b) => a.timestamp - b.timestamp);
  const open = new Map<string, AnomalyRun>();
  const runs: AnomalyRun[] = [];
  for (const a of sorted) {
    const { series, detector } = splitContext(a.context);
    const id = `${a.metric}\u0000${seriesName(series)}`;
    const run = open.get(id);
    if (run && a.timestamp - run.last <= gapMs) {
      run.last = a.timestamp;
      run.count += 1;
      if (Math.abs(a.deviationScore) > Math.abs(run.peak.deviationScore)) run.peak = a;
      continue;
    }
    const next: AnomalyRun = { key: `${id}\u0000${a.timestamp}`, metric: a.metric, series, detector, first: a.timestamp, last: a.timestamp, count: 1, peak: a };
    open.set(id, next);
    runs.push(next);
  }
  return runs;
}
