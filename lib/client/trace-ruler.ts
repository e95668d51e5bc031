/**
 * The waterfall's time ruler: ticks at offsets from the trace's start, on a
 * "nice" step (1, 2, 2.5 or 5 × a power of ten) chosen so the trace's
 * duration holds at most `maxTicks` intervals. Labels share one unit, the
 * trace's (µs under a millisecond, s from a second), with as many decimals as
 * the step needs, so neighbouring labels never read the same.
 */

export interface RulerTick {
  /** Milliseconds after the trace's start. */
  offsetMs: number;
  /** Position along the trace's duration, 0..1. */
  fraction: number;
  label: string;
}

const MULTIPLIERS = [1, 2, 2.5, 5, 10];

/** The smallest nice step that cuts `totalMs` into at most `maxTicks` intervals. */
export function rulerStep(totalMs: number, maxTicks: number): number {
  if (!(totalMs > 0) || maxTicks < 1) return 1;
  const raw = totalMs / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiplier = MULTIPLIERS.find((m) => m * power >= raw * (1 - 1e-9)) ?? 10;
  return multiplier * power;
}

/** Decimals needed to write multiples of `step` (in some unit) exactly: 2.5 → 1, 0.25 → 2, 20 → 0. */
function decimalsOf(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 6;
}

export function rulerLabel(offsetMs: number, stepMs: number, totalMs: number): string {
  if (offsetMs === 0) return '0';
  const [scale, unit] = totalMs < 1 ? [1000, 'µs'] : totalMs < 1000 ? [1, 'ms'] : [1 / 1000, 's'];
  return `${(offsetMs * scale).toFixed(decimalsOf(stepMs * scale))} ${unit}`;
}

export function rulerTicks(totalMs: number, maxTicks = 6): RulerTick[] {
  if (!(totalMs > 0)) return [{ offsetMs: 0, fraction: 0, label: '0' }];
  const step = rulerStep(totalMs, maxTicks);
  const ticks: RulerTick[] = [];
  // Multiplying (not adding) keeps float error from accumulating along the ruler.
  for (let i = 0; i * step <= totalMs * (1 + 1e-9); i++) {
    const offsetMs = i * step;
    ticks.push({ offsetMs, fraction: Math.min(1, offsetMs / totalMs), label: rulerLabel(offsetMs, step, totalMs) });
  }
  return ticks;
}
