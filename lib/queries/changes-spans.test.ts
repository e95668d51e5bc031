import { beforeAll, describe, expect, it } from 'vitest';
import type { SpanRow } from '@/lib/clickhouse/ingest-rows';
import { observeQueries, type QueryStatistics } from '@/lib/clickhouse/query';
import { testEngine } from '@/test/engine';
import { insertRows, spanRow } from '@/test/fixtures/rows';
import { random } from '@/test/fixtures/random';
import { spanCells, type ChangesQuery, type SpanCellRow } from './changes';

/**
 * The span cells of "what changed" read three ways on the same windows: raw
 * spans only, the per-minute and hourly rollups with raw spans at the edges
 * (neither window starts or ends on a minute), and computed here from the
 * spans as generated. All three must agree exactly; the slow threshold is
 * checked against the exact p95 of the baseline's self times.
 */

testEngine();

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2024, 2, 1, 22);
/** Ten traces every 10 s for 3.5 h; each trace's spans start within 5 s, so none straddles a tier edge. */
const SLOTS = (3.5 * HOUR) / (10 * SECOND);
const EXCHANGES = ['a', 'b', 'c'];

const query: ChangesQuery = {
  baseline: { from: T0 + 7_500, to: T0 + 2 * HOUR + 3 * MINUTE + 17_123 },
  window: { from: T0 + 2 * HOUR + 3 * MINUTE + 17_123, to: T0 + 3 * HOUR + 10 * MINUTE + 41_900 },
  limit: 100,
};

interface Judged {
  start: number;
  service: string;
  operation: string;
  cells: string[];
  failed: boolean;
  selfNs: number;
}

/** The traces, and each span as the definition judges it (own failure, self time), computed from the generator's choices. */
function generate(): { rows: SpanRow[]; judged: Judged[] } {
  const u = random(7);
  const rows: SpanRow[] = [];
  const judged: Judged[] = [];
  for (let slot = 0; slot < SLOTS; slot += 1) {
    for (let k = 0; k < 10; k += 1) {
      const t = T0 + slot * 10 * SECOND + k * 100;
      const exchange = EXCHANGES[(slot + k) % 3] ?? 'a';
      const late = t >= query.window.from;
      const submitFails = u() < (late && exchange === 'c' ? 0.6 : 0.02);
      const submitUs = Math.round((late && exchange === 'b' ? 4000 : 1000) * (0.5 + u()));
      const riskUs = Math.round(300 * (0.5 + u()));
      const rootUs = submitUs + riskUs + Math.round(200 * u());
      const traceId = `t${slot}-${k}`;
      const host = `h${k % 3}`;
      const orderId = `o${slot}-${k}`;
      const resource = { 'host.name': host };
      rows.push(
        { ...spanRow({ traceId, spanId: 'r', t, durationNs: rootUs * 1000, name: 'POST /orders', status: submitFails ? 'Error' : 'Ok', attributes: { exchange, 'order.id': orderId } }), resourceAttributes: resource },
        {
          ...spanRow({ traceId, spanId: 's', parentSpanId: 'r', t: t + 1, durationNs: submitUs * 1000, name: 'exchange.submit', service: 'exchange-adapter', status: submitFails ? 'Error' : 'Ok', attributes: { exchange } }),
          resourceAttributes: resource,
        },
        { ...spanRow({ traceId, spanId: 'k', parentSpanId: 'r', t: t + 2, durationNs: riskUs * 1000, name: 'risk.check', service: 'risk-engine' }), resourceAttributes: resource },
      );
      const cells = (attributes: Record<string, string>) => ['||', ...Object.entries(attributes).map(([key, v]) => `span|${key}|${v}`), `resource|host.name|${host}`];
      judged.push(
        { start: t, service: 'order-gateway', operation: 'POST /orders', cells: cells({ exchange, 'order.id': orderId }), failed: false, selfNs: (rootUs - submitUs - riskUs) * 1000 },
        { start: t + 1, service: 'exchange-adapter', operation: 'exchange.submit', cells: cells({ exchange }), failed: submitFails, selfNs: submitUs * 1000 },
        { start: t + 2, service: 'risk-engine', operation: 'risk.check', cells: cells({}), failed: false, selfNs: riskUs * 1000 },
      );
    }
  }
  return { rows, judged };
}

const selfClass = (ns: number) => (ns > 0 ? Math.floor(4 * Math.log2(ns)) : -1);
const inRange = (t: number, r: { from: number; to: number }) => t >= r.from && t < r.to;

