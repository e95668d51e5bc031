import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Change, ChangesResponse, SpanChange } from '@/lib/api/types';
import { INCIDENT_SIGNALS, type Incident, type IncidentId } from '@/lib/seed/incidents';
import { seedDemo, type SeedSummary } from '@/lib/seed/seed-demo';
import { call, type ErrorBody } from '@/test/fixtures/request';
import { testEngine } from '@/test/engine';
import { GET } from './route';

/**
 * /api/changes on the demo data, seeded small into this file's own engine:
 * each incident against the hour before it must bring up what the incident
 * definitions (lib/seed/incidents.ts) say it breaks, and nothing unrelated;
 * ordinary windows must bring up nothing.
 */

testEngine();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// replace: under the server project the tables are this file's own, behind the HTTP stand-in.
const OPTIONS = { seed: 42, days: 3, scale: 0.05, end: Date.UTC(2026, 0, 15, 12), replace: true };
let summary: SeedSummary;

beforeAll(async () => {
  summary = await seedDemo(OPTIONS);
}, 300_000);

function incident(id: IncidentId): Incident {
  const found = summary.incidents.find((i) => i.id === id);
  if (!found) throw new Error(`incident ${id} missing`);
  return found;
}

async function changes(query: Record<string, string | number>): Promise<ChangesResponse> {
  const res = await call<ChangesResponse>(GET, '/api/changes', query);
  expect(res.status).toBe(200);
  return res.body;
}

/** The incident's window against the hour before it. */
const againstHourBefore = (i: Incident) => changes({ from: i.start, to: i.end, baselineFrom: i.start - HOUR, baselineTo: i.start });

const labelled = (c: Change, key: string, value: string) =>
  (c.signal === 'metric' && c.label?.key === key && c.label.value === value) ||
  (c.signal === 'spans' && c.attribute?.key === key && c.attribute.value === value) ||
  (c.signal === 'anomaly' && c.context[key] === value);

/**
 * The rows the incident is about are the top of the list: the first
 * `named.length` rows, in any order among themselves.
 */
function expectOnTop(rows: readonly Change[], isNamed: (c: Change) => boolean) {
  const named = rows.filter(isNamed).length;
  const top = rows.slice(0, named);
  expect(top.every(isNamed), rows.map((c, i) => `${i} ${c.what}`).join('\n')).toBe(true);
  return top;
}

describe('GET /api/changes on the demo incidents', () => {
  it('ranks the Coinbase outage: its broken series and its failing submits above everything else', async () => {
    const signals = INCIDENT_SIGNALS['coinbase-outage'];
    const { changes: rows } = await againstHourBefore(incident('coinbase-outage'));
    const brokenSeries = (c: Change) => c.signal === 'metric' && (signals.brokenMetrics as readonly string[]).includes(c.metric) && labelled(c, 'exchange', signals.exchange);
    const failedSubmits = (c: Change) =>
      c.signal === 'spans' && c.kind === 'failed' && c.service === signals.failingSpan.service && c.operation === signals.failingSpan.operation && labelled(c, 'exchange', signals.exchange);
    const top = expectOnTop(rows, (c) => brokenSeries(c) || failedSubmits(c));
    // Every broken series is there (latency in its tail), and the failed submits.
    const named = signals.brokenMetrics.map((m) => (c: Change) => brokenSeries(c) && c.signal === 'metric' && c.metric === m && (m !== 'order_latency_ms' || c.statistic === 'p99'));
    for (const is of [...named, failedSubmits]) expect(top.some(is), JSON.stringify(top.map((c) => c.what))).toBe(true);
    expect(top.every((c) => c.explainedBy.length === 0)).toBe(true);
    // Everything listed is the outage: coinbase's own series, or what the definition says it also moves.
    const related = (c: Change) =>
      labelled(c, 'exchange', signals.exchange) ||
      (c.signal === 'metric' && (signals.moves.metrics as readonly string[]).includes(c.metric)) ||
      (c.signal === 'spans' && (signals.moves.operations as readonly string[]).includes(c.operation));
    expect(rows.filter((c) => !related(c)).map((c) => c.what)).toEqual([]);
    const failed = top.find(failedSubmits) as SpanChange;
    expect(failed.window.matching).toBeGreaterThan(failed.window.spans / 2);
    expect(failed.action).toMatchObject({ kind: 'traces', operation: 'exchange.submit', status: 'error', attribute: { key: 'exchange', value: 'coinbase' } });
  });

  it('ranks the credential-stuffing burst: its four source IPs and its event types first, and nothing else', async () => {
    const signals = INCIDENT_SIGNALS['credential-stuffing'];
    const { changes: rows } = await againstHourBefore(incident('credential-stuffing'));
    const ips: readonly string[] = signals.sourceIps;
    const types: readonly string[] = signals.eventTypes;
    const top = expectOnTop(rows, (c) => c.signal === 'security' && ((c.field === 'sourceIp' && ips.includes(c.value)) || (c.field === 'eventType' && types.includes(c.value))));
    const values = (field: string) => top.flatMap((c) => (c.signal === 'security' && c.field === field ? [c.value] : []));
    expect(values('sourceIp').sort()).toEqual([...ips].sort());
    expect(values('eventType').sort()).toEqual([...types].sort());
    // Below them only the burst's service and actions, each explained by the values above.
    const below = rows.slice(top.length);
    const burst = new Set<string>([signals.service, ...signals.actions]);
    expect(below.filter((c) => c.signal !== 'security' || !burst.has(c.value) || c.explainedBy.length === 0).map((c) => c.what)).toEqual([]);
    // The IPs are new: absent from the baseline, about a quarter of the window each.
    for (const c of rows) if (c.signal === 'security' && c.field === 'sourceIp') expect(c.baseline.count).toBe(0);
  });

  it('ranks the margin spike: margin_utilization and the slow risk.check (with margin.lookup inside it) above the rest', async () => {
    const signals = INCIDENT_SIGNALS['margin-spike'];
    const { changes: rows } = await againstHourBefore(incident('margin-spike'));
    const riskCheck = [signals.slowSpan, signals.innerSpan];
    const top = expectOnTop(
      rows,
      (c) =>
        ((c.signal === 'metric' || c.signal === 'anomaly') && c.metric === signals.metric) ||
        (c.signal === 'spans' && riskCheck.some((s) => s.service === c.service && s.operation === c.operation)),
    );
    expect(top.some((c) => c.signal === 'metric' && c.metric === signals.metric && c.effect > 0)).toBe(true);
    const slow = top.find((c): c is SpanChange => c.signal === 'spans' && c.kind === 'slow' && c.operation === signals.slowSpan.operation);
    expect(slow?.service).toBe(signals.slowSpan.service);
    expect(slow?.window.share).toBeGreaterThan(0.5);
    const metrics: readonly string[] = [signals.metric, ...signals.moves.metrics];
    const operations: readonly string[] = signals.moves.operations;
    const related = (c: Change) =>
      ((c.signal === 'metric' || c.signal === 'anomaly') && metrics.includes(c.metric)) || (c.signal === 'spans' && operations.includes(c.operation));
    expect(rows.filter((c) => !related(c)).map((c) => c.what)).toEqual([]);
  });
});

