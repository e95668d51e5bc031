import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Aggregation, SeriesResponse } from '@/lib/api/types';
import { observeQueries, type QueryStatistics } from '@/lib/clickhouse/query';
import { readTables } from '@/lib/config';
import { testEngine } from '@/test/engine';
import { completeDerivedRollups } from '@/lib/rollups/backfill';
import { fetchAnomalies } from './anomalies';
import { fetchCatalog } from './catalog';
import { fetchDensity } from './density';
import { forgetRollups, metricTiers, NO_ROLLUPS, usableRollups } from './rollups';
import { fetchSeries, type SeriesQuery } from './series';
import { fetchTraces } from './traces';

/**
 * The rollups answer as the raw tables do. The same rows go into the app's
 * tables (whose views fill the rollups) and into plain copies without any
 * rollup; pointing the configuration at the copies makes every query read
 * raw rows. Expected values for exact aggregations are also computed here,
 * from the formula that generated the rows, so neither path checks itself.
 */

const engine = testEngine();

const T0 = Date.UTC(2024, 2, 1);
const N = 100_000;
const GAP_MS = 2600; // N rows over about 72 hours
const M = 60_000;
const H = 3_600_000;
const EXCHANGES = ['a', 'b', 'c'];
const SYMBOLS = ['x', 'y'];

/** Row i of the metric, exactly as the INSERT below computes it. */
function sample(i: number) {
  return {
    t: T0 + i * GAP_MS,
    value: ((i * 7919) % 1000) + 1,
    exchange: EXCHANGES[i % 3] as string,
    symbol: SYMBOLS[Math.floor(i / 3) % 2] as string,
    service: i % 13 === 0 ? 'other' : 'svc',
  };
}
const samples = Array.from({ length: N }, (_, i) => sample(i));

const PLAIN = { metrics: 'plain_metrics', security: 'plain_security', anomalies: 'plain_anomalies', traces: 'plain_traces' };
const ENV = {
  metrics: 'FLASHBACK_TABLE_METRICS',
  security: 'FLASHBACK_TABLE_SECURITY',
  anomalies: 'FLASHBACK_TABLE_ANOMALIES',
  traces: 'FLASHBACK_TABLE_TRACES',
} as const;

/** Runs `work` with the configuration on the plain copies: no rollups exist for them. */
async function fromRawTables<T>(work: () => Promise<T>): Promise<T> {
  for (const key of Object.keys(ENV) as (keyof typeof ENV)[]) process.env[ENV[key]] = PLAIN[key];
  forgetRollups();
  try {
    return await work();
  } finally {
    for (const name of Object.values(ENV)) delete process.env[name];
    forgetRollups();
  }
}

/** The read-door statistics of the queries `work` runs (the rollup lookup left out). */
async function observed<T>(work: () => Promise<T>): Promise<{ result: T; queries: QueryStatistics[] }> {
  const queries: QueryStatistics[] = [];
  const stop = observeQueries((q) => {
    if (!q.sql.startsWith('rollups/')) queries.push(q);
  });
  try {
    return { result: await work(), queries };
  } finally {
    stop();
  }
}

beforeAll(async () => {
  const client = await engine.client();
  const run = (query: string, query_params: Record<string, unknown> = {}) => client.command({ query, query_params });
  await run(
    `INSERT INTO metrics_events (timestamp, metric_name, service, value, labels)
     SELECT fromUnixTimestamp64Milli(toInt64({t0:Int64} + number * {gap:Int64}), 'UTC'), 'lat',
            if(number % 13 = 0, 'other', 'svc'), toFloat64((number * 7919) % 1000 + 1),
            map('exchange', ['a', 'b', 'c'][number % 3 + 1], 'symbol', ['x', 'y'][intDiv(number, 3) % 2 + 1])
     FROM numbers({n:UInt64})`,
    { t0: T0, gap: GAP_MS, n: N },
  );
  // A second metric where every fourth row lacks the exchange label (group '' when grouped by it).
  await run(
    `INSERT INTO metrics_events (timestamp, metric_name, service, value, labels)
     SELECT fromUnixTimestamp64Milli(toInt64({t0:Int64} + number * {gap:Int64}), 'UTC'), 'partial', 'svc', toFloat64(number % 97),
            if(number % 4 = 0, map('symbol', 'x'), map('exchange', ['a', 'b'][number % 2 + 1]))
     FROM numbers({n:UInt64})`,
    { t0: T0, gap: GAP_MS * 4, n: N / 4 },
  );
  await run(
    `INSERT INTO security_events (timestamp, event_type, severity, source_ip, description, threat_score, action_taken, service)
     SELECT fromUnixTimestamp64Milli(toInt64({t0:Int64} + number * 7777), 'UTC'), ['login', 'scan', 'dos'][number % 3 + 1],
            ['info', 'warning', 'critical'][number % 5 % 3 + 1], '10.0.0.1', 'd', 0.5, 'logged', ['auth', 'edge'][number % 2 + 1]
     FROM numbers(30000)`,
    { t0: T0 },
  );
  await run(
    `INSERT INTO anomaly_detections (timestamp, metric_name, value, expected_value, deviation_score, is_anomaly, context)
     SELECT fromUnixTimestamp64Milli(toInt64({t0:Int64} + number * 31337), 'UTC'), 'lat', 1, 1, 1, number % 4 = 0, map()
     FROM numbers(8000)`,
    { t0: T0 },
  );
  // Traces of 1 to 4 spans within 400 ms, every 9 s; a fifth of them fail, some spans have no parent but the root.
  await run(
    `INSERT INTO otel_traces (Timestamp, TraceId, SpanId, ParentSpanId, SpanName, ServiceName, Duration, StatusCode)
     SELECT fromUnixTimestamp64Nano(toInt64(({t0:Int64} + intDiv(number, 4) * 9000 + (number % 4) * 100) * 1000000), 'UTC'),
            concat('trace-', toString(intDiv(number, 4))), concat('span-', toString(number)),
            if(number % 4 = 0, '', concat('span-', toString(number - number % 4))),
            ['root', 'validate', 'submit', 'check'][number % 4 + 1], ['gw', 'risk', 'exchange', 'risk'][number % 4 + 1],
            toUInt64(((number * 13) % 300 + 1) * 1000000), if(number % 20 = 3, 'Error', 'Ok')
     FROM numbers(120000)
     WHERE number % 4 <= intDiv(number, 4) % 4`,
    { t0: T0 },
  );
  for (const [key, plain] of Object.entries(PLAIN)) {
    const table = { metrics: 'metrics_events', security: 'security_events', anomalies: 'anomaly_detections', traces: 'otel_traces' }[key];
    // Test-made names only; `AS` takes no bound identifier.
    await run(`CREATE TABLE ${plain} AS ${table}`);
    await run('INSERT INTO {plain:Identifier} SELECT * FROM {table:Identifier}', { plain, table });
  }
  forgetRollups();
});