/** The cells as the definition gives them: keys with at most 50 values in the window, slow (and not failed) over the baseline's p95 class. */
function expectedCells(judged: Judged[]) {
  const windowValues = new Map<string, Set<string>>();
  for (const j of judged) {
    if (!inRange(j.start, query.window)) continue;
    for (const cell of j.cells.slice(1)) {
      const [scope, key, value] = cell.split('|');
      const id = `${scope}|${key}`;
      windowValues.set(id, (windowValues.get(id) ?? new Set()).add(value ?? ''));
    }
  }
  const slowClass = new Map<string, number>();
  const exactP95 = new Map<string, number>();
  for (const op of new Set(judged.map((j) => j.operation))) {
    const selfTimes = judged.filter((j) => j.operation === op && inRange(j.start, query.baseline)).map((j) => j.selfNs).sort((a, b) => a - b);
    const kth = selfTimes[Math.ceil(0.95 * selfTimes.length) - 1] ?? 0;
    exactP95.set(op, kth);
    slowClass.set(op, selfClass(kth));
  }
  const out = new Map<string, Omit<SpanCellRow, 'slow_ms'>>();
  for (const j of judged) {
    for (const side of ['window', 'baseline'] as const) {
      if (!inRange(j.start, query[side])) continue;
      for (const cell of j.cells) {
        const [scope = '', key = '', value = ''] = cell.split('|');
        if (scope !== '' && (windowValues.get(`${scope}|${key}`)?.size ?? 0) > 50) continue;
        const id = `${j.operation}|${cell}`;
        const row = out.get(id) ?? {
          service: j.service,
          operation: j.operation,
          scope: scope as SpanCellRow['scope'],
          key,
          value,
          window_spans: 0,
          window_failed: 0,
          window_slow: 0,
          baseline_spans: 0,
          baseline_failed: 0,
          baseline_slow: 0,
        };
        row[`${side}_spans`] += 1;
        if (j.failed) row[`${side}_failed`] += 1;
        if (!j.failed && selfClass(j.selfNs) > (slowClass.get(j.operation) ?? Infinity)) row[`${side}_slow`] += 1;
        out.set(id, row);
      }
    }
  }
  return { cells: [...out.values()].filter((r) => r.window_spans > 0), exactP95 };
}

const byCell = (rows: Omit<SpanCellRow, 'slow_ms'>[]) =>
  [...rows].sort((a, b) => `${a.operation}|${a.scope}|${a.key}|${a.value}`.localeCompare(`${b.operation}|${b.scope}|${b.key}|${b.value}`));
const withoutThreshold = (rows: SpanCellRow[]): Omit<SpanCellRow, 'slow_ms'>[] =>
  rows.map((r) => {
    const cell: Partial<SpanCellRow> = { ...r };
    delete cell.slow_ms;
    return cell as Omit<SpanCellRow, 'slow_ms'>;
  });

async function measured(read: () => Promise<SpanCellRow[]>): Promise<{ rows: SpanCellRow[]; rowsRead: number; arms: QueryStatistics['arms'][] }> {
  const seen: QueryStatistics[] = [];
  const stop = observeQueries((s) => seen.push(s));
  try {
    const rows = await read();
    return { rows, rowsRead: seen.reduce((n, s) => n + s.rowsRead, 0), arms: seen.map((s) => s.arms) };
  } finally {
    stop();
  }
}

describe('what changed, spans: rollups against raw spans', () => {
  let judged: Judged[];
  beforeAll(async () => {
    const generated = generate();
    judged = generated.judged;
    // In slices, as several inserts would arrive (each keeps its traces whole).
    for (let i = 0; i < generated.rows.length; i += 6_000) await insertRows('traces', generated.rows.slice(i, i + 6_000));
  }, 120_000);

  it('gives the cells the definition gives, from raw spans and from the rollups alike', async () => {
    const expected = expectedCells(judged);
    const raw = await measured(() => spanCells(query, { minute: false, hour: false }));
    const tiered = await measured(() => spanCells(query, { minute: true, hour: true }));
    const minuteOnly = await spanCells(query, { minute: true, hour: false });
    expect(byCell(withoutThreshold(raw.rows))).toEqual(byCell(expected.cells));
    expect(byCell(withoutThreshold(tiered.rows))).toEqual(byCell(expected.cells));
    expect(byCell(withoutThreshold(minuteOnly))).toEqual(byCell(expected.cells));
    expect(tiered.rows.map((r) => [r.operation, r.slow_ms])).toEqual(raw.rows.map((r) => [r.operation, r.slow_ms]));
    // The order id (a value per trace, 60 a minute) is crowded out; the exchange splits the operation.
    expect(raw.rows.some((r) => r.key === 'order.id')).toBe(false);
    expect(raw.rows.filter((r) => r.operation === 'exchange.submit' && r.key === 'exchange').map((r) => r.value).sort()).toEqual(EXCHANGES);
  });

  it('reads far fewer rows from the hourly rollup than from the spans', async () => {
    const hours: ChangesQuery = { baseline: { from: T0, to: T0 + 2 * HOUR }, window: { from: T0 + 2 * HOUR, to: T0 + 3 * HOUR }, limit: 100 };
    const raw = await measured(() => spanCells(hours, { minute: false, hour: false }));
    const tiered = await measured(() => spanCells(hours, { minute: true, hour: true }));
    expect(withoutThreshold(tiered.rows)).toEqual(withoutThreshold(raw.rows));
    expect(tiered.rowsRead).toBeLessThan(raw.rowsRead / 2);
    // Whole hours on both sides: the read holds the hourly arm alone (no raw or per-minute arm to plan).
    expect([raw.arms, tiered.arms]).toEqual([[['edges']], [['hours']]]);
  });

  it('puts the slow threshold at the upper edge of the class holding the exact p95 (at most 19 % above it)', async () => {
    const { exactP95 } = expectedCells(judged);
    const rows = await spanCells(query, { minute: true, hour: true });
    for (const [operation, p95] of exactP95) {
      const slowNs = (rows.find((r) => r.operation === operation && r.scope === '')?.slow_ms ?? 0) * 1e6;
      expect(slowNs).toBeGreaterThan(p95);
      expect(slowNs).toBeLessThanOrEqual(p95 * 2 ** 0.25 * (1 + 1e-9));
    }
  });
});
