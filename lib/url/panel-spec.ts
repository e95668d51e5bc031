import { AGGREGATIONS, type Aggregation } from '@/lib/api/types';

/**
 * A metric panel as the URL carries it: one `panel` parameter per panel,
 *
 *   panel=<metric>;<agg>[,<agg>…][;@<groupBy>][;<key>:<value>]…
 *
 * e.g. `panel=order_latency_ms;p50,p95,p99` or
 * `panel=order_latency_ms;p99;@symbol;exchange:coinbase`. Fields are
 * percent-escaped only where they would clash with the grammar (`%`, `;`,
 * `,`, and `:`/`@` in keys), so common values stay readable; a value may hold
 * `:`, `&` or any unicode (the URL layer encodes what it must).
 */

export interface LabelFilter {
  key: string;
  value: string;
}

export interface PanelSpec {
  metric: string;
  aggs: Aggregation[];
  groupBy?: string;
  filters: LabelFilter[];
}

const MAX_AGGS = 4;
const MAX_FILTERS = 10;
const MAX_FIELD = 200;

function escapeValue(text: string): string {
  return text.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/,/g, '%2C');
}

function escapeKey(text: string): string {
  return escapeValue(text).replace(/:/g, '%3A').replace(/^@/, '%40');
}

function unescape(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function isAggregation(value: string): value is Aggregation {
  return (AGGREGATIONS as readonly string[]).includes(value);
}

/** The panel's one-line spelling; also its identity (two equal specs are one panel). */
export function encodePanel(spec: PanelSpec): string {
  const fields = [escapeKey(spec.metric), spec.aggs.join(',')];
  if (spec.groupBy) fields.push(`@${escapeKey(spec.groupBy)}`);
  for (const f of spec.filters) fields.push(`${escapeKey(f.key)}:${escapeValue(f.value)}`);
  return fields.join(';');
}

/** The spec a `panel` value names, or null when it is malformed. */
export function decodePanel(text: string): PanelSpec | null {
  const [rawMetric, rawAggs, ...rest] = text.split(';');
  const metric = rawMetric === undefined ? null : unescape(rawMetric);
  if (!metric || metric.length > MAX_FIELD || rawAggs === undefined) return null;
  const aggs = rawAggs.split(',');
  if (aggs.length === 0 || aggs.length > MAX_AGGS || !aggs.every(isAggregation)) return null;
  if (new Set(aggs).size !== aggs.length) return null;
  const spec: PanelSpec = { metric, aggs, filters: [] };
  for (const field of rest) {
    if (field.startsWith('@')) {
      const key = unescape(field.slice(1));
      if (!key || spec.groupBy !== undefined || key.length > MAX_FIELD) return null;
      spec.groupBy = key;
      continue;
    }
    const colon = field.indexOf(':');
    if (colon <= 0) return null;
    const key = unescape(field.slice(0, colon));
    const value = unescape(field.slice(colon + 1));
    if (!key || value === null || key.length > MAX_FIELD || value.length > MAX_FIELD) return null;
    spec.filters.push({ key, value });
  }
  if (spec.filters.length > MAX_FILTERS) return null;
  return spec;
}

export function panelsEqual(a: PanelSpec, b: PanelSpec): boolean {
  return encodePanel(a) === encodePanel(b);
}

/** A short human title: `order_latency_ms p50/p95/p99 by symbol {exchange=coinbase}`. */
export function panelTitle(spec: PanelSpec): string {
  const by = spec.groupBy ? ` by ${spec.groupBy}` : '';
  const filters = spec.filters.length ? ` {${spec.filters.map((f) => `${f.key}=${f.value}`).join(', ')}}` : '';
  return `${spec.metric} ${spec.aggs.join('/')}${by}${filters}`;
}
