import 'server-only';
import { z } from 'zod';
import { text } from '@/lib/api/params';

/**
 * Parameter builders the routes share on top of `lib/api/params.ts`: a
 * closed choice, and lists of names (`metric=a&metric=b`).
 */

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
