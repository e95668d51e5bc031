import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogResponse, DensityResponse, SecurityEventsResponse, SeriesResponse, TraceResponse, TracesResponse } from '@/lib/api/types';
import { GET as getCatalog } from '@/app/api/catalog/route';
import { GET as getDensity } from '@/app/api/density/route';
import { GET as listEvents } from '@/app/api/security-events/route';
import { GET as getSeries } from '@/app/api/series/route';
import { GET as getTrace } from '@/app/api/traces/[traceId]/route';
import { GET as listTraces } from '@/app/api/traces/route';
import { importFile } from '@/lib/ingest/import-file';
import { LIMITS } from '@/lib/queries/catalog';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody } from '@/test/fixtures/request';
import { nabTimeMs } from './load-nab';
import { eveTimeMs } from './load-suricata';
import { readZipkin, startUs } from './load-zipkin';
import { haveRealdata, realdataPath } from './root';

/**
 * `npm run import`'s engine on the real samples: each file's row count and
 * time span as computed here from the file itself (not from the importer),
 * and the routes answer with the same numbers.
 */

const ZIPKIN = ['zipkin_smartthings-mobile-web-install.json', 'zipkin_yelp.json', 'zipkin_skew.json'];
const SURICATA = ['wrccdc-2018_alerts-only.json', 'honeypot-2018_alerts-only.json'];
const SCRAPE = 'metrics/prometheus_node_exporter/e2e-output.txt';
const NAB = 'metrics/nab/realAWSCloudwatch/ec2_cpu_utilization_5f5533.csv';

const available = haveRealdata('real samples through npm run import', [...ZIPKIN.map((f) => `traces/${f}`), ...SURICATA.map((f) => `security/suricata/${f}`), SCRAPE, NAB]);

const ok = <T>(res: { status: number; body: T & Partial<ErrorBody> }) => {
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body;
};

describe.skipIf(!available)('real samples through the importer and back out of the routes', () => {
  testEngine();

  it.each(ZIPKIN)('Zipkin %s: one row per span, its time span, and the trace as a whole through /api/traces', async (file) => {
    const spans = readZipkin(file);
    const starts = spans.map((s) => startUs(s, spans));
    const fromMs = Math.floor(Math.min(...starts) / 1000);
    const toMs = Math.floor(Math.max(...starts) / 1000);
    const summary = await importFile(realdataPath(`traces/${file}`));
    expect(summary.format).toBe('zipkin');
    expect(summary.rejected).toBe(0);
    expect(summary.tables.traces).toMatchObject({ rows: spans.length, fromMs, toMs });

    const traceId = spans[0]?.traceId ?? '';
    const list = ok(await call<TracesResponse>(listTraces, '/api/traces', { from: fromMs, to: toMs + 1 }));
    expect(list.traces.find((t) => t.traceId === traceId)?.spanCount).toBe(spans.length);
    const trace = ok(await call<TraceResponse>(getTrace, `/api/traces/${traceId}`, {}, { params: { traceId } }));
    expect(trace.spans).toHaveLength(spans.length);
    expect(trace.spans.filter((s) => s.statusCode === 'Error')).toHaveLength(spans.filter((s) => s.tags?.error !== undefined).length);
  });

  it.each(SURICATA)('Suricata %s: one event per alert, its time span, and every one back through /api/security-events', async (file) => {
    const alerts = JSON.parse(readFileSync(realdataPath(`security/suricata/${file}`), 'utf8')) as { timestamp: string; event_type: string; alert: { severity: number } }[];
    const times = alerts.map((a) => eveTimeMs(a.timestamp));
    const window = { from: Math.min(...times), to: Math.max(...times) + 1 };
    const summary = await importFile(realdataPath(`security/suricata/${file}`));
    expect(summary.format).toBe('suricata');
    expect(summary.tables.security).toMatchObject({ rows: alerts.filter((a) => a.event_type === 'alert').length, fromMs: window.from, toMs: window.to - 1 });

    const page = ok(await call<SecurityEventsResponse>(listEvents, '/api/security-events', { ...window, limit: 1000 }));
    expect(page.events).toHaveLength(alerts.length);
    // Severity 1/2/3 → 0.9/0.6/0.3, as documented.
    const score = { 1: 0.9, 2: 0.6, 3: 0.3 } as Record<number, number>;
    expect(page.events.map((e) => e.threatScore).sort()).toEqual(alerts.map((a) => score[a.alert.severity]).sort());
    const density = ok(await call<DensityResponse>(getDensity, '/api/density', window));
    const critical = density.buckets.reduce((n, b) => n + b.security.critical, 0);
    expect(critical).toBe(alerts.filter((a) => a.alert.severity === 1).length);
  });

  it('the node_exporter scrape: one row per sample at --at, and its metric names in /api/catalog', async () => {
    const samples = readFileSync(realdataPath(SCRAPE), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const names = new Set(samples.map((l) => /^[^{\s]+/.exec(l)?.[0]));
    const at = Date.UTC(2024, 0, 15, 9, 30);
    const summary = await importFile(realdataPath(SCRAPE), { atMs: at });
    expect(summary.format).toBe('prometheus');
    expect(summary.rejected).toBe(0);
    expect(summary.tables.metrics).toMatchObject({ rows: samples.length, fromMs: at, toMs: at });

    // The catalog lists the first 1,000 names by name (of the scrape's ~1,200), each with its sample count.
    const perName = new Map<string, number>();
    for (const l of samples) perName.set(/^[^{\s]+/.exec(l)?.[0] ?? '', (perName.get(/^[^{\s]+/.exec(l)?.[0] ?? '') ?? 0) + 1);
    const catalog = ok(await call<CatalogResponse>(getCatalog, '/api/catalog', { from: at, to: at + 1 }));
    expect(catalog.metrics.map((m) => m.name)).toEqual([...names].sort().slice(0, LIMITS.metrics));
    for (const m of catalog.metrics) expect(m.rows, m.name).toBe(perName.get(m.name));
  });

  it('a NAB CSV through --map: one row per line, its time span, and its values back through /api/series', async () => {
    const lines = readFileSync(realdataPath(NAB), 'utf8').trim().split('\n').slice(1);
    const times = lines.map((l) => nabTimeMs(l.split(',')[0] ?? ''));
    const total = lines.reduce((sum, l) => sum + Number(l.split(',')[1]), 0);
    const summary = await importFile(realdataPath(NAB), { map: { timestamp: 'timestamp', value: 'value' }, service: 'nab' });
    expect(summary.format).toBe('csv');
    expect(summary.tables.metrics).toMatchObject({ rows: lines.length, fromMs: Math.min(...times), toMs: Math.max(...times) });

    const metric = 'ec2_cpu_utilization_5f5533';
    const from = Math.min(...times);
    const series = ok(await call<SeriesResponse>(getSeries, '/api/series', { from, to: Math.max(...times) + 1, metric, step: '1d', agg: ['count', 'sum'] }));
    const [count, sum] = series.series;
    expect(count?.points.reduce((n, [, v]) => n + (v ?? 0), 0)).toBe(lines.length);
    expect(sum?.points.reduce((n, [, v]) => n + (v ?? 0), 0)).toBeCloseTo(total, 6);
  });
});
