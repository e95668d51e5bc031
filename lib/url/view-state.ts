import {
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsFloat,
  parseAsNativeArrayOf,
  parseAsStringLiteral,
  type inferParserType,
} from 'nuqs/server';
import { SECURITY_GROUPS, SEVERITIES } from '@/lib/api/types';
import { formatIpMatch, parseIpMatch } from '@/lib/filters/ip-match';
import { parseDuration } from '@/lib/time/units';
import { formatAttributeFilter, parseAttributeFilter, type AttributeFilter } from '@/lib/filters/attribute-filter';
import { parseTime } from '@/lib/time/datemath';
import { isValidTimeZone } from '@/lib/time/zoned';
import type { BaselineSpec } from '@/lib/changes/baseline';
import { parseCompare, serializeCompare } from './compare';
import { decodePanel, encodePanel, panelsEqual, type LabelFilter, type PanelSpec } from './panel-spec';
import { parseAsPin } from './pins';

/**
 * The view state the URL owns — one parser map shared by the page, the
 * components and (later) link builders. Defaults are never written to the URL,
 * so a link holds only what differs from the default view.
 *
 *   from, to   window: epoch ms, ISO 8601 or Grafana's relative grammar (now-6h, now/d)
 *   at         playhead: same grammar (written as epoch ms)
 *   tz         UTC (default), `browser`, or an IANA zone name
 *   panel      one per metric panel (see panel-spec.ts); absent = panels chosen from the window's
 *              catalog (lib/client/default-panels.ts), never written until the user changes them
 *   label      key:value, repeatable: a label filter applied to every metric panel
 *   trace      the selected trace (its waterfall is open)
 *   sev, etype, minThreat   security-event filters (empty = all)
 *   pin        <epoch ms>[:<note>], repeatable: moments marked for the post-mortem (pins.ts)
 *   maxThreat, ip, ssvc, sact   more of them: threat ceiling, source address or CIDR range, services, actions
 *   sgroup     the security table grouped by sourceIp, eventType, service or action
 *   tservice, toperation, tstatus, tmin, tattr   trace filters: service, operation, ok/error,
 *              minimum duration (500ms, 2s), attribute=value (repeatable; all must match)
 *   compare    compare mode's baseline: previous, -1h/-1d/-7d, or <from>~<to> (compare.ts)
 *
 * `/embed` reads a few more keys (embed-state.ts).
 */

// A day: after an incident, the last 24 hours usually hold it (the demo's incidents lie 6 h and 15 h back).
export const DEFAULT_FROM = 'now-24h';
export const DEFAULT_TO = 'now';
export const DEFAULT_TZ = 'UTC';
export const BROWSER_TZ = 'browser';

// Grammar check only: whether the text is a time at all (the window is resolved later, once per view).
const GRAMMAR_NOW = Date.UTC(2000, 0, 1);

export const parseAsTimeText = createParser<string>({
  parse: (value) => (value.length <= 64 && parseTime(value, { now: GRAMMAR_NOW }).ok ? value.trim() : null),
  serialize: (value) => value,
});

export const parseAsTimeZone = createParser<string>({
  parse: (value) => (value === BROWSER_TZ || (value.length <= 64 && isValidTimeZone(value)) ? value : null),
  serialize: (value) => value,
});

export const parseAsPanel = createParser<PanelSpec>({
  parse: decodePanel,
  serialize: encodePanel,
  eq: panelsEqual,
});

// As the API takes them: OpenTelemetry trace ids, 16 or 32 hex digits.
const TRACE_ID = /^[0-9a-fA-F]{16,32}$/;

export const parseAsTraceId = createParser<string>({
  parse: (value) => (TRACE_ID.test(value) ? value : null),
  serialize: (value) => value,
});

/** `label=exchange:coinbase`: a filter every metric panel applies (as Grafana data links pass a series label). */
export const parseAsLabelFilter = createParser<LabelFilter>({
  parse: (value) => {
    const colon = value.indexOf(':');
    if (colon <= 0 || value.length > 400) return null;
    return { key: value.slice(0, colon), value: value.slice(colon + 1) };
  },
  serialize: (f) => `${f.key}:${f.value}`,
  eq: (a, b) => a.key === b.key && a.value === b.value,
});

const parseAsThreat = createParser<number>({
  parse: (value) => {
    const n = parseAsFloat.parse(value);
    return n !== null && n >= 0 && n <= 1 ? n : null;
  },
  serialize: (value) => String(value),
});

const EVENT_TYPE = /^[\w.:-]{1,64}$/;

export const parseAsCompare = createParser<BaselineSpec>({
  parse: parseCompare,
  serialize: serializeCompare,
  eq: (a, b) => serializeCompare(a) === serializeCompare(b),
});

const parseAsEventType = createParser<string>({
  parse: (value) => (EVENT_TYPE.test(value) ? value : null),
  serialize: (value) => value,
});

export const parseAsIpMatch = createParser<string>({
  parse: (value) => {
    const match = parseIpMatch(value);
    return match ? formatIpMatch(match) : null;
  },
  serialize: (value) => value,
});

const NAME = /^[^,]{1,200}$/;

const parseAsName = createParser<string>({
  parse: (value) => (NAME.test(value) ? value : null),
  serialize: (value) => value,
});

