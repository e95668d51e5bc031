import { SECURITY_GROUPS, type Change, type SecurityChange, type SecurityGroup } from '@/lib/api/types';
import { SCORE_THRESHOLD, increaseScore, rateChange } from './scores';
import type { Exposure } from './rank';

/**
 * Which listed rows are explained by others, so the list can open on what
 * happened and put what followed from it after. Every score says how sure
 * a move is, not whether it is the cause: a service that took a burst of
 * attacks scores higher than each attacking address, a metric that moved
 * alike on every exchange higher than the one broken venue. A row is
 * *explained* when more specific listed rows account for it:
 *
 * - security: a value whose change lies inside other listed values (of
 *   other fields) and is gone once their events are taken out — a service
 *   or an action that holds the burst of a few source IPs (see
 *   explainSecurity);
 * - a metric row of one whole service (`{service=S}`) when rows about parts
 *   of S are listed: a metric of S's own singling out a label value, or
 *   S's spans;
 * - a metric that moved alike in every series (the whole-metric row, or
 *   the detector flagging every value of one of its labels) when rows that
 *   single out where are listed: a move everywhere follows from one
 *   somewhere.
 * Pure, so each rule can be checked against hand-computed cases.
 */

/** The fields in the order a finding is told when two name the same events: who, what, where, the response. */
const FIELD_ORDER: Record<SecurityGroup, number> = Object.fromEntries(SECURITY_GROUPS.map((g, i) => [g, i])) as Record<SecurityGroup, number>;

/** Events carrying a combination of listed values ('' where a field's value is not listed), counted per side. */
export interface SecurityCell {
  values: Record<SecurityGroup, string>;
  windowCount: number;
  baselineCount: number;
}

type Predicate = (cell: SecurityCell) => boolean;

const carries = (row: SecurityChange): Predicate => (cell) => cell.values[row.field] === row.value;

/**
 * Security values explained by others. For listed values X and Y of
 * different fields, X lies inside Y when X's events outside Y did not
 * change (their rate would not be listed); the two are one finding when
 * each lies inside the other, told by the field that comes first (source
 * IP, event type, service, action). Y is explained when the values lying
 * inside it (not counting one it is the same finding as and comes before)
 * leave nothing listed once their events are taken out of Y's. Returns,
 * per explained row, the rows explaining it, strongest first.
 */
export function explainSecurity(rows: readonly SecurityChange[], cells: readonly SecurityCell[], exposure: Exposure): Map<SecurityChange, SecurityChange[]> {
  const changed = (pick: Predicate) => {
    let window = 0;
    let baseline = 0;
    for (const c of cells) {
      if (!pick(c)) continue;
      window += c.windowCount;
      baseline += c.baselineCount;
    }
    return increaseScore(rateChange(window, exposure.windowMs, baseline, exposure.baselineMs)) >= SCORE_THRESHOLD;
  };
  const inside = (x: SecurityChange, y: SecurityChange) => !changed((c) => carries(x)(c) && !carries(y)(c));
  const explained = new Map<SecurityChange, SecurityChange[]>();
  for (const y of rows) {
    const parts = rows.filter(
      (x) => x.field !== y.field && inside(x, y) && !(FIELD_ORDER[x.field] > FIELD_ORDER[y.field] && inside(y, x)),
    );
    if (parts.length === 0) continue;
    if (!changed((c) => carries(y)(c) && !parts.some((x) => carries(x)(c)))) explained.set(y, [...parts].sort((a, b) => b.score - a.score));
  }
  return explained;
}

/** What the metric rows' series say about each metric: its services and the values of each label key. */
export interface MetricShape {
  services: ReadonlySet<string>;
  keys: ReadonlyMap<string, ReadonlySet<string>>;
}

export type MetricShapes = ReadonlyMap<string, MetricShape>;

/** Whether a metric has several series of some label: then its whole-metric row is a move everywhere. */
function hasSiblings(shape: MetricShape | undefined): boolean {
  return shape !== undefined && [...shape.keys.values()].some((values) => values.size >= 2);
}

/** A row that tells where: one label value, one operation (or an attribute value of it), one security value. */
function singlesOut(c: Change): boolean {
  switch (c.signal) {
    case 'metric':
      return c.label !== null;
    case 'spans':
    case 'security':
      return true;
    case 'anomaly':
      return Object.keys(c.context).length > 0;
  }
}

/** Rows about a part of service S: S's spans, or a metric only S reports singling out one of its label values. */
function partOf(service: string, c: Change, shapes: MetricShapes): boolean {
  if (c.signal === 'spans') return c.service === service;
  if (c.signal !== 'metric' || c.label === null || c.label.key === 'service') return false;
  const services = shapes.get(c.metric)?.services;
  return services !== undefined && services.size === 1 && services.has(service);
}

/** Anomaly rows that flag every value of one label of their metric (two at least): the metric moving everywhere. */
function flaggedEverywhere(changes: readonly Change[], shapes: MetricShapes): Set<Change> {
  const out = new Set<Change>();
  const anomalies = changes.filter((c) => c.signal === 'anomaly');
  for (const [metric, shape] of shapes) {
    for (const [key, values] of shape.keys) {
      if (values.size < 2 || key === 'service') continue;
      const flagged = anomalies.filter((a) => a.metric === metric && a.action.kind === 'panel' && a.action.labels.some((l) => l.key === key));
      const covered = new Set(flagged.flatMap((a) => (a.action.kind === 'panel' ? a.action.labels.filter((l) => l.key === key).map((l) => l.value) : [])));
      if ([...values].every((v) => covered.has(v))) for (const a of flagged) out.add(a);
    }
  }
  return out;
}

/**
 * Per listed row, the rows that explain it (none: it is a finding). The
 * security rows' explanations come from explainSecurity (they need the
 * overlap counts); the others follow from the rows themselves and the
 * metrics' shapes.
 */
export function explainRows(changes: readonly Change[], shapes: MetricShapes, security: ReadonlyMap<SecurityChange, SecurityChange[]>): Map<Change, Change[]> {
  const explained = new Map<Change, Change[]>(security);
  const everywhere = flaggedEverywhere(changes, shapes);
  const broad = (c: Change) => everywhere.has(c) || (c.signal === 'metric' && c.label === null && hasSiblings(shapes.get(c.metric)));
  for (const c of changes) {
    if (c.signal !== 'metric' || c.label?.key !== 'service') continue;
    const service = c.label.value;
    const parts = changes.filter((p) => p !== c && partOf(service, p, shapes));
    if (parts.length > 0) explained.set(c, parts);
  }
  const where = changes.filter((c) => singlesOut(c) && !broad(c) && !explained.has(c));
  for (const c of changes) if (broad(c) && where.length > 0) explained.set(c, where);
  for (const [row, by] of explained) explained.set(row, [...by].sort((a, b) => b.score - a.score));
  return explained;
}

/** The shapes of the metrics in the series read: services from the `service` key, values per other key. */
export function metricShapes(series: readonly { metric: string; key: string; value: string }[]): Map<string, MetricShape> {
  const shapes = new Map<string, { services: Set<string>; keys: Map<string, Set<string>> }>();
  for (const s of series) {
    if (s.key === '') continue;
    const shape = shapes.get(s.metric) ?? { services: new Set<string>(), keys: new Map<string, Set<string>>() };
    shapes.set(s.metric, shape);
    if (s.key === 'service') shape.services.add(s.value);
    const values = shape.keys.get(s.key) ?? new Set<string>();
    values.add(s.value);
    shape.keys.set(s.key, values);
  }
  return shapes;
}