// The test's data is sparse (about one row per label set and minute): use every tier however little it saves.
process.env.FLASHBACK_ROLLUP_MIN_GAIN = '0';
afterEach(() => forgetRollups());

const QUANTILES = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } as const;

/** count/sum/min/max/avg/last of the samples in [from, to) that pass `keep`, per bucket of `step`. */
function expectedExact(from: number, to: number, step: number, keep: (s: ReturnType<typeof sample>) => boolean) {
  const buckets = new Map<number, ReturnType<typeof sample>[]>();
  for (const s of samples) {
    if (s.t < from || s.t >= to || !keep(s)) continue;
    const b = Math.floor(s.t / step) * step;
    buckets.set(b, [...(buckets.get(b) ?? []), s]);
  }
  return buckets;
}

function exactValue(agg: Aggregation, rows: ReturnType<typeof sample>[]): number {
  const values = rows.map((r) => r.value);
  switch (agg) {
    case 'count':
      return values.length;
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    default:
      return rows.reduce((a, b) => (b.t > a.t ? b : a)).value; // last: the latest sample
  }
}

/** The sketch's bound (docs/api.md): within 1 % of the sample at rank ⌊q·(n − 1)⌋ of the sorted values. */
function expectWithinBound(actual: number | null, rows: ReturnType<typeof sample>[], q: number) {
  const sorted = rows.map((r) => r.value).sort((a, b) => a - b);
  const exact = sorted[Math.floor(q * (sorted.length - 1))] as number;
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - exact)).toBeLessThanOrEqual(0.01 * Math.abs(exact) + 1e-9);
}

const ALL_AGGS: Aggregation[][] = [['count', 'sum', 'min', 'max'], ['avg', 'last', 'p50', 'p90'], ['p95', 'p99']];

async function bothWays(query: Omit<SeriesQuery, 'aggs'>) {
  const rollup = await observed(() => Promise.all(ALL_AGGS.map((aggs) => fetchSeries({ ...query, aggs }))));
  const raw = await fromRawTables(() => observed(() => Promise.all(ALL_AGGS.map((aggs) => fetchSeries({ ...query, aggs })))));
  const flat = (responses: SeriesResponse[]) => responses.flatMap((r) => r.series);
  return { rollup: flat(rollup.result), raw: flat(raw.result), rollupQueries: rollup.queries, rawQueries: raw.queries };
}

function checkAgainstSamples(series: SeriesResponse['series'], from: number, to: number, step: number, keep: (s: ReturnType<typeof sample>) => boolean) {
  const buckets = expectedExact(from, to, step, keep);
  for (const s of series) {
    for (const [t, value] of s.points) {
      const rows = buckets.get(t);
      if (!rows) {
        expect(value, `${s.agg} at ${t}`).toBeNull();
      } else if (s.agg in QUANTILES) {
        expectWithinBound(value, rows, QUANTILES[s.agg as keyof typeof QUANTILES]);
      } else {
        expect(value, `${s.agg} at ${t}`).toBe(exactValue(s.agg, rows));
      }
    }
  }
}

/** Refills the hourly security counts from the per-minute ones, after a test emptied them. */
const RESTORE_SECURITY_1H = 'INSERT INTO security_events_1h SELECT toStartOfHour(t) AS t, severity, event_type, sum(n) FROM security_events_1m GROUP BY t, severity, event_type';