/** A minimum duration in ms, written as the user typed it (`500ms`, `2s`). */
const parseAsMinDuration = createParser<number>({
  parse: (value) => {
    const ms = parseDuration(value);
    return ms !== undefined && ms > 0 && ms <= 86_400_000 ? ms : null;
  },
  serialize: (ms) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`),
});

export const parseAsAttributeFilter = createParser<AttributeFilter>({
  parse: parseAttributeFilter,
  serialize: formatAttributeFilter,
  eq: (a, b) => a.key === b.key && a.value === b.value,
});

export const TRACE_STATUS_FILTERS = ['ok', 'error'] as const;

export const viewParsers = {
  // No default: a link without `from` opens on the data's last 24 hours when they lie before now-24h (resolve.ts).
  from: parseAsTimeText,
  to: parseAsTimeText.withDefault(DEFAULT_TO),
  at: parseAsTimeText,
  tz: parseAsTimeZone.withDefault(DEFAULT_TZ),
  // Empty = the defaults, which follow the data (chosen from its catalog by the view provider).
  panel: parseAsNativeArrayOf(parseAsPanel),
  label: parseAsNativeArrayOf(parseAsLabelFilter),
  trace: parseAsTraceId,
  sev: parseAsArrayOf(parseAsStringLiteral(SEVERITIES)).withDefault([]),
  etype: parseAsArrayOf(parseAsEventType).withDefault([]),
  minThreat: parseAsThreat,
  pin: parseAsNativeArrayOf(parseAsPin),
  maxThreat: parseAsThreat,
  ip: parseAsIpMatch,
  ssvc: parseAsArrayOf(parseAsName).withDefault([]),
  sact: parseAsArrayOf(parseAsName).withDefault([]),
  sgroup: parseAsStringLiteral(SECURITY_GROUPS),
  tservice: parseAsName,
  toperation: parseAsName,
  tstatus: parseAsStringLiteral(TRACE_STATUS_FILTERS),
  tmin: parseAsMinDuration,
  tattr: parseAsNativeArrayOf(parseAsAttributeFilter),
  compare: parseAsCompare,
};

export type ViewParams = inferParserType<typeof viewParsers>;

/** Writes a view to a query string (defaults left out), e.g. for deep links and tests. */
export const serializeView = createSerializer(viewParsers);

export const VIEW_KEYS = Object.keys(viewParsers) as (keyof typeof viewParsers)[];

export interface UrlIssue {
  key: string;
  value: string;
  message: string;
}

const invalid = (key: string, value: string): UrlIssue => ({ key, value, message: `"${key}=${value.slice(0, 60)}" is not valid and was ignored` });

function validEventTypes(raw: string): boolean {
  return raw.split(',').every((t) => EVENT_TYPE.test(t));
}

/**
 * What in a query string the view cannot use: unknown keys, and values that
 * fail their parser (those fall back to the default). The page shows these as
 * a notice instead of failing. One entry per offending key=value pair (an
 * empty message for repeats of an unknown key). A page that reads more keys
 * (`/embed`) passes their parsers as `extra`, so they are checked too.
 */
export function findUrlIssues(search: URLSearchParams, extra: Readonly<Record<string, { parse: (value: string) => unknown }>> = {}): UrlIssue[] {
  const issues: UrlIssue[] = [];
  const seen = new Set<string>();
  for (const [key, value] of search.entries()) {
    const known = (VIEW_KEYS as string[]).includes(key);
    const extraParser = Object.hasOwn(extra, key) ? extra[key] : undefined;
    if (!known && extraParser) {
      if (extraParser.parse(value) === null) issues.push(invalid(key, value));
      continue;
    }
    if (!known) {
      issues.push({ key, value, message: seen.has(key) ? '' : `unknown parameter "${key}" was ignored` });
      seen.add(key);
      continue;
    }
    const bad = (() => {
      switch (key as keyof typeof viewParsers) {
        case 'from':
        case 'to':
        case 'at':
          return parseAsTimeText.parse(value) === null;
        case 'tz':
          return parseAsTimeZone.parse(value) === null;
        case 'panel':
          return value !== '' && decodePanel(value) === null;
        case 'label':
          return parseAsLabelFilter.parse(value) === null;
        case 'trace':
          return parseAsTraceId.parse(value) === null;
        case 'sev':
          return value !== '' && value.split(',').some((s) => !(SEVERITIES as readonly string[]).includes(s));
        case 'etype':
          return value !== '' && !validEventTypes(value);
        case 'minThreat':
        case 'maxThreat':
          return parseAsThreat.parse(value) === null;
        case 'pin':
          return parseAsPin.parse(value) === null;
        case 'ip':
          return parseAsIpMatch.parse(value) === null;
        case 'ssvc':
        case 'sact':
          return value !== '' && value.split(',').some((v) => parseAsName.parse(v) === null);
        case 'sgroup':
          return !(SECURITY_GROUPS as readonly string[]).includes(value);
        case 'tservice':
        case 'toperation':
          return parseAsName.parse(value) === null;
        case 'tstatus':
          return !(TRACE_STATUS_FILTERS as readonly string[]).includes(value);
        case 'tmin':
          return parseAsMinDuration.parse(value) === null;
        case 'tattr':
          return parseAsAttributeFilter.parse(value) === null;
        case 'compare':
          return parseCompare(value) === null;
      }
    })();
    if (bad) issues.push(invalid(key, value));
  }
  return issues;
}
