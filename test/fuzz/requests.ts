import fc from 'fast-check';
import { hostileText, type Value } from './grammar';
import type { FuzzRoute, ParamSpec } from './routes';

/**
 * Whole requests for one route, generated from its declared parameters:
 * each parameter absent, given once or repeated; unknown parameters; values
 * percent-encoded byte by byte (so lone surrogates and NUL survive), some with
 * broken escapes; now and then a huge value. `mustFail` says the request is
 * surely invalid (400) by the grammar alone.
 */

export interface FuzzRequest {
  /** The raw query string, without `?`. */
  query: string;
  pathParams: Record<string, string>;
  mustFail: boolean;
  /** Why it must fail, for the failure message. */
  reason?: string;
}

interface Pair {
  key: string;
  value: string;
  claim: boolean;
}

/** Percent-encodes UTF-8 bytes, as a browser would (lone surrogates become U+FFFD). */
function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const BROKEN_ESCAPES = ['%', '%z', '%zz', '%E2%82', '%C0%AF', '%ED%A0%80', '%FF', '+', '%2', '%%41'];
const HUGE = { text: 'x'.repeat(100_000), invalid: true };

/** An encoding of a value: usually faithful, sometimes with a broken escape (the decoded value is then unknown). */
const encoded = (value: Value) =>
  fc.oneof(
    { arbitrary: fc.constant({ raw: encode(value.text), claim: value.invalid }), weight: 12 },
    { arbitrary: fc.constantFrom(...BROKEN_ESCAPES).map((junk) => ({ raw: encode(value.text) + junk, claim: false })), weight: 1 },
  );

/**
 * How a parameter appears. In a clean request (about half of them) values come
 * from the grammar's well-formed part, so that many requests get past
 * validation and reach ClickHouse; otherwise anything goes.
 */
function occurrences(spec: ParamSpec, clean: boolean): fc.Arbitrary<Value[]> {
  const max = spec.repeatable?.max ?? 1;
  if (clean) {
    const good = spec.grammar.filter((v) => !v.invalid);
    return fc.oneof(
      { arbitrary: fc.constant<Value[]>([]), weight: spec.required ? 0 : 1 },
      { arbitrary: fc.array(good, { minLength: 1, maxLength: max }), weight: 3 },
    );
  }
  return fc.oneof(
    { arbitrary: fc.constant<Value[]>([]), weight: spec.required ? 20 : 60 },
    { arbitrary: spec.grammar.map((v) => [v]), weight: 160 },
    { arbitrary: fc.array(spec.grammar, { minLength: 2, maxLength: max + 2 }), weight: 40 },
    { arbitrary: fc.constant<Value[]>([HUGE]), weight: 1 },
  );
}

const unknownKeys = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'FROM', 'from ', 'query', 'param_x', ''), fc.string({ maxLength: 12 }));

export function requests(route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  const entries = Object.entries(route.params);
  const known = new Set(entries.map(([key]) => key));
  const perParam = (clean: boolean) => entries.map(([key, spec]) => occurrences(spec, clean).map((values) => ({ key, spec, values })));
  return fc
    .record({
      params: fc.boolean().chain((clean) => fc.tuple(...perParam(clean))),
      unknown: fc.array(fc.tuple(unknownKeys.filter((k) => !known.has(k)), hostileText), { maxLength: 2 }),
      shuffle: fc.boolean(),
    })
    .chain(({ params, unknown, shuffle }) => {
      let mustFail = false;
      const reasons: string[] = [];
      const pathParams: Record<string, string> = {};
      const valuePairs: fc.Arbitrary<Pair>[] = [];
      for (const { key, spec, values } of params) {
        if (spec.inPath) {
          // A path segment is always there (the router matched it); an absent one is the empty string.
          const value = values[0] ?? { text: '', invalid: true };
          pathParams[key] = value.text;
          if (value.invalid) {
            mustFail = true;
            reasons.push(`${key} is invalid`);
          }
          continue;
        }
        if (values.length === 0 && spec.required) {
          mustFail = true;
          reasons.push(`${key} is missing`);
        }
        const max = spec.repeatable?.max ?? 1;
        if (new Set(values.map((v) => v.text)).size > max) {
          mustFail = true;
          reasons.push(`${key} is given more than ${max} times`);
        }
        for (const value of values) valuePairs.push(encoded(value).map(({ raw, claim }) => ({ key, value: raw, claim })));
      }
      for (const [key, text] of unknown) valuePairs.push(fc.constant({ key: encode(key), value: encode(text), claim: false }));
      return fc.tuple(...valuePairs).map((pairs) => {
        const failing = pairs.filter((p) => p.claim);
        const ordered = shuffle ? [...pairs].reverse() : pairs;
        return {
          query: ordered.map((p) => `${p.key}=${p.value}`).join('&'),
          pathParams,
          mustFail: mustFail || failing.length > 0,
          reason: [...reasons, ...failing.map((p) => `${p.key} is invalid`)].join('; ') || undefined,
        };
      });
    });
}
