import { describe, expect, it } from 'vitest';
import { MAX_SCORE, driftSpread, gTest2x2, increaseScore, levelChange, median, rateChange, shareChange } from './scores';

/**
 * Each expected value is worked out by hand from the formula (the
 * arithmetic is in the comment), not by calling the function.
 */

describe('gTest2x2', () => {
  it('is 0 when window and baseline have the same shares', () => {
    expect(gTest2x2(10, 90, 10, 90, 0)).toBeCloseTo(0, 12);
  });

  it('matches the textbook G for a 2×2 table', () => {
    // [[30, 70], [10, 90]]: margins 100/100 and 40/160 of 200, so E = 20, 80, 20, 80.
    // G = 2 (30 ln 1.5 + 70 ln 0.875 + 10 ln 0.5 + 90 ln 1.125) = 2 (12.1640 − 9.3472 − 6.9315 + 10.6004) = 12.9715
    expect(gTest2x2(30, 70, 10, 90, 0)).toBeCloseTo(12.9715, 3);
  });

  it('adds the pseudo-count to every cell, so an empty baseline scores little', () => {
    // [[3.5, 0.5], [0.5, 0.5]]: n = 5, margins 4/1 and 4/1, E = 3.2, 0.8, 0.8, 0.2.
    // G = 2 (3.5 ln(3.5/3.2) + 0.5 ln(0.5/0.8) + 0.5 ln(0.5/0.8) + 0.5 ln(0.5/0.2)) = 2 (0.31361 − 0.23500 − 0.23500 + 0.45815) = 0.60357
    expect(gTest2x2(3, 0, 0, 0)).toBeCloseTo(0.60357, 4);
    expect(gTest2x2(0, 0, 0, 0)).toBeCloseTo(0, 12);
  });
});

describe('rateChange', () => {
  it('scores a value absent from the baseline by the split the lengths predict', () => {
    // 12 in 12 min, 0 in 60 min: a = 12.5, b = 0.5, k = 13, window share 1/6, E = 2.1667 and 10.8333.
    // G = 2 (12.5 ln(12.5/2.1667) + 0.5 ln(0.5/10.8333)) = 2 (21.9074 − 1.5378) = 40.739; ratio (12.5/12)/(0.5/60) = 125
    const change = rateChange(12, 12, 0, 60);
    expect(change.g).toBeCloseTo(40.739, 2);
    expect(change.ratio).toBeCloseTo(125, 9);
    expect(increaseScore(change)).toBeCloseTo(40.739, 2);
  });

  it('gives tiny counts a tiny score', () => {
    // 1 against 0 in equal lengths: a = 1.5, b = 0.5, E = 1 each; G = 2 (1.5 ln 1.5 + 0.5 ln 0.5) = 2 (0.60820 − 0.34657) = 0.52325
    const change = rateChange(1, 60, 0, 60);
    expect(change.g).toBeCloseTo(0.52325, 4);
    expect(change.ratio).toBeCloseTo(3, 9);
  });

  it('does not list a rate that did not at least double, however significant', () => {
    // 20 against 10 without pseudo-counts: E = 15 each; G = 2 (20 ln(4/3) + 10 ln(2/3)) = 2 (5.7536 − 4.0547) = 3.3980
    expect(rateChange(20, 1, 10, 1, 0).g).toBeCloseTo(3.398, 3);
    expect(increaseScore({ ratio: 1.9, g: 1e6 })).toBe(0);
    expect(increaseScore({ ratio: 2, g: 1e12 })).toBe(MAX_SCORE);
  });
});

describe('shareChange', () => {
  it('compares shares with the pseudo-count on each count', () => {
    // 11 of 15 failed against 0 of 70: shares 11.5/16 = 0.71875 and 0.5/71 = 0.0070423, ratio 102.06
    const change = shareChange(11, 15, 0, 70);
    expect(change.windowShare).toBeCloseTo(0.71875, 6);
    expect(change.baselineShare).toBeCloseTo(0.0070423, 6);
    expect(change.ratio).toBeCloseTo(102.06, 1);
    // G of [[11.5, 4.5], [0.5, 70.5]]: n = 87, margins 16/71 and 12/75, E = 2.2069, 13.7931, 9.7931, 61.2069.
    // 2 (11.5 ln(11.5/2.2069) + 4.5 ln(4.5/13.7931) + 0.5 ln(0.5/9.7931) + 70.5 ln(70.5/61.2069)) = 2 (18.983 − 5.040 − 1.487 + 9.965) = 44.84
    expect(change.g).toBeCloseTo(44.843, 2);
  });

  it('has nothing to compare with an empty baseline', () => {
    const change = shareChange(5, 5, 0, 0);
    // shares 5.5/6 and 0.5/1; G of [[5.5, 0.5], [0.5, 0.5]]: n = 7, E = 5.1429, 0.8571, 0.8571, 0.1429
    // 2 (5.5 ln(5.5/5.1429) + 0.5 ln(0.5/0.8571) · 2 + 0.5 ln(0.5/0.1429)) = 2 (0.36916 − 0.53900 + 0.62638) = 0.91307
    expect(change.g).toBeCloseTo(0.91307, 3);
    expect(increaseScore(change)).toBe(0);
  });
});

