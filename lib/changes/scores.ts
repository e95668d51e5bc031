/**
 * The scores of "what changed", as pure functions (no I/O), so each can be
 * checked against values worked out by hand. Every score is on one scale, a
 * chi-square-like statistic with one degree of freedom: a G statistic for
 * counts, the square of a robust z for metric levels. The same threshold
 * then means the same surprise whatever the signal (25 ≈ p < 1e-6, or a
 * level 5 baseline spreads away), and rows of different signals can be
 * ranked together.
 */

/** A row is listed only when its score reaches this (|z| ≥ 5, or G ≥ 25). */
export const SCORE_THRESHOLD = 25;

/** Added to every count, so an absent value (0) is "less than one" rather than impossible, and tiny counts score modestly. */
export const PSEUDO_COUNT = 0.5;

/** Counts: the rate or share must also move at least this many times, so a huge sample cannot list a trivial move. */
export const MIN_RATIO = 2;

/** Metrics: the level must also move by at least this fraction of the baseline's level (when that level is not ~0). */
export const MIN_RELATIVE_MOVE = 0.05;

/**
 * Metrics: the spread never counts as less than this fraction of the
 * baseline's level, so a flat baseline (a gauge that is always 1) does not
 * divide by zero and a wobble of 1 % is not a 100σ event.
 */
export const SPREAD_FLOOR = 0.05;

/** Scores are capped here so that JSON stays finite (a constant series that moves has an infinite z). */
export const MAX_SCORE = 1e9;

/** The MAD of a normal sample is 0.6745 σ; dividing by it gives a z on the usual scale. */
const MAD_TO_SIGMA = 1.4826;

const xlogx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/**
 * G statistic (log-likelihood ratio) of a 2×2 table, each cell plus
 * `pseudo`: rows window / baseline, columns "has the property" / "has not".
 * G = 2 Σ O ln(O / E), E from the margins. 0 when the table is empty.
 */
export function gTest2x2(windowYes: number, windowNo: number, baseYes: number, baseNo: number, pseudo = PSEUDO_COUNT): number {
  const [a, b, c, d] = [windowYes + pseudo, windowNo + pseudo, baseYes + pseudo, baseNo + pseudo];
  const n = a + b + c + d;
  if (n <= 0) return 0;
  const [windowN, baseN, yesN, noN] = [a + b, c + d, a + c, b + d];
  const g = xlogx(a, (windowN * yesN) / n) + xlogx(b, (windowN * noN) / n) + xlogx(c, (baseN * yesN) / n) + xlogx(d, (baseN * noN) / n);
  return Math.max(0, 2 * g);
}

export interface RateChange {
  /** Events per ms in the window and in the baseline, pseudo-counts included. */
  windowRate: number;
  baselineRate: number;
  /** windowRate / baselineRate. */
  ratio: number;
  g: number;
}

/**
 * Did a count's rate change between two spans of time of different lengths?
 * Given k = a + b events, each falls in the window with probability
 * W / (W + L) if the rate did not change; G compares a, b (plus pseudo-counts)
 * with that split.
 */
export function rateChange(windowCount: number, windowMs: number, baselineCount: number, baselineMs: number, pseudo = PSEUDO_COUNT): RateChange {
  const a = windowCount + pseudo;
  const b = baselineCount + pseudo;
  const share = windowMs / (windowMs + baselineMs);
  const k = a + b;
  const g = Math.max(0, 2 * (xlogx(a, k * share) + xlogx(b, k * (1 - share))));
  const windowRate = a / windowMs;
  const baselineRate = b / baselineMs;
  return { windowRate, baselineRate, ratio: windowRate / baselineRate, g };
}

export interface ShareChange {
  /** Shares with pseudo-counts: (yes + p) / (n + 2p). */
  windowShare: number;
  baselineShare: number;
  ratio: number;
  g: number;
}

/** Did the share of spans with a property (failed, slow) change? The 2×2 G-test of yes/no × window/baseline. */
export function shareChange(windowYes: number, windowTotal: number, baselineYes: number, baselineTotal: number, pseudo = PSEUDO_COUNT): ShareChange {
  const windowShare = (windowYes + pseudo) / (windowTotal + 2 * pseudo);
  const baselineShare = (baselineYes + pseudo) / (baselineTotal + 2 * pseudo);
  return {
    windowShare,
    baselineShare,
    ratio: windowShare / baselineShare,
    g: gTest2x2(windowYes, windowTotal - windowYes, baselineYes, baselineTotal - baselineYes, pseudo),
  };
}