/**
 * Runs `work` with the density strip (sql/schema/150–155) emptied, so density reads each kind's
 * own counts; then refills the strip from them as the backfill does.
 */
async function withoutStrip<T>(work: () => Promise<T>): Promise<T> {
  const client = await engine.client();
  const { density1m, density1h } = readTables().rollups;
  for (const t of [density1m, density1h]) await client.command({ query: 'TRUNCATE TABLE {t:Identifier}', query_params: { t } });
  forgetRollups();
  try {
    return await work();
  } finally {
    await completeDerivedRollups();
    forgetRollups();
  }
}

/**
 * The start of the newest `limit` test traces (trace k starts at T0 + k · 9 s, see the INSERT
 * above) that start before `to` and pass `keep`, newest first: the page the traces list must give.
 */
function newestTraceStarts(to: number, limit: number, keep: (k: number) => boolean): number[] {
  const starts: number[] = [];
  for (let k = Math.ceil((to - T0) / 9000) - 1; k >= 0 && starts.length < limit; k--) if (keep(k)) starts.push(T0 + k * 9000);
  return starts;
}

describe('rollups', () => {
  it('are found and usable once they hold every row', async () => {
    const all = { metrics: true, metricsByLabel: { minute: true, hour: true }, hourlyCounts: true, security: true, anomalies: true, flaggedAnomalies: true, spans: true, traceSummary: true };
    expect(await usableRollups()).toMatchObject(all);
    expect(await fromRawTables(() => usableRollups())).toEqual({ ...NO_ROLLUPS });
  });

  it('answer from the last lookup while the next one runs, then from the next', async () => {
    const client = await engine.client();
    expect((await usableRollups()).hourlyCounts).toBe(true);
    await client.command({ query: 'TRUNCATE TABLE security_events_1h' });
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    try {
      expect((await usableRollups()).hourlyCounts).toBe(true); // stale, without waiting for the lookup it starts
      clock.mockRestore();
      await vi.waitFor(async () => expect((await usableRollups()).hourlyCounts).toBe(false));
    } finally {
      clock.mockRestore();
      await client.command({ query: RESTORE_SECURITY_1H });
      forgetRollups();
    }
  });

  it('keep the last answer when a later lookup fails, and look again within seconds', async () => {
    const client = await engine.client();
    const first = await usableRollups();
    expect(first.hourlyCounts).toBe(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    // A one-row result limit makes the lookup's table listing fail, as an overloaded or vanishing server would.
    process.env.FLASHBACK_MAX_RESULT_ROWS = '1';
    try {
      expect(await usableRollups()).toEqual(first);
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('keeping the last answer'), expect.anything()));
      expect(await usableRollups()).toEqual(first); // not the raw tables: at 1e8 rows they would be the overload
      delete process.env.FLASHBACK_MAX_RESULT_ROWS;
      // Seconds later (not the usual 30) the next lookup runs: it sees a change.
      await client.command({ query: 'TRUNCATE TABLE security_events_1h' });
      clock.mockReturnValue(now + 31_000 + 6_000);
      await vi.waitFor(async () => expect((await usableRollups()).hourlyCounts).toBe(false));
    } finally {
      delete process.env.FLASHBACK_MAX_RESULT_ROWS;
      clock.mockRestore();
      warn.mockRestore();
      await client.command({ query: RESTORE_SECURITY_1H });
    }
  });

  it('read the raw tables when the first lookup fails, and use the rollups once a lookup succeeds', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    process.env.FLASHBACK_MAX_RESULT_ROWS = '1';
    try {
      expect(await usableRollups()).toEqual(NO_ROLLUPS);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('reading raw tables'), expect.anything());
      delete process.env.FLASHBACK_MAX_RESULT_ROWS;
      clock.mockReturnValue(now + 6_000);
      await vi.waitFor(async () => expect((await usableRollups()).metrics).toBe(true));
    } finally {
      delete process.env.FLASHBACK_MAX_RESULT_ROWS;
      clock.mockRestore();
      warn.mockRestore();
    }
  });

  it('leave out a metric tier that saves too little reading, more readily for quantiles', async () => {
    // 100 000 rows: about 43 000 per-minute rows (each stands for about 2.3 raw rows), 850 hourly ones (about 120).
    process.env.FLASHBACK_ROLLUP_MIN_GAIN = '2';
    try {
      forgetRollups();
      const use = await usableRollups();
      const lat = use.metricRows.get('lat');
      expect(lat?.minute.raw).toBe(N);
      expect(N / (lat?.minute.rows ?? 0)).toBeGreaterThan(2);
      expect(N / (lat?.minute.rows ?? Infinity)).toBeLessThan(4);
      expect(metricTiers(use, false)).toEqual({ minute: true, hour: true });
      expect(metricTiers(use, true)).toEqual({ minute: false, hour: true }); // 5 × 2 raw rows per sketch
      const sqlOf = async (step: number, aggs: Aggregation[]) =>
        (await observed(() => fetchSeries({ metrics: ['lat'], from: T0 + 1000, to: T0 + 20 * H, step, aggs, maxPoints: 10_000 }))).queries.map((q) => q.sql);
      expect(await sqlOf(M, ['p95'])).toEqual(['series/buckets_plain']);
      expect(await sqlOf(M, ['avg'])).toEqual(['series/buckets_by_label']);
      expect(await sqlOf(H, ['p95'])).toEqual(['series/buckets_by_label']);
    } finally {
      process.env.FLASHBACK_ROLLUP_MIN_GAIN = '0';
    }
  });

  it('answer every aggregation as the raw rows do, for a window whose edges are not on any rollup boundary', async () => {
    // 17.5 s past a minute, 25 min past an hour, to 40.25 s past a minute: every tier is used.
    const from = T0 + 5 * H + 25 * M + 17_500;
    const to = T0 + 53 * H + 7 * M + 40_250;
    const query = { metrics: ['lat'], from, to, step: H, maxPoints: 10_000 };
    const { rollup, raw, rollupQueries, rawQueries } = await bothWays(query);
    // (Two of the three requests ask the same quantile query: they share one read.)
    expect(new Set(rollupQueries.map((q) => q.sql))).toEqual(new Set(['series/buckets_by_label']));
    expect(new Set(rawQueries.map((q) => q.sql))).toEqual(new Set(['series/buckets_plain']));
    checkAgainstSamples(rollup, from, to, H, () => true);
    checkAgainstSamples(raw, from, to, H, () => true);
    // The quantile sketch merges losslessly: the rollup's quantiles are the raw query's.
    expect(rollup.map((s) => s.points.map((p) => (p[1] === null ? null : Number(p[1].toPrecision(12)))))).toEqual(
      raw.map((s) => s.points.map((p) => (p[1] === null ? null : Number(p[1].toPrecision(12))))),
    );
  });

  it('answer as the raw rows do for any window and step (generated), grouped and filtered too', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 * H }),
        fc.integer({ min: 1, max: 12 * H }),
        fc.constantFrom(M, 2 * M, 5 * M, H, 2 * H),
        fc.boolean(),
        fc.boolean(),
        async (offset, length, step, grouped, filtered) => {
          const from = T0 + offset;
          const to = from + length;
          const symbol = filtered ? [{ key: 'symbol', value: 'x' }] : [];
          const query = grouped
            ? { metrics: ['lat'], from, to, step, maxPoints: 10_000, groupBy: 'exchange', labels: symbol }
            : { metrics: ['lat'], from, to, step, maxPoints: 10_000, labels: symbol };
          const { rollup, raw } = await bothWays(query);
          const round = (series: SeriesResponse['series']) =>
            series.map((s) => ({ ...s, points: s.points.map(([t, v]) => [t, v === null ? null : Number(v.toPrecision(12))]) }));
          expect(round(rollup)).toEqual(round(raw));
          for (const exchange of grouped ? EXCHANGES : ['']) {
            const keep = (s: ReturnType<typeof sample>) => (!grouped || s.exchange === exchange) && (!filtered || s.symbol === 'x');
            checkAgainstSamples(grouped ? rollup.filter((s) => s.labels.exchange === exchange) : rollup, from, to, step, keep);
          }
        },
      ),
      { numRuns: 12, seed: 8 },
    );
  });

  it('group by a label from the per-label rollups only when every row has the label, by hours and by minutes', async () => {
    const from = T0 + 2 * H + 7 * M + 1_234;
    const to = T0 + 60 * H + 3 * M + 4_321;
    const sqls = (queries: QueryStatistics[]) => [...new Set(queries.map((q) => q.sql))].sort();
    const round = (series: SeriesResponse['series']) =>
      series.map((s) => ({ ...s, points: s.points.map(([t, v]) => [t, v === null ? null : Number(v.toPrecision(12))]) }));
    for (const [metric, groupBy, step, expected] of [
      ['lat', 'exchange', H, ['series/buckets_by_label', 'series/label_coverage']],
      ['lat', 'exchange', 5 * M, ['series/buckets_by_label', 'series/label_coverage']],
      ['lat', 'service', H, ['series/buckets_by_label']],
      // A quarter of its rows lack the exchange: group '' needs the label sets.
      ['partial', 'exchange', H, ['series/buckets_by_label', 'series/buckets_rollup', 'series/label_coverage']],
      ['partial', 'exchange', 10 * M, ['series/buckets_by_label', 'series/buckets_rollup', 'series/label_coverage']],
    ] as const) {
      const query = { metrics: [metric], from, to, step, maxPoints: 10_000, groupBy };
      const { rollup, raw, rollupQueries } = await bothWays(query);
      expect(sqls(rollupQueries)).toEqual(expected);
      expect(round(rollup)).toEqual(round(raw));
      expect(rollup.map((s) => s.labels[groupBy]).sort()).toEqual(
        [...new Set(rollup.map((s) => s.labels[groupBy]))].sort().flatMap((g) => Array(rollup.filter((s) => s.labels[groupBy] === g).length).fill(g)),
      );
    }
    // Independently of the raw path: the partial metric's groups are its exchanges and the rows without one.
    const partial = await fetchSeries({ metrics: ['partial'], from, to, step: H, maxPoints: 10_000, groupBy: 'exchange', aggs: ['count'] });
    expect(partial.series.map((s) => s.labels.exchange ?? '').sort()).toEqual(['', 'a', 'b']);
    const counted = partial.series.reduce((n, s) => n + s.points.reduce((m, [, v]) => m + (v ?? 0), 0), 0);
    const inWindow = Array.from({ length: N / 4 }, (_, i) => T0 + i * GAP_MS * 4).filter((t) => t >= from && t < to).length;
    expect(counted).toBe(inWindow);
  });

  it('give quantiles to 6 significant digits, inside each bucket’s [min, max], from raw rows and from rollups', async () => {
    for (const [from, to, step] of [
      [T0 + 1_234, T0 + H, 30_000], // raw rows
      [T0 + 2 * H + 7 * M + 1_234, T0 + 60 * H + 3 * M + 4_321, 5 * M], // the rollups and their raw edges
    ] as const) {
      const answer = await fetchSeries({ metrics: ['lat'], from, to, step, maxPoints: 10_000, aggs: ['p50', 'p99', 'min', 'max'] });
      const [p50, p99, min, max] = answer.series.map((s) => s.points.map(([, v]) => v));
      let checked = 0;
      for (const [i, lo] of (min ?? []).entries()) {
        if (lo === null) continue;
        for (const q of [p50?.[i], p99?.[i]]) {
          expect(q).not.toBeNull();
          expect(Number((q as number).toPrecision(6))).toBe(q);
          expect(q).toBeGreaterThanOrEqual(lo);
          expect(q).toBeLessThanOrEqual(max?.[i] as number);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(20);
    }
  });

  it('leave out of a read the arms whose ranges hold no time, and answer as the raw rows do', async () => {
    const round = (series: SeriesResponse['series']) =>
      series.map((s) => ({ ...s, points: s.points.map(([t, v]) => [t, v === null ? null : Number(v.toPrecision(12))]) }));
    const ragged = { from: T0 + 2 * H + 7 * M + 1_234, to: T0 + 60 * H + 3 * M + 4_321 };
    for (const [window, step, labels, sql, arms] of [
      [{ from: T0 + 2 * H, to: T0 + 50 * H }, H, [], 'series/buckets_by_label', ['hours']],
      [{ from: T0 + 2 * H + 3 * M, to: T0 + 50 * H }, H, [], 'series/buckets_by_label', ['minutes', 'hours']],
      [ragged, 5 * M, [], 'series/buckets_by_label', ['edges', 'minutes']],
      [ragged, H, [], 'series/buckets_by_label', ['edges', 'minutes', 'hours']],
      // A label filter reads the rollups by label set (series/buckets_rollup): its arms too.
      [{ from: T0 + 2 * H, to: T0 + 50 * H }, H, [{ key: 'symbol', value: 'x' }], 'series/buckets_rollup', ['hours']],
      [ragged, 5 * M, [{ key: 'symbol', value: 'x' }], 'series/buckets_rollup', ['edges', 'minutes']],
    ] as const) {
      const { rollup, raw, rollupQueries } = await bothWays({ metrics: ['lat'], ...window, step, maxPoints: 10_000, labels: [...labels] });
      expect(rollupQueries.map((q) => [q.sql, q.arms])).toEqual(ALL_AGGS.map(() => [sql, arms]));
      expect(round(rollup)).toEqual(round(raw));
      expect(rollup.some((s) => s.points.some(([, v]) => v !== null))).toBe(true);
    }
  });

  it('are not used for steps finer than a minute, or a window within one minute', async () => {
    const sqlOf = async (from: number, to: number, step: number) =>
      (await observed(() => fetchSeries({ metrics: ['lat'], from, to, step, aggs: ['avg'], maxPoints: 10_000 }))).queries.map((q) => q.sql);
    expect(await sqlOf(T0, T0 + H, 30_000)).toEqual(['series/buckets_plain']);
    expect(await sqlOf(T0 + 10_000, T0 + 50_000, M)).toEqual(['series/buckets_plain']);
    expect(await sqlOf(T0 + 10_000, T0 + 2 * H, M)).toEqual(['series/buckets_by_label']);
  });

  it('leave the labels map unread in a raw read without label filters or groups (query statistics)', async () => {
    const query = { metrics: ['lat'], from: T0 + 1000, to: T0 + 3 * H, step: 30_000, aggs: ['avg'] as Aggregation[] };
    const plain = await observed(() => fetchSeries(query));
    expect(plain.queries.map((q) => q.sql)).toEqual(['series/buckets_plain']);
    // What reading only the name, time and value columns of that window costs, asked directly.
    const client = await engine.client();
    const direct = await client.query({
      query: `SELECT metric_name, timestamp, value FROM metrics_events
              WHERE metric_name = 'lat' AND timestamp >= fromUnixTimestamp64Milli({from:Int64}) AND timestamp < fromUnixTimestamp64Milli({to:Int64})`,
      query_params: { from: query.from, to: query.to },
      format: 'JSON',
    });
    const { statistics } = (await direct.json()) as { statistics: { rows_read: number; bytes_read: number } };
    expect(plain.queries[0]!.rowsRead).toBe(Number(statistics.rows_read));
    expect(plain.queries[0]!.bytesRead).toBe(Number(statistics.bytes_read));
    const total = (r: SeriesResponse) => r.series.reduce((n, s) => n + s.points.filter(([, v]) => v !== null).length, 0);
    expect(total(plain.result)).toBe(new Set(samples.filter((x) => x.t >= query.from && x.t < query.to).map((x) => Math.floor(x.t / 30_000))).size);
  });

  it('read far fewer rows than the raw table for a long window (query statistics)', async () => {
    const rowsRead = (queries: QueryStatistics[]) => queries.reduce((n, q) => n + q.rowsRead, 0);
    const both = async (from: number, to: number) => {
      const query = { metrics: ['lat'], from, to, aggs: ['p95'] as Aggregation[], step: H };
      const rollup = await observed(() => fetchSeries(query));
      const raw = await fromRawTables(() => observed(() => fetchSeries(query)));
      return { rollup: rowsRead(rollup.queries), raw: rowsRead(raw.queries) };
    };
    // Whole hours: the hourly rollup (about 900 rows for 100 000 samples), plus the granules ClickHouse
    // opens to find the empty raw and minute ranges: a constant, whatever the table size.
    const aligned = await both(T0, T0 + 70 * H);
    expect(aligned.raw).toBeGreaterThan(90_000);
    expect(aligned.rollup).toBeLessThan(aligned.raw / 5);
    // Ragged edges add a granule or two of the minute rollup and of the raw table at each end.
    const ragged = await both(T0 + 17_000, T0 + 70 * H + 3_000);
    expect(ragged.rollup).toBeLessThan(ragged.raw / 1.5);
    console.info(`rows read for 70 h at 1 h steps: raw ${aligned.raw}, rollups ${aligned.rollup} (ragged edges: ${ragged.rollup})`);
  });

  it('leave the quantile sketches unread for a panel that asks for no quantile (query statistics)', async () => {
    // Settled first, so both reads below find the same parts (a background merge between them would change their bytes).
    const client = await engine.client();
    const { metrics1mByLabel, metrics1hByLabel } = readTables().rollups;
    for (const t of [metrics1mByLabel, metrics1hByLabel]) await client.command({ query: 'OPTIMIZE TABLE {t:Identifier} FINAL', query_params: { t } });
    const bytesRead = async (aggs: Aggregation[], groupBy?: string) => {
      const { queries } = await observed(() => fetchSeries({ metrics: ['lat'], from: T0, to: T0 + 70 * H, aggs, step: H, groupBy }));
      expect(queries.map((q) => q.sql)).toEqual(['series/buckets_by_label']);
      return queries.reduce((n, q) => n + q.bytesRead, 0);
    };
    // The same rows of the same rollups either way; the means leave out the sketches, which the tails read.
    // (Most of either read is the fixed cost of the empty raw and minute ranges: the margin is the sketches'.)
    for (const groupBy of [undefined, 'service']) {
      const [means, tails] = [await bytesRead(['avg', 'count'], groupBy), await bytesRead(['avg', 'p95'], groupBy)];
      expect(means).toBeLessThan(0.95 * tails);
    }
  });

  it('give the density of every kind as the raw tables do, at ragged edges too', async () => {
    // With the strip's arms that hold rows (sql/density/strip.sql): raw edges, minutes around the hours, hours.
    for (const [from, to, buckets, arms] of [
      [T0 + 12_345, T0 + 60 * H + 54_321, 200, ['edges', 'minutes']], // 30 min steps: no hours
      [T0 + 3 * H, T0 + 9 * H, 2000, undefined],
      [T0 + 5_000, T0 + 50_000, 10, undefined],
      [T0 + 12_345, T0 + 70 * H + 54_321, 50, ['edges', 'minutes', 'hours']], // 2 h steps: hours inside, minutes and raw rows at the edges
      [T0 + 135_000, T0 + 70 * H + 54_321, 50, ['edges', 'minutes', 'hours']], // an error span (trace 15, at 135.3 s) in the raw edge
      [T0 + 2 * H, T0 + 50 * H, 48, ['hours']], // whole hours: the hourly counts alone
      [T0 + 2 * H + 3 * M, T0 + 50 * H, 48, ['minutes', 'hours']], // whole minutes: no raw edge
    ] as const) {
      const rollup = await observed(() => fetchDensity({ from, to, buckets }));
      const raw = await fromRawTables(() => fetchDensity({ from, to, buckets }));
      expect(rollup.result).toEqual(raw);
      expect(rollup.result.buckets.some((b) => b.spans > 0 && b.security.critical > 0)).toBe(true);
      // Minute steps and a window holding whole minutes: one query of the strip's per-minute counts of
      // every kind, and of its hourly ones inside the whole hours for whole-hour steps.
      const { step } = rollup.result;
      const [first] = rollup.queries;
      expect(rollup.queries.map((q) => q.sql)).toEqual(step % M === 0 ? ['density/strip'] : ['density/security', 'density/anomalies', 'density/spans']);
      expect(first?.params.h_from !== first?.params.h_to).toBe(step % H === 0);
      expect(first?.arms).toEqual(arms);
    }
  });

  it('give the density as the raw tables do when one kind lacks its counts: each kind from its own source', () => withoutStrip(async () => {
    const client = await engine.client();
    await client.command({ query: 'TRUNCATE TABLE anomaly_detections_1m' });
    try {
      forgetRollups();
      const query = { from: T0 + 12_345, to: T0 + 70 * H + 54_321, buckets: 50 };
      const rollup = await observed(() => fetchDensity(query));
      expect(rollup.result).toEqual(await fromRawTables(() => fetchDensity(query)));
      expect(rollup.result.buckets.some((b) => b.anomalies > 0)).toBe(true);
      expect(rollup.queries.map((q) => q.sql)).toEqual(['density/security_rollup', 'density/anomalies', 'density/spans_rollup']);
    } finally {
      await client.command({ query: 'INSERT INTO anomaly_detections_1m SELECT toStartOfMinute(timestamp) AS t, metric_name, count() FROM anomaly_detections WHERE is_anomaly = 1 GROUP BY t, metric_name' });
      forgetRollups();
    }
  }));

  it('give the density from the per-minute counts where the hourly tables do not exist (a schema from before them)', () => withoutStrip(async () => {
    const client = await engine.client();
    const { security1h, spans1h } = readTables().rollups;
    const rename = (pairs: [string, string][]) => client.command({ query: `RENAME TABLE ${pairs.map(([a, b]) => `${a} TO ${b}`).join(', ')}` });
    await rename([[security1h, 'gone_security_1h'], [spans1h, 'gone_spans_1h']]);
    try {
      forgetRollups();
      expect((await usableRollups()).hourlyCounts).toBe(false);
      // Whole-hour steps, where the hourly counts would otherwise be read.
      const query = { from: T0 + 12_345, to: T0 + 70 * H + 54_321, buckets: 30 };
      const rollup = await observed(() => fetchDensity(query));
      expect(rollup.result.step % H).toBe(0);
      expect(rollup.result).toEqual(await fromRawTables(() => fetchDensity(query)));
      expect(rollup.queries.map((q) => q.sql)).toEqual(['density/rollup']);
    } finally {
      await rename([['gone_security_1h', security1h], ['gone_spans_1h', spans1h]]);
      forgetRollups();
    }
  }));

  it('give the catalog of the hours a window touches as the raw tables do for those hours', async () => {
    for (const [from, to] of [
      [T0 + 12_345, T0 + 60 * H + 54_321],
      [T0 + 30 * M + 1, T0 + 31 * M + 2], // within one minute: the hour around it
    ] as const) {
      const hours = { from: Math.floor(from / H) * H, to: Math.ceil(to / H) * H };
      const rollup = await observed(() => fetchCatalog({ from, to }));
      const raw = await fromRawTables(() => fetchCatalog(hours));
      expect({ ...rollup.result, from: hours.from, to: hours.to }).toEqual(raw);
      expect(rollup.queries.map((q) => q.sql).sort()).toEqual(['catalog/labels_hourly', 'catalog/metrics_hourly', 'catalog/security_hourly', 'catalog/services_hourly']);
      // Independently of both: the metric's row count in those hours, from the formula that made the rows.
      const lat = rollup.result.metrics.find((m) => m.name === 'lat');
      expect(lat).toEqual({ name: 'lat', services: ['other', 'svc'], rows: samples.filter((x) => x.t >= hours.from && x.t < hours.to).length });
    }
  });

  it('give the catalog of a window exactly from the finer rollups when the hourly ones are missing', async () => {
    const client = await engine.client();
    await client.command({ query: 'TRUNCATE TABLE security_events_1h' });
    try {
      forgetRollups();
      const from = T0 + 12_345;
      const to = T0 + 60 * H + 54_321;
      const rollup = await observed(() => fetchCatalog({ from, to }));
      expect(rollup.result).toEqual(await fromRawTables(() => fetchCatalog({ from, to })));
      expect(rollup.queries.filter((q) => q.sql.endsWith('_rollup'))).toHaveLength(4);
    } finally {
      await client.command({ query: RESTORE_SECURITY_1H });
      forgetRollups();
    }
  });

  it('list only the anomalies from the copy of the flagged verdicts as the raw table does, reading far fewer rows', async () => {
    const from = T0 + 3 * H + 12_345;
    const to = T0 + 50 * H + 678;
    // Verdict i is at T0 + i · 31 337 ms and flagged when i % 4 = 0 (the INSERT above).
    const flaggedTimes = Array.from({ length: 8000 }, (_, i) => i)
      .filter((i) => i % 4 === 0)
      .map((i) => T0 + i * 31_337)
      .filter((t) => t >= from && t < to)
      .reverse();
    for (const metrics of [[], ['lat'], ['other']]) {
      const query = { from, to, metrics, onlyAnomalies: true, limit: 10_000 };
      const copy = await observed(() => fetchAnomalies(query));
      const raw = await fromRawTables(() => observed(() => fetchAnomalies(query)));
      expect(copy.queries.map((q) => q.params.source)).toEqual(['anomaly_detections_flagged']);
      expect(copy.result).toEqual(raw.result);
      expect(copy.result.anomalies.map((a) => a.timestamp)).toEqual(metrics[0] === 'other' ? [] : flaggedTimes);
      if (metrics.length === 0) expect(copy.queries[0]!.rowsRead).toBeLessThan(raw.queries[0]!.rowsRead / 2);
    }
    // Every verdict, flagged or not: only the anomalies table has them.
    const all = await observed(() => fetchAnomalies({ from, to, onlyAnomalies: false, limit: 10_000 }));
    expect(all.queries.map((q) => q.params.source)).toEqual(['anomaly_detections']);
    expect(all.result.anomalies.length).toBeGreaterThan(flaggedTimes.length * 3);
  });

  it('list the traces of a window from the summary as the raw spans do, for traces inside the window', async () => {
    for (const filters of [{}, { status: 'error' as const }, { service: 'exchange', minDurationMs: 150 }]) {
      const from = T0 + 7 * H + 4_321;
      const to = T0 + 9 * H + 1_234;
      const query = { from, to, limit: 1000, ...filters };
      const summary = await observed(() => fetchTraces(query));
      const raw = await fromRawTables(() => fetchTraces(query));
      expect(summary.queries.every((q) => q.sql === 'traces/list_rollup')).toBe(true);
      // A trace that straddles an edge is whole in the summary and cut in the raw list.
      const inside = (t: { start: number }) => t.start >= from + 1000 && t.start < to - 1000;
      expect(summary.result.traces.filter(inside)).toEqual(raw.traces.filter(inside));
      expect(summary.result.traces.filter(inside).length).toBeGreaterThan(10);
    }
  });

  it('find the newest page of traces without reading the whole window', async () => {
    const query = { from: T0, to: T0 + 70 * H, limit: 20 };
    const summary = await observed(() => fetchTraces(query));
    expect(summary.result.traces).toEqual((await fromRawTables(() => fetchTraces(query))).traces);
    expect(summary.queries).toHaveLength(1); // the last 15 minutes hold 20 traces
  });

  it('widen at the rate of traces seen: a full page in two queries, a rare filter in three (two over a day), as the raw spans answer', async () => {
    // Trace k starts at T0 + k · 9 s (its root); it fails when k % 20 = 15 (the INSERT above).
    const query = { from: T0, to: T0 + 70 * H, limit: 1000 };
    const newest = (keep: (k: number) => boolean) => newestTraceStarts(query.to, query.limit, keep);
    // 100 traces in the last 15 minutes: the next range holds twice the page (5 hours), and fills it.
    const all = await observed(() => fetchTraces(query));
    expect(all.result.traces.map((t) => t.start)).toEqual(newest(() => true));
    expect(all.queries.map((q) => query.to - Number(q.params.from_ms))).toEqual([15 * 60_000, 5 * H]);
    // 5 failed ones in 15 minutes: at most 64 times wider (16 hours, 320 of them), then the whole window.
    const failed = await observed(() => fetchTraces({ ...query, status: 'error' }));
    expect(failed.result.traces.map((t) => t.start)).toEqual(newest((k) => k % 20 === 15));
    expect(failed.queries.map((q) => query.to - Number(q.params.from_ms))).toEqual([15 * 60_000, 16 * H, 70 * H]);
    expect(failed.result).toEqual(await fromRawTables(() => fetchTraces({ ...query, status: 'error' })));
    // Over a day, 16 hours would be most of it: the whole day is read instead, and that is the second and last query.
    const day = { ...query, from: query.to - 24 * H, status: 'error' as const };
    const failedOfDay = await observed(() => fetchTraces(day));
    expect(failedOfDay.result.traces.map((t) => t.start)).toEqual(newestTraceStarts(day.to, day.limit, (k) => k % 20 === 15).filter((t) => t >= day.from));
    expect(failedOfDay.queries.map((q) => day.to - Number(q.params.from_ms))).toEqual([15 * 60_000, 24 * H]);
  });

  it('give the newest page for any window end and page size, widening by whole milliseconds', async () => {
    // Any rate of traces seen (the filters thin them unevenly) sets the next range's width: most are not whole multiples of the first range's.
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: H, max: 74 * H }),
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 400 }),
        async (end, limit, onlyFailed, minDurationMs) => {
          const query = { from: T0, to: T0 + end, limit, minDurationMs, ...(onlyFailed && { status: 'error' as const }) };
          // Trace k: spans j = 0…k % 4 start j · 100 ms after its root and last ((4k + j) · 13 % 300 + 1) ms (the INSERT above).
          const duration = (k: number) => Math.max(...Array.from({ length: (k % 4) + 1 }, (_, j) => j * 100 + (((4 * k + j) * 13) % 300) + 1));
          const keep = (k: number) => (!onlyFailed || k % 20 === 15) && duration(k) >= minDurationMs;
          const { result, queries } = await observed(() => fetchTraces(query));
          expect(result.traces.map((t) => t.start)).toEqual(newestTraceStarts(query.to, limit, keep));
          for (const q of queries) expect(Number.isInteger(q.params.from_ms)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
