import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/series/route';
import { testEngine } from '@/test/engine';
import { url } from '@/test/fixtures/request';

/**
 * A client that disconnects cancels its query: the request's abort signal
 * reaches queryRows, so the handler gives up at once instead of waiting for
 * the work (and never answers 200). Against a ClickHouse server the client
 * closes the HTTP request and the server cancels the query; chdb 3.4 cannot
 * interrupt a running query, so the embedded engine finishes it in the
 * background (bounded by max_execution_time).
 */

const engine = testEngine();

const T0 = Date.UTC(2024, 2, 1);
const ROWS = 3_000_000;
// A per-second rate over a day of 3M samples: heavy enough to be cancelled mid-way.
const heavy = url('/api/series', { metric: 'load', from: T0, to: T0 + 86_400_000, agg: 'rate', step: '10s', maxPoints: 10_000 });

beforeAll(async () => {
  const client = await engine.client();
  await client.command({
    query: `INSERT INTO metrics_events (timestamp, metric_name, service, value, labels)
            SELECT fromUnixTimestamp64Milli(toInt64({t0:Int64} + number * 28), 'UTC'), 'load', 'svc', number, map('k', toString(number % 97))
            FROM numbers({rows:UInt64})`,
    query_params: { t0: T0, rows: ROWS },
  });
});

describe('cancellation', () => {
  it('gives up on the query as soon as the request is aborted', async () => {
    const started = performance.now();
    const full = await GET(new Request(heavy));
    const fullMs = performance.now() - started;
    expect(full.status).toBe(200);

    const controller = new AbortController();
    const abortAfter = Math.min(50, fullMs / 10);
    setTimeout(() => controller.abort(), abortAfter);
    const begun = performance.now();
    const aborted = await GET(new Request(heavy, { signal: controller.signal })).catch(() => undefined);
    const abortedMs = performance.now() - begun;

    expect(aborted?.status).toBe(499); // given up quietly, not answered as a failure
    expect(abortedMs).toBeLessThan(abortAfter + fullMs / 2);
    console.info(`full query ${fullMs.toFixed(0)} ms; aborted after ${abortAfter.toFixed(0)} ms, handler returned after ${abortedMs.toFixed(0)} ms`);
  });
});