export interface LevelChange {
  /** The spread the move is measured in (see levelChange). */
  spread: number;
  /** (window median − baseline median) / spread, within ±√MAX_SCORE (a move from a spread of 0 is that limit). */
  z: number;
  /** z², capped: the score on the common scale. */
  score: number;
  /** Whether the move is also large relative to the level (see MIN_RELATIVE_MOVE). */
  material: boolean;
}

/**
 * How the baseline's bucket means differ over a lag: at 1 bucket (step) and
 * at `lag` buckets, median and MAD. They tell how a series drifts with time:
 * a series scattering around a level differs as much at any lag, a random
 * walk (a running total) by √lag more, a slow wave in between.
 */
export interface Drift {
  stepMad: number;
  /** How many steps the baseline had (its buckets − 1). */
  steps: number;
  lag: number;
  lagMedian: number;
  lagMad: number;
  /** Buckets from the baseline's centre to the window's. */
  gapBuckets: number;
  /** The window's own level and step MADs (a wandering series may look settled on one side only). */
  windowMad?: number;
  windowStepMad?: number;
}

/**
 * A series' level persists (a wave, a running total) when its differences
 * grow with the lag at least as lag^PERSISTENT_GROWTH, or when its levels
 * spread at least PERSISTENT_SPREAD times as much as its steps (noise
 * around a level: about 0.7 times); see driftSpread.
 */
export const PERSISTENT_GROWTH = 0.2;
export const PERSISTENT_SPREAD = 1.5;

/**
 * How much a series may drift over the gap on its own: its lagged
 * differences' spread, grown from `lag` to the gap as lag^H with H between 0
 * (no growth: noise around a level) and 0.5 (a random walk) as measured
 * between lag 1 and `lag`; or its lagged differences' median carried over
 * the gap (a steady trend), whichever is larger. A baseline much shorter
 * than the gap measures H and the trend poorly, so a series whose level
 * persists (its levels' MAD `levelMad` against its steps', on either side, or
 * H) may also drift as a random walk of its
 * own steps (σ √gap), give or take the error of a trend estimated from
 * `steps` of them carried over the gap (σ gap / √steps).
 */
export function driftSpread(d: Drift, levelMad = 0): number {
  if (d.lag < 2) return 0;
  const growth = d.stepMad > 0 && d.lagMad > 0 ? Math.log(d.lagMad / d.stepMad) / Math.log(d.lag) : d.lagMad > 0 ? 0.5 : 0;
  const h = Math.max(0, Math.min(0.5, growth));
  const gap = Math.max(1, Math.abs(d.gapBuckets));
  const scatter = MAD_TO_SIGMA * d.lagMad * Math.pow(gap / d.lag, h);
  const sigma = MAD_TO_SIGMA * d.stepMad;
  const windowPersists = d.windowMad !== undefined && d.windowStepMad !== undefined && d.windowMad >= PERSISTENT_SPREAD * d.windowStepMad;
  const persists = h >= PERSISTENT_GROWTH || levelMad >= PERSISTENT_SPREAD * d.stepMad || windowPersists;
  const walk = persists ? Math.hypot(sigma * Math.sqrt(gap), (sigma * gap) / Math.sqrt(Math.max(1, d.steps))) : 0;
  const trend = (Math.abs(d.lagMedian) * gap) / d.lag;
  return Math.max(scatter, walk, trend);
}

/**
 * How far a metric's level moved, in units of the spread the baseline
 * shows: the largest of 1.4826 × the MAD of its bucket values, SPREAD_FLOOR ×
 * its level, and how far it drifts on its own over the gap (driftSpread),
 * so comparing two hours of a running total does not always find a move.
 */
export function levelChange(baselineMedian: number, baselineMad: number, windowMedian: number, drift?: Drift): LevelChange {
  const spread = Math.max(MAD_TO_SIGMA * baselineMad, SPREAD_FLOOR * Math.abs(baselineMedian), drift ? driftSpread(drift, baselineMad) : 0);
  const move = windowMedian - baselineMedian;
  const limit = Math.sqrt(MAX_SCORE);
  const z = spread > 0 ? Math.max(-limit, Math.min(limit, move / spread)) : move === 0 ? 0 : Math.sign(move) * limit;
  return {
    spread,
    z,
    score: Math.min(MAX_SCORE, z * z),
    material: Math.abs(move) >= MIN_RELATIVE_MOVE * Math.abs(baselineMedian),
  };
}

/** A count score as listed: capped, and zero unless the move is an increase of at least MIN_RATIO. */
export function increaseScore(change: { ratio: number; g: number }): number {
  return change.ratio >= MIN_RATIO ? Math.min(MAX_SCORE, change.g) : 0;
}

/** The median of a list (mean of the middle two when even); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
