import { beforeAll, describe, expect, it } from 'vitest';
import type { DensityResponse, Span, TraceResponse, TraceSummary, TracesResponse } from '@/lib/api/types';
import { GET as getDensity } from '@/app/api/density/route';
import { GET as getTrace } from '@/app/api/traces/[traceId]/route';
import { GET as listTraces } from '@/app/api/traces/route';
import { testEngine } from '@/test/engine';
import { call, type ErrorBody, type Query } from '@/test/fixtures/request';
import { insertRows } from '@/test/fixtures/rows';
import { isError, otelKind, readZipkin, startUs, zipkinRows, type ZipkinSpan } from './load-zipkin';
import { haveRealdata } from './root';

/**
 * Real Zipkin traces (production SmartThings and Yelp traces, Zipkin's own
 * clock-skew and messaging samples) through the trace routes: every span
 * comes back as written, the lookup table finds each trace without a time
 * hint, and the trace list summarises each one as computed from the JSON.
 */

// Each file holds one trace; together they span 2016-2019.
const FILES = [
  'zipkin_smartthings-mobile-web-install.json',
  'zipkin_smartthings-oauth-authorization.json',
  'zipkin_yelp.json',
  'zipkin_skew.json',
  'zipkin_ascend.json',
  'zipkin_envoy.json',
  'zipkin_messaging.json',
  'zipkin_messaging2.json',
  'zipkin_messaging-kafka.json',
  'zipkin_simple-db-p6.json',
];

const available = haveRealdata('Zipkin traces', FILES.map((f) => `traces/${f}`));

