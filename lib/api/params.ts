import 'server-only';
import { z } from 'zod';
import { readLimits } from '@/lib/config';
import { parseTime } from '@/lib/time/datemath';
import { formatDuration, parseDuration } from '@/lib/time/units';

/**
 * Request parameters shared by the routes. Each rejects with a message that
 * says what to send instead; none lets a value reach SQL unparsed.
 */

const MAX_TEXT = 256;
const LATEST_TIME_MS = Date.UTC(2250, 0, 1);

/** A parameter that must appear at most once, as text of sane length. */
export const text = (max = MAX_TEXT) =>
  z.string({
    error: (issue) => (issue.input === undefined ? 'is required' : Array.isArray(issue.input) ? 'give this parameter once' : 'must be text'),
  })
    .max(max, `must be at most ${max} characters`);

/**
 * The request's clock while its parameters are parsed: every `now` in them
 * means this one instant. A route builds its schema once, not per request
 * (building a zod object schema compiles its parser, about a millisecond
 * against 20 µs for a parse), so the clock cannot be a closure; parsing is
 * synchronous, which scopes it to the one call.
 */
let requestNow: number | undefined;

/** `schema.safeParse(raw)` with `now` as the request's clock. */
export function parseParams<S extends z.ZodType>(schema: S, raw: unknown, now: number): z.ZodSafeParseResult<z.output<S>> {
  const outer = requestNow;
  requestNow = now;
  try {
    return schema.safeParse(raw);
  } finally {
    requestNow = outer;
  }
}

function clock(): number {
  if (requestNow === undefined) throw new Error('a time parameter was parsed outside parseParams, without a request clock');
  return requestNow;
}

/**
 * A time in Grafana's grammar, resolved against the request's clock (`roundUp`
 * for window ends). The API rounds `/d` on UTC days; the UI resolves times in
 * the viewer's zone before it calls the API.
 */
export function time(roundUp = false) {
  return text(64).transform((value, ctx) => {
    const parsed = parseTime(value, { now: clock(), roundUp });
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    // ClickHouse's DateTime64 cannot hold times before 1970 here or past 2262 (nanosecond spans).
    if (parsed.ms < 0 || parsed.ms >= LATEST_TIME_MS) {
      ctx.addIssue({ code: 'custom', message: 'must be a time between 1970-01-01 and 2250-01-01' });
      return z.NEVER;
    }
    return parsed.ms;
  });
}

/** Both ends of a window, `from` inclusive and `to` exclusive, in epoch ms. */
export function window(defaults: { from: string; to: string } = { from: 'now-1h', to: 'now' }) {
  return z
    .object({
      from: time().prefault(defaults.from),
      to: time(true).prefault(defaults.to),
    })
    .superRefine((w, ctx) => {
      const { maxWindowMs } = readLimits();
      if (w.from >= w.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
      else if (w.to - w.from > maxWindowMs) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `the window may span at most ${formatDuration(maxWindowMs)}` });
      }
    });
}

/** An integer in [min, max], from its decimal text. */
export function integer(min: number, max: number) {
  return text(20)
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);
}

/** A finite decimal number in [min, max]. */
export function decimal(min: number, max: number) {
  return text(32)
    .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);
}

/** A duration such as `30s`, `5m` or plain milliseconds. */
export function duration(minMs: number, maxMs: number) {
  return text(20).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration such as 500 (ms), 30s, 5m or 1h' });
      return z.NEVER;
    }
    if (ms < minMs || ms > maxMs) {
      ctx.addIssue({ code: 'custom', message: `must be between ${formatDuration(minMs)} and ${formatDuration(maxMs)}` });
      return z.NEVER;
    }
    return ms;
  });
}

/** A parameter that may repeat (`x=a&x=b`), at most `max` times. */
export function repeated<T extends z.ZodType<unknown, string>>(item: T, max: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(max, `may be given at most ${max} times`));
}

export interface LabelFilter {
  key: string;
  value: string;
}

/** `label=exchange:coinbase` (repeatable; all must match). The value may itself hold `:`. */
export const labelFilters = repeated(
  text().transform((raw, ctx): LabelFilter => {
    const colon = raw.indexOf(':');
    if (colon <= 0) {
      ctx.addIssue({ code: 'custom', message: 'each label must be key:value, e.g. instance:web-1' });
      return z.NEVER;
    }
    return { key: raw.slice(0, colon), value: raw.slice(colon + 1) };
  }),
  20,
).optional();

export const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** One of a closed set of words, given once. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return text(64).pipe(z.enum(values, { error: `must be one of ${values.join(', ')}` }));
}

/** A repeatable choice (`agg=p50&agg=p99`), deduplicated in order, at most `max` of them. */
export function choices<const T extends readonly [string, ...string[]]>(values: T, max: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(z.array(choice(values)).max(max, `may be given at most ${max} times`));
}

/** A repeatable name (`metric=a&metric=b`), deduplicated, at most `max` of them. */
export function names(max: number, missing = 'is required') {
  return z
    .union([z.string(), z.array(z.string())], { error: missing })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(z.array(text()).max(max, `may be given at most ${max} times`));
}

/** Like `names` but optional: absent means "all" (an empty list). */
export function optionalNames(max: number) {
  return names(max).optional().transform((v) => v ?? []);
}