describe('GET /api/changes on ordinary windows', () => {
  /** Windows at least 3 h after and 1 h before every incident, on both sides. */
  const quiet = (from: number, to: number) =>
    summary.incidents.every((i) => to <= i.start - HOUR || from >= i.end + 3 * HOUR) && from >= OPTIONS.end - OPTIONS.days * 24 * HOUR;

  it('lists nothing for two quiet hours or the same hour on two days', async () => {
    const end = OPTIONS.end;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 64 * 4 }).map((quarter) => end - 66 * HOUR + quarter * 15 * MINUTE),
        fc.constantFrom(30 * MINUTE, HOUR, 2 * HOUR),
        fc.constantFrom('previous', '1d'),
        async (from, length, shift) => {
          const back = shift === 'previous' ? length : 24 * HOUR;
          fc.pre(from + length <= end && quiet(from, from + length) && quiet(from - back, from - back + length));
          const body = await changes({ from, to: from + length, ...(shift === 'previous' ? {} : { shift }) });
          expect(body.changes.map((c) => `${c.what}: ${c.explanation}`)).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 11 },
    );
  }, 240_000);
});

describe('GET /api/changes parameters', () => {
  it('defaults to the same length just before, or shifts, or takes a baseline range', async () => {
    const from = OPTIONS.end - 30 * HOUR;
    expect((await changes({ from, to: from + HOUR })).baseline).toEqual({ from: from - HOUR, to: from });
    expect((await changes({ from, to: from + HOUR, shift: '1d' })).baseline).toEqual({ from: from - 24 * HOUR, to: from - 23 * HOUR });
    const week = await changes({ from, to: from + HOUR, baselineFrom: from - 48 * HOUR, baselineTo: from });
    expect(week.baseline).toEqual({ from: from - 48 * HOUR, to: from });
    expect(week.threshold).toBe(25);
  });

  it.each([
    [{ from: 'now-1h', shift: '1h', baselineFrom: 'now-3h', baselineTo: 'now-2h' }, 'shift: give either shift or baselineFrom and baselineTo, not both'],
    [{ from: 'now-1h', baselineFrom: 'now-3h' }, 'baselineTo: is required with the other end of the baseline'],
    [{ from: 'now-1h', baselineFrom: 'now-2h', baselineTo: 'now-3h' }, 'baselineFrom: baselineFrom must be before baselineTo'],
    [{ from: 'now-1h', shift: 'soon' }, 'shift: must be a duration such as 500 (ms), 30s, 5m or 1h'],
    [{ from: 'now-1h', limit: '0' }, 'limit: must be between 1 and 500'],
    [{ from: '1970-01-01T00:30:00Z', to: '1970-01-01T02:00:00Z' }, 'from: the baseline before this window would start before 1970'],
  ])('rejects %o with a 400 that names the parameter', async (query, message) => {
    const res = await call<ErrorBody>(GET, '/api/changes', query);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'invalid_input', message });
  });
});