describe.skipIf(!available)('real Zipkin traces through /api/traces', () => {
  const engine = testEngine();
  const traces = new Map<string, ZipkinSpan[]>();
  const byFile = (file: string) => {
    const spans = traces.get(file);
    if (!spans) throw new Error(`${file} not loaded`);
    return spans;
  };

  beforeAll(async () => {
    for (const file of FILES) {
      const spans = readZipkin(file);
      traces.set(file, spans);
      await insertRows('traces', zipkinRows(spans));
    }
  });

  /** A span as the API should return it, computed from the Zipkin JSON. */
  const expectedSpan = (s: ZipkinSpan, all: ZipkinSpan[]): Span => ({
    spanId: s.id,
    parentSpanId: s.parentId ?? '',
    name: s.name ?? '',
    service: s.localEndpoint?.serviceName ?? '',
    kind: otelKind(s),
    start: startUs(s, all) / 1000,
    durationMs: (s.duration ?? 0) / 1000,
    statusCode: isError(s) ? 'Error' : 'Unset',
    statusMessage: s.tags?.error ?? '',
    attributes: s.tags ?? {},
  });

  // Spans may share an id (Zipkin's client and server halves), so compare as sorted multisets.
  const sortKey = (s: Span) =>
    JSON.stringify([s.spanId, s.start, s.service, s.kind, s.name, s.durationMs, Object.entries(s.attributes).sort()]);
  const sorted = (spans: Span[]) => [...spans].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

  /** The trace's own window: from its first span's ms to just after its last span's ms. */
  function windowOf(spans: ZipkinSpan[]) {
    const starts = spans.map((s) => startUs(s, spans));
    return { from: Math.floor(Math.min(...starts) / 1000), to: Math.floor(Math.max(...starts) / 1000) + 1 };
  }

  /** The trace list's summary, computed from the JSON as the list defines it. */
  function expectedSummary(spans: ZipkinSpan[]): TraceSummary {
    const starts = spans.map((s) => startUs(s, spans));
    const first = Math.min(...starts);
    const lastEnd = Math.max(...spans.map((s, i) => (starts[i] as number) + (s.duration ?? 0)));
    // The root is the span without a parent, else the earliest span.
    const roots = spans.filter((s) => !s.parentId);
    const root = [...(roots.length > 0 ? roots : spans)].sort((a, b) => startUs(a, spans) - startUs(b, spans))[0] as ZipkinSpan;
    return {
      traceId: (spans[0] as ZipkinSpan).traceId,
      rootService: root.localEndpoint?.serviceName ?? '',
      rootName: root.name ?? '',
      start: first / 1000,
      durationMs: ((lastEnd - first) * 1000) / 1e6,
      spanCount: spans.length,
      errorCount: spans.filter(isError).length,
    };
  }

  async function trace(traceId: string, query: Query = {}) {
    const res = await call<TraceResponse & ErrorBody>(getTrace, `/api/traces/${traceId}`, query, { params: { traceId } });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    return res.body;
  }

  async function list(query: Query) {
    const res = await call<TracesResponse & ErrorBody>(listTraces, '/api/traces', query);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    return res.body.traces;
  }

  describe.each(FILES)('%s', (file) => {
    it('returns every span as written, found through the TraceId lookup (no hint)', async () => {
      const spans = byFile(file);
      const traceId = (spans[0] as ZipkinSpan).traceId;
      const body = await trace(traceId);
      expect(body.traceId).toBe(traceId);
      expect(body.spans).toHaveLength(spans.length);
      expect(sorted(body.spans)).toEqual(sorted(spans.map((s) => expectedSpan(s, spans))));
      // Parent links resolve as in the file: the spans whose parent is not in the trace are the file's own orphans.
      const orphans = (list: { id: string; parent: string }[]) => {
        const ids = new Set(list.map((s) => s.id));
        return list.filter((s) => s.parent !== '' && !ids.has(s.parent)).map((s) => s.id).sort();
      };
      expect(orphans(body.spans.map((s) => ({ id: s.spanId, parent: s.parentSpanId })))).toEqual(
        orphans(spans.map((s) => ({ id: s.id, parent: s.parentId ?? '' }))),
      );
    });

    it('finds the trace with a from/to hint exactly covering its spans, and no more', async () => {
      const spans = byFile(file);
      const traceId = (spans[0] as ZipkinSpan).traceId;
      const { from, to } = windowOf(spans);
      expect((await trace(traceId, { from, to })).spans).toHaveLength(spans.length);
      // `to` is exclusive: ending the hint at the last span's millisecond leaves out the spans starting in it.
      const inLastMs = spans.filter((s) => Math.floor(startUs(s, spans) / 1000) === to - 1).length;
      if (inLastMs < spans.length) {
        expect((await trace(traceId, { from, to: to - 1 })).spans).toHaveLength(spans.length - inLastMs);
      }
    });

    it('is listed alone in its own window with the summary computed from the JSON', async () => {
      const spans = byFile(file);
      expect(await list(windowOf(spans))).toEqual([expectedSummary(spans)]);
    });
  });

  it('lists the 2018 traces newest first, each summarised from its own spans', async () => {
    const in2018 = FILES.map(byFile).filter((spans) => new Date(startUs(spans[0] as ZipkinSpan, spans) / 1000).getUTCFullYear() === 2018);
    expect(in2018.length).toBeGreaterThan(2);
    const expected = in2018.map(expectedSummary).sort((a, b) => b.start - a.start);
    expect(await list({ from: Date.UTC(2018, 0, 1), to: Date.UTC(2019, 0, 1), limit: 1000 })).toEqual(expected);
    // status=error keeps exactly the traces with an error-tagged span.
    const errors = await list({ from: Date.UTC(2018, 0, 1), to: Date.UTC(2019, 0, 1), status: 'error' });
    expect(errors.map((t) => t.traceId)).toEqual(expected.filter((t) => t.errorCount > 0).map((t) => t.traceId));
  });

  it('counts the 2018 spans and error spans in /api/density', async () => {
    const in2018 = FILES.flatMap((file) => byFile(file).filter((s, _, all) => new Date(startUs(s, all) / 1000).getUTCFullYear() === 2018));
    const res = await call<DensityResponse & ErrorBody>(getDensity, '/api/density', { from: Date.UTC(2018, 0, 1), to: Date.UTC(2019, 0, 1) });
    expect(res.status).toBe(200);
    expect(res.body.buckets.reduce((n, b) => n + b.spans, 0)).toBe(in2018.length);
    expect(res.body.buckets.reduce((n, b) => n + b.errorSpans, 0)).toBe(in2018.filter(isError).length);
  });

  describe('the SmartThings mobile install trace (1,041 spans, 16 services)', () => {
    const FILE = 'zipkin_smartthings-mobile-web-install.json';

    it('keeps its two error spans as Error with the tag as the message', async () => {
      const spans = byFile(FILE);
      const expected = spans.filter(isError).map((s) => expectedSpan(s, spans));
      // SOURCES.md says 2 error spans, 16 services, 1,041 spans: check the loader read the file as described.
      expect(expected).toHaveLength(2);
      expect(spans).toHaveLength(1041);
      const body = await trace('14b60fd9ae504820');
      expect(new Set(body.spans.map((s) => s.service)).size).toBe(16);
      expect(sorted(body.spans.filter((s) => s.statusCode === 'Error'))).toEqual(sorted(expected));
    });

    it('keeps the fragments Zipkin reported without timestamp or duration', async () => {
      const spans = byFile(FILE);
      const fragments = spans.filter((s) => s.timestamp === undefined);
      expect(fragments.length).toBeGreaterThan(0);
      const body = await trace('14b60fd9ae504820');
      const zeroDuration = body.spans.filter((s) => s.durationMs === 0).length;
      expect(zeroDuration).toBe(spans.filter((s) => s.duration === undefined || s.duration === 0).length);
    });

    it('accepts the 16-digit trace id in upper case', async () => {
      expect((await trace('14B60FD9AE504820')).spans).toHaveLength(1041);
    });
  });

  it('reads a 32-digit trace id (zipkin_messaging.json)', async () => {
    const spans = byFile('zipkin_messaging.json');
    const traceId = (spans[0] as ZipkinSpan).traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((await trace(traceId)).spans).toHaveLength(spans.length);
  });

  it('survives clock skew: children starting before their parent (zipkin_skew.json)', async () => {
    const spans = byFile('zipkin_skew.json');
    const starts = spans.map((s) => startUs(s, spans));
    // The file really is skewed: the root's children start before the root.
    const root = spans.find((s) => !s.parentId) as ZipkinSpan;
    const skewed = spans.filter((s) => s.parentId === root.id && startUs(s, spans) < startUs(root, spans));
    expect(skewed.length).toBeGreaterThan(0);
    const body = await trace(spans[0]?.traceId ?? '');
    expect(body.spans).toHaveLength(spans.length);
    // Spans come back in start order, so the root is not first.
    expect(body.spans[0]?.parentSpanId).not.toBe('');
    const [summary] = await list(windowOf(spans));
    // The root is still the parentless span, though a child started earlier; the duration runs from that child.
    expect(summary).toMatchObject({ rootService: 'servicea', rootName: 'get', spanCount: 4 });
    expect(summary?.start).toBe(Math.min(...starts) / 1000);
    expect(summary?.durationMs).toBeGreaterThan(Math.max(...spans.map((s) => (s.duration ?? 0) / 1000)));
  });

  it('keeps the Yelp trace\'s tags byte for byte, including "<host>" placeholders', async () => {
    const spans = byFile('zipkin_yelp.json');
    const body = await trace('a03ee8fff1dcd9b9');
    const tagged = spans.filter((s) => Object.keys(s.tags ?? {}).length > 0);
    expect(tagged.length).toBeGreaterThan(0);
    const attributes = (list: { attributes: Record<string, string> }[]) => list.map((s) => JSON.stringify(Object.entries(s.attributes).sort())).sort();
    expect(attributes(body.spans)).toEqual(attributes(spans.map((s) => ({ attributes: s.tags ?? {} }))));
    expect(new Set(body.spans.map((s) => s.service)).size).toBe(6);
    // A service name with a slash filters the list like any other.
    const listed = await list({ ...windowOf(spans), service: 'yelp_main/api_proxy' });
    expect(listed.map((t) => t.traceId)).toEqual(['a03ee8fff1dcd9b9']);
  });

  it('stores the annotations as span events', async () => {
    const client = await engine.client();
    const rs = await client.query({ query: 'SELECT toUInt32(sum(length(Events.Name))) AS n FROM otel_traces', format: 'JSONEachRow' });
    const [row] = (await rs.json()) as { n: number }[];
    const annotations = FILES.flatMap(byFile).reduce((n, s) => n + (s.annotations?.length ?? 0), 0);
    expect(annotations).toBeGreaterThan(0);
    expect(row?.n).toBe(annotations);
  });
});
