import fc from 'fast-check';

/**
 * Generators for the API's parameter grammars. Each yields a value's text and
 * whether the grammar *surely* rejects it (`invalid`): values that may or may
 * not pass (a legal time that lands outside the allowed range, a window too
 * wide together with another parameter) are not marked, so the oracle only
 * claims what it knows independently of the code under test.
 */

export interface Value {
  text: string;
  invalid: boolean;
}

export type Grammar = fc.Arbitrary<Value>;

const valid = (arb: fc.Arbitrary<string>): Grammar => arb.map((text) => ({ text, invalid: false }));
const invalid = (arb: fc.Arbitrary<string>): Grammar => arb.map((text) => ({ text, invalid: true }));
const maybe = valid; // readability: "accepted or not, depending on the rest"

/** Text any parameter may meet: SQL, placeholders, control and bidi characters, emoji, lone surrogates, JSON. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE metrics_events; --",
    '1; DROP TABLE security_events',
    "1' OR '1'='1",
    '{from:String}',
    '{metrics_table:Identifier}',
    '0) UNION ALL SELECT name FROM system.tables --',
    "\\'",
    '\\',
    'nul\u0000byte',
    '\u202eevil',
    '\ud800',
    '日本語',
    '🚀💥',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '0x1F',
    '[]',
    '{}',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    ' ',
    '\t\n',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Any text at all, which a grammar-checked parameter must refuse unless it happens to be well formed. */
const anyText = fc.oneof(hostileText, fc.string({ maxLength: 20 }));

const LATEST_MS = Date.UTC(2250, 0, 1);
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/** Epoch ms inside, at and beyond every limit (1970, 2250, JS Date's range, 15 digits). */
const epochMs: Grammar = fc.oneof(
  valid(fc.integer({ min: 0, max: LATEST_MS - 1 }).map(String)),
  valid(fc.constantFrom('0', String(LATEST_MS - 1), '1709294400000')),
  invalid(fc.constantFrom('-1', String(LATEST_MS), String(LATEST_MS + 1), '8640000000000000', '999999999999999', String(Number.MAX_SAFE_INTEGER))),
  invalid(fc.integer({ min: LATEST_MS, max: Number.MAX_SAFE_INTEGER }).map(String)),
  invalid(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }).map(String)),
  invalid(digits(16, 40)),
  invalid(fc.constantFrom('1e12', '1.5', '+1', '0x10', '1_000')),
);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** ISO 8601 dates and times: well-formed, with impossible fields, with every zone spelling. */
const iso: Grammar = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    time: fc.option(
      fc.record({
        hour: fc.integer({ min: 0, max: 24 }),
        minute: fc.integer({ min: 0, max: 60 }),
        second: fc.option(fc.integer({ min: 0, max: 60 })),
        fraction: fc.option(digits(1, 12)),
        zone: fc.constantFrom('', 'Z', '+00:00', '-05:00', '+0530', '+14:00', '+99:99', 'z', ' UTC'),
        sep: fc.constantFrom('T', ' ', 't'),
      }),
    ),
  })
  .map(({ year, month, day, time }) => {
    let text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    let impossible = month < 1 || month > 12 || day < 1 || day > 31;
    if (time) {
      text += `${time.sep}${pad(time.hour, 2)}:${pad(time.minute, 2)}`;
      if (time.second !== null) text += `:${pad(time.second, 2)}`;
      if (time.fraction !== null && time.second !== null) text += `.${time.fraction}`;
      text += time.zone;
      impossible ||= time.hour > 23 || time.minute > 59 || (time.second ?? 0) > 59 || time.sep === 't' || time.zone === 'z' || time.zone === ' UTC';
      impossible ||= (time.fraction?.length ?? 0) > 9 && time.second !== null;
    }
    // Years before 1970 are legal ISO but outside the API's range: surely refused too.
    return { text, invalid: impossible || year < 1970 || year > 2250 };
  });

const UNITS = ['ms', 's', 'm', 'h', 'd', 'w', 'M', 'y'] as const;
const BAD_UNITS = ['x', 'S', 'H', 'D', 'W', 'Y', 'mo', 'min', 'sec', ''];

