import { describe, expect, it } from 'vitest';
import { formatSeedReport, incidentPath } from './report';
import { incidentsFor } from './incidents';
import type { SeedSummary } from './seed-demo';

const end = Date.UTC(2026, 0, 15, 12);

describe('the seed report', () => {
  it('links each incident to a view around it with the playhead inside', () => {
    const [outage] = incidentsFor(end, 3);
    expect(outage).toBeDefined();
    const params = new URLSearchParams(incidentPath(outage!).slice(2));
    const [from, to, at] = ['from', 'to', 'at'].map((k) => Number(params.get(k)));
    expect(from).toBeLessThan(outage!.start);
    expect(to).toBeGreaterThan(outage!.end);
    expect(at).toBeGreaterThan(outage!.start);
    expect(at).toBeLessThan(outage!.end);
  });

  it('prints rows, time and every incident with its link', () => {
    const incidents = incidentsFor(end, 3);
    const summary = {
      end,
      seconds: 9.04,
      tables: { metrics: 'metrics_events', security: 'security_events', anomalies: 'anomaly_detections', traces: 'otel_traces', traceIdTs: 'otel_traces_trace_id_ts' },
      rows: { metrics: 5_779_368, security: 70_800, anomalies: 111_540, traces: 728_807, traceIdTs: 134_907 },
      incidents,
    } as unknown as SeedSummary;
    const report = formatSeedReport(summary);
    expect(report).toContain('5,779,368');
    expect(report).toContain('Done in 9.0 s.');
    for (const incident of incidents) expect(report).toContain(incidentPath(incident));
  });
});