describe('levelChange', () => {
  it('measures a move in robust spreads of the baseline', () => {
    // median 10, MAD 2: spread 1.4826 × 2 = 2.9652; window 25: z = 15 / 2.9652 = 5.0587, score 25.59
    const change = levelChange(10, 2, 25);
    expect(change.spread).toBeCloseTo(2.9652, 4);
    expect(change.z).toBeCloseTo(5.0587, 3);
    expect(change.score).toBeCloseTo(25.59, 1);
    expect(change.material).toBe(true);
  });

  it('floors the spread of a flat baseline at 5 % of its level', () => {
    // always 1 (MAD 0), then 0: spread 0.05, z = −20, score 400
    const change = levelChange(1, 0, 0);
    expect(change.spread).toBeCloseTo(0.05, 12);
    expect(change.z).toBeCloseTo(-20, 9);
    expect(change.score).toBeCloseTo(400, 6);
  });

  it('caps the move of a series that was exactly 0 and counts no move as none', () => {
    expect(levelChange(0, 0, 0).score).toBe(0);
    const from0 = levelChange(0, 0, 1);
    expect(from0.score).toBeCloseTo(MAX_SCORE, 0);
    expect(from0.z).toBeCloseTo(Math.sqrt(MAX_SCORE), 6);
  });

  it('does not count a large z on a tiny relative move as material', () => {
    // 1000 ± MAD 0.1 to 1020: z = 20 / 0.14826 = 134.9, but the move is 2 % of the level
    const change = levelChange(1000, 0.1, 1020);
    expect(change.spread).toBeCloseTo(50, 9); // 5 % of 1000 outweighs 0.148
    expect(change.material).toBe(false);
  });
});

describe('driftSpread', () => {
  it('grows a random walk as √gap', () => {
    // lag-1 MAD 10, lag-16 MAD 40: H = ln 4 / ln 16 = 0.5; gap 64: 1.4826 · 40 · √(64/16) = 118.608 (= σ √64, σ = 14.826);
    // with the trend's error from 32 steps: hypot(14.826 · 8, 14.826 · 64 / √32) = hypot(118.608, 167.738) = 205.43
    expect(driftSpread({ stepMad: 10, steps: 1e12, lag: 16, lagMedian: 0, lagMad: 40, gapBuckets: 64 })).toBeCloseTo(118.608, 3);
    expect(driftSpread({ stepMad: 10, steps: 32, lag: 16, lagMedian: 0, lagMad: 40, gapBuckets: 64 })).toBeCloseTo(205.43, 1);
  });

  it('does not grow noise around a level', () => {
    // lag-1 and lag-16 MAD both 10: H = 0, spread 14.826; the small trend 2 · 64/16 = 8 is below it
    expect(driftSpread({ stepMad: 10, steps: 32, lag: 16, lagMedian: 2, lagMad: 10, gapBuckets: 64 })).toBeCloseTo(14.826, 3);
  });

  it('carries a steady trend over the gap', () => {
    // median lag-16 difference 50: 50 · 320/16 = 1000, more than the scatter 1.4826 · 10 = 14.8
    expect(driftSpread({ stepMad: 10, steps: 32, lag: 16, lagMedian: 50, lagMad: 10, gapBuckets: -320 })).toBeCloseTo(1000, 6);
  });

  it('lets a series whose levels spread far more than its steps wander, however its lags grew', () => {
    // H = 0 (lag MADs equal), but levels spread 20 against steps 10: a walk, hypot(14.826 · √64, 14.826 · 64 / √32) = 205.43
    expect(driftSpread({ stepMad: 10, steps: 32, lag: 16, lagMedian: 0, lagMad: 10, gapBuckets: 64 }, 20)).toBeCloseTo(205.43, 1);
    expect(driftSpread({ stepMad: 10, steps: 32, lag: 16, lagMedian: 0, lagMad: 10, gapBuckets: 64 }, 7)).toBeCloseTo(14.826, 3);
  });

  it('measures nothing from fewer than two buckets of lag', () => {
    expect(driftSpread({ stepMad: 1, steps: 32, lag: 1, lagMedian: 5, lagMad: 1, gapBuckets: 100 })).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