/** `now` followed by steps and roundings; amounts up to hundreds of digits; wrong units and signs. */
const relative: Grammar = fc
  .array(
    fc.oneof(
      fc.record({ sign: fc.constantFrom('-', '+'), amount: fc.oneof(fc.constant(''), digits(1, 3), digits(4, 30), digits(300, 400)), unit: fc.constantFrom(...UNITS) })
        .map(({ sign, amount, unit }) => ({ text: `${sign}${amount}${unit}`, bad: false })),
      fc.constantFrom(...UNITS).map((unit) => ({ text: `/${unit}`, bad: false })),
      fc.record({ sign: fc.constantFrom('-', '+', '*', '--', ''), amount: digits(0, 3), unit: fc.constantFrom(...BAD_UNITS) })
        .filter(({ sign, amount, unit }) => !(['-', '+'].includes(sign) && UNITS.includes(unit as (typeof UNITS)[number])) && (sign !== '' || amount + unit !== ''))
        .map(({ sign, amount, unit }) => ({ text: `${sign}${amount}${unit}`, bad: true })),
      fc.constantFrom('/', '/x', '-1.5h', '-1e3s').map((text) => ({ text, bad: true })),
    ),
    { maxLength: 5 },
  )
  .chain((ops) =>
    fc.constantFrom(' ', '', '  ').map((space) => {
      const text = `${space}now${ops.map((op) => op.text).join('')}${space}`;
      return { text, invalid: ops.some((op) => op.bad) || text.length > 64 };
    }),
  );

/** Times in every spelling the API reads (Grafana's grammar), and their near misses. */
export const time: Grammar = fc.oneof(
  { arbitrary: epochMs, weight: 3 },
  { arbitrary: iso, weight: 3 },
  { arbitrary: relative, weight: 4 },
  { arbitrary: invalid(fc.constantFrom('', 'now-', 'now()', 'today', 'yesterday', '2024-03-01T', '2024/03/01', 'now-15 m')), weight: 1 },
  { arbitrary: maybe(anyText), weight: 1 },
);

/** Durations: plain ms, decimal amounts with units, overflowing amounts, wrong units. */
export const duration: Grammar = fc.oneof(
  valid(digits(1, 9)),
  maybe(fc.record({ amount: fc.oneof(digits(1, 6), fc.tuple(digits(1, 4), digits(1, 4)).map(([a, b]) => `${a}.${b}`)), unit: fc.constantFrom('ms', 's', 'm', 'h', 'd', 'w') }).map(({ amount, unit }) => amount + unit)),
  maybe(digits(12, 20)), // a valid spelling, surely out of every route's bounds except via overflow checks
  invalid(fc.constantFrom('', '-5m', '5 m', '5M', '5y', '1e3', 'NaN', 'Infinity', '5min', '.5s', '5.s')),
  invalid(digits(21, 40)), // longer than 20 characters
  maybe(anyText),
);

/** Decimal integers inside and around `[min, max]`, and things that are not integers. */
export function integer(min: number, max: number): Grammar {
  return fc.oneof(
    valid(fc.integer({ min, max }).map(String)),
    valid(fc.constantFrom(String(min), String(max))),
    invalid(fc.constantFrom(String(min - 1), String(max + 1), String(Number.MAX_SAFE_INTEGER), '9'.repeat(21), '1.0', '1e3', '+1', ' 1', '0x10', '')),
    invalid(fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }).map(String)),
    invalid(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: min - 1 }).map(String)),
    maybe(anyText),
  );
}

/** Decimal numbers inside and around `[min, max]`. */
export function decimal(min: number, max: number): Grammar {
  return fc.oneof(
    valid(fc.double({ min, max, noNaN: true }).map((n) => n.toFixed(3))),
    valid(fc.constantFrom(String(min), String(max))),
    invalid(fc.constantFrom(String(max + 1), String(min - 1), 'NaN', 'Infinity', '1e2', '.5', '5.', '', '0,5')),
    maybe(anyText),
  );
}

