import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSampleLine, prometheus } from './prometheus';

const labelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/).filter((n) => n !== '__proto__');
const labelValue = fc.string({ maxLength: 10 });
const metricName = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,15}$/);
const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

describe('Prometheus exposition', () => {
  it('parses generated sample lines back to their name, labels, value and timestamp', () => {
    fc.assert(
      fc.property(
        metricName,
        fc.dictionary(labelName, labelValue, { maxKeys: 4 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.option(fc.integer({ min: 100_000_000_000, max: 4_000_000_000_000 })),
        fc.boolean(),
        (name, labels, value, timeMs, openMetrics) => {
          const body = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`).join(',');
          // Prometheus writes ms, OpenMetrics seconds with a fraction.
          const stamp = timeMs === null ? '' : openMetrics ? ` ${(timeMs / 1000).toFixed(3)}` : ` ${timeMs}`;
          const line = `${name}${Object.keys(labels).length > 0 || openMetrics ? `{${body}}` : ''} ${value}${stamp}${openMetrics ? ' # {trace_id="x"} 1.0' : ''}`;
          expect(parseSampleLine(line)).toEqual({ name, labels, // `${-0}` is "0": the line says 0.
          value: Object.is(value, -0) ? 0 : value, ...(timeMs === null ? {} : { timeMs }) });
        },
      ),
    );
  });

  it('maps samples of every type to rows: job/service into service, scrape time for samples without one, NaN/Inf skipped', () => {
    const mapper = prometheus.create({ sourceName: 'scrape', atMs: 1_700_000_000_000, map: {} });
    const lines = [
      '# TYPE rpc_seconds histogram',
      'rpc_seconds_bucket{le="0.5",job="api",instance="a:9100"} 12',
      'rpc_seconds_bucket{le="+Inf",job="api",instance="a:9100"} 20 1700000001000',
      'rpc_seconds_sum{service="risk"} 3.5',
      'go_gc_duration_seconds{quantile="0.5"} NaN',
      '# EOF',
    ];
    expect(lines.map((l) => mapper.map(l, 1))).toEqual([
      [],
      [{ table: 'metrics', row: { timeMs: 1_700_000_000_000, metric: 'rpc_seconds_bucket', service: 'api', value: 12, labels: { le: '0.5', instance: 'a:9100' } } }],
      [{ table: 'metrics', row: { timeMs: 1_700_000_001_000, metric: 'rpc_seconds_bucket', service: 'api', value: 20, labels: { le: '+Inf', instance: 'a:9100' } } }],
      [{ table: 'metrics', row: { timeMs: 1_700_000_000_000, metric: 'rpc_seconds_sum', service: 'risk', value: 3.5, labels: {} } }],
      { skip: 'NaN/Inf samples' },
      [],
    ]);
  });

  it('names the problem of a malformed line', () => {
    expect(() => parseSampleLine('{a="b"} 1')).toThrow(/metric name was expected/);
    expect(() => parseSampleLine('m{a="b} 1')).toThrow(/not closed/);
    expect(() => parseSampleLine('m{a=b} 1')).toThrow(/needs ="value"/);
    expect(() => parseSampleLine('m one')).toThrow(/"one" is not a sample value/);
    expect(() => parseSampleLine('m 1 2 3')).toThrow(/unexpected "3"/);
    expect(() => parseSampleLine('m')).toThrow(/has no value/);
  });
});
