import type { DensityBucket } from '@/lib/api/types';

/**
 * Notable moments: where in a window something happened, from the engine's
 * per-bucket counts (the density answer — counted in ClickHouse, a few
 * hundred buckets whatever the rows). A bucket is notable by how far its
 * anomalies, critical security events and failed spans rise above the
 * window's own mean (so a steady background of failed spans is not news);
 * adjacent notable buckets (a gap of one allowed) form one moment, ranked by
 * their summed score. The moment's instant is its peak bucket.
 */

export interface Moment {
  /** The peak bucket's start: where the playhead goes. */
  at: number;
  /** The moment's extent [from, to). */
  from: number;
  to: number;
  score: number;
  anomalies: number;
  critical: number;
  errorSpans: number;
}

/** Anomalies are the detector's verdicts: they weigh most; a critical event next; a failed span least. */
const WEIGHTS = { anomalies: 3, critical: 2, errorSpans: 1 } as const;
/** Below this a bucket is background. */
const MIN_BUCKET_SCORE = 1;
/** Below this a moment is noise (a few failed spans more than usual). */
const MIN_MOMENT_SCORE = 3;
export const MOMENTS_SHOWN = 10;

type Kind = keyof typeof WEIGHTS;
const KINDS = Object.keys(WEIGHTS) as Kind[];
const count = (b: DensityBucket, kind: Kind) => (kind === 'critical' ? b.security.critical : b[kind]);

export function bucketScores(buckets: readonly DensityBucket[]): number[] {
  const n = Math.max(1, buckets.length);
  const mean = Object.fromEntries(KINDS.map((k) => [k, buckets.reduce((s, b) => s + count(b, k), 0) / n])) as Record<Kind, number>;
  return buckets.map((b) => KINDS.reduce((s, k) => s + (WEIGHTS[k] * Math.max(0, count(b, k) - mean[k])) / (mean[k] + 1), 0));
}

export function notableMoments(buckets: readonly DensityBucket[], step: number, limit = MOMENTS_SHOWN): Moment[] {
  const scores = bucketScores(buckets);
  const moments: Moment[] = [];
  let current: (Moment & { peak: number }) | null = null;
  let gap = 0;
  buckets.forEach((b, i) => {
    const score = scores[i] ?? 0;
    if (score < MIN_BUCKET_SCORE) {
      if (current && ++gap > 1) {
        moments.push(current);
        current = null;
      }
      return;
    }
    gap = 0;
    if (!current) current = { at: b.t, from: b.t, to: b.t + step, score: 0, anomalies: 0, critical: 0, errorSpans: 0, peak: -1 };
    current.to = b.t + step;
    current.score += score;
    current.anomalies += b.anomalies;
    current.critical += b.security.critical;
    current.errorSpans += b.errorSpans;
    if (score > current.peak) {
      current.peak = score;
      current.at = b.t;
    }
  });
  if (current) moments.push(current);
  return moments
    .map(({ at, from, to, score, anomalies, critical, errorSpans }) => ({ at, from, to, score, anomalies, critical, errorSpans }))
    .filter((m) => m.score >= MIN_MOMENT_SCORE)
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, limit);
}

/** The start of the last bucket holding any event, or null for an empty window. */
export function lastEventBucket(buckets: readonly DensityBucket[]): number | null {
  for (let i = buckets.length - 1; i >= 0; i--) {
    const b = buckets[i];
    if (b && (b.spans > 0 || b.anomalies > 0 || b.security.info + b.security.warning + b.security.critical > 0)) return b.t;
  }
  return null;
}

/** What a moment holds, in words: "4 anomalies · 120 critical events · 35 failed spans". */
export function describeMoment(m: Pick<Moment, 'anomalies' | 'critical' | 'errorSpans'>): string {
  const parts: string[] = [];
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  if (m.anomalies > 0) parts.push(plural(m.anomalies, 'anomaly', 'anomalies'));
  if (m.critical > 0) parts.push(plural(m.critical, 'critical event', 'critical events'));
  if (m.errorSpans > 0) parts.push(plural(m.errorSpans, 'failed span', 'failed spans'));
  return parts.join(' · ');
}