/** One word of a closed set, its near misses (case, padding, prefix) and anything else. */
export function choice(values: readonly string[]): Grammar {
  return fc.oneof(
    valid(fc.constantFrom(...values)),
    invalid(fc.constantFrom(...values).chain((v) => fc.constantFrom(v.toUpperCase(), ` ${v}`, `${v}x`, v.slice(1), `${v}\u0000`)).filter((v) => !values.includes(v))),
    maybe(anyText),
  );
}

/** A free name (metric, service, severity…): any text under the length limit is legal. */
export const name: Grammar = fc.oneof(
  valid(fc.constantFrom('order_latency_ms', 'orders_total', 'cpu_utilization', 'coinbase', 'order-gateway', 'critical', 'auth_failure')),
  maybe(hostileText),
  invalid(fc.integer({ min: 257, max: 2_000 }).map((n) => 'n'.repeat(n))),
);

/** `key:value` label filters. */
export const label: Grammar = fc.oneof(
  valid(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !k.includes(':')), fc.string({ maxLength: 12 })).map(([k, v]) => `${k}:${v}`)),
  valid(fc.constantFrom('exchange:coinbase', 'exchange:binance', 'exchange:a:b')),
  invalid(fc.constantFrom(':v', '', 'novalue', ':')),
  invalid(fc.string({ maxLength: 20 }).filter((s) => !s.includes(':'))),
  maybe(hostileText),
);

const uuid = fc.uuid();

/** Security-event page cursors: well-formed tokens (of any instant), forged ones, garbage. */
export const cursor: Grammar = fc.oneof(
  maybe(fc.tuple(fc.integer({ min: 0, max: LATEST_MS }), uuid).map(([ts, id]) => Buffer.from(`${ts}:${id}`).toString('base64url'))),
  invalid(fc.string({ maxLength: 30 }).map((s) => Buffer.from(`x${s}`).toString('base64url'))),
  invalid(fc.constantFrom('', '====', 'a'.repeat(101), Buffer.from('1:not-a-uuid').toString('base64url'))),
  maybe(anyText),
);

/** Trace ids: 16–32 hex digits (either case), other lengths, non-hex. */
export const traceId: Grammar = fc.oneof(
  valid(fc.integer({ min: 16, max: 32 }).chain((n) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`)))),
  valid(fc.constant('4bf92f3577b34da6a3ce929d0e0e4736')),
  invalid(fc.integer({ min: 0, max: 15 }).chain((n) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`)))),
  invalid(fc.integer({ min: 33, max: 80 }).chain((n) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`)))),
  invalid(fc.constantFrom('g'.repeat(16), '4bf92f3577b34da6-a3ce929d0e0e4736', '0x4bf92f3577b34da6')),
  maybe(anyText),
);

/** `true`/`false`/`1`/`0` and their near misses. */
export const flag: Grammar = choice(['true', 'false', '1', '0']);

/** A source-IP filter: IPv4/IPv6 addresses, CIDR ranges, prefixes past the family's width, near misses. */
export const ipMatch: Grammar = fc.oneof(
  valid(fc.oneof(fc.ipV4(), fc.ipV6())),
  valid(fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, n]) => `${a}/${n}`)),
  valid(fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, n]) => `${a}/${n}`)),
  invalid(fc.tuple(fc.ipV4(), fc.integer({ min: 33, max: 999 })).map(([a, n]) => `${a}/${n}`)),
  invalid(fc.constantFrom('', '256.0.0.1', '10.0.0', '10.0.0.0/', '/8', '1:2:3', ':::', '10.0.0.0/8/8', "1.2.3.4' OR 1=1")),
  maybe(anyText),
);

/** `key=value` span attribute filters (the key before the first `=`, not blank). */
export const attribute: Grammar = fc.oneof(
  valid(fc.tuple(fc.stringMatching(/^[a-z][a-z.]{0,11}$/), fc.string({ maxLength: 12 })).map(([k, v]) => `${k}=${v}`)),
  valid(fc.constantFrom('http.method=POST', 'order.exchange=coinbase', 'q=a=b')),
  invalid(fc.constantFrom('=v', '', 'novalue', '=', ' =v')),
  invalid(fc.string({ maxLength: 20 }).filter((s) => !s.includes('='))),
  maybe(hostileText),
);
