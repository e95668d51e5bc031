/**
 * `tsx scripts/bench/report.ts <sizes> [seconds]`: docs/benchmarks.md from
 * bench-results/<size>.json, and one JSON of the whole run
 * (bench-results/bench-<commit>-<date>.json) for comparing commits.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR, readResults, scenarios, WINDOWS } from './common';

interface Figures {
  timedOut?: boolean;
  p50: number;
  p95: number;
  rowsRead: number;
  bytesRead: number;
  bytes?: number;
}

interface SizeResults {
  dataset?: { rows: Record<string, number>; seconds: number; rowsPerSecond: number; days: number; scale: number; seededAt: string; note?: string };
  tableRows?: number;
  end?: number;
  direct?: Record<string, { direct: Figures; grafana: Figures }>;
  http?: Record<string, Figures & { sql: string[]; status?: number }>;
  ui?: {
    panels: number;
    chartsDrawn: { cold: number; warmP50: number; warmMax: number };
    lcpCold: number;
    playheadMove: { p50: number; p95: number };
    scrubFrames: { p50: number; p95: number; max: number; n: number };
    requestsWhileScrubbing: number;
    heapMb: { afterScrub: number; afterTenWindowChanges: number[] };
  };
  load?: {
    requests: number;
    throughput: number;
    latency: { p50: number; p90: number; p99: number; max: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    health: { p50: number; p99: number; max: number };
    rssMb: { before: number; after: number };
  };
  viewers?: { link: string; requestsPerViewer: number; httpRequests: number; non200: number; queriesRun: number; distinctQueries: number };
  changes?: Record<string, { p50: number; p95: number; listed: number }>;
}

const sizes = (process.argv[2] ?? '1e6,1e7,1e8').split(',');
const seconds = Number(process.argv[3] ?? NaN);
const commit = execSync('git rev-parse --short HEAD').toString().trim();
const date = new Date().toISOString();
const ms = (v: number | null | undefined) => (v === undefined || v === null || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
const count = (v: number | null | undefined) => (v === undefined || v === null || Number.isNaN(v) ? '–' : v.toLocaleString('en-US'));
const kb = (v: number | undefined) => (v === undefined ? '–' : `${(v / 1024).toFixed(1)} KB`);
const ratio = (a: number | undefined, b: Figures | undefined) => (a && b ? `${b.timedOut ? '≥ ' : ''}${(b.p50 / a).toFixed(1)}×` : '–');
const grafanaTimes = (g: Figures | undefined) => (g?.timedOut ? '> 60 s (limit)' : `${ms(g?.p50)} / ${ms(g?.p95)}`);

const all: Record<string, SizeResults> = Object.fromEntries(sizes.map((s) => [s, readResults(s) as SizeResults]));

const lines: string[] = [
  '# Benchmarks',
  '',
  `\`npm run bench -- --sizes ${sizes.join(',')}\` on ${date.slice(0, 10)} at commit \`${commit}\`` +
    (Number.isNaN(seconds) ? '' : `, ${Math.round(seconds / 60)} min in all`) +
    `. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ` +
    'embedded ClickHouse (chdb), shared with other work (figures are from a busy machine, not an idle one).',
  '',
  'Per size: **HTTP** is the route against `next start` (read cache off, so every request runs its queries), ' +
    '**SQL** the same queries run directly through the client (as the route runs them, concurrently), ' +
    '**Grafana** the query a Grafana ClickHouse panel would issue for the same chart over the raw table ' +
    '(`scripts/bench/grafana/`). p50/p95 in ms over the runs after a warm-up (7 and 3 for Grafana by default; the 1e8 run used 3 and 1, so its p95 is a maximum of 3 and its Grafana figure one run; a query that ran over 60 s is marked); rows and bytes read are ' +
    "ClickHouse's statistics for one request; `×` is Grafana p50 / HTTP p50. Windows end at the dataset's last row.",
  '',
];

for (const size of sizes) {
  const r = all[size];
  if (!r?.direct || !r.end) continue;
  const d = r.dataset;
  lines.push(`## ${size} metric rows`, '');
  if (d) {
    const total = Object.values(d.rows).reduce((a, b) => a + b, 0);
    lines.push(
      `Dataset: ${count(d.rows.metrics)} metric rows, ${count(d.rows.security)} security events, ${count(d.rows.anomalies)} anomaly verdicts, ` +
        `${count(d.rows.traces)} spans (${d.days} days, \`--scale ${d.scale}\`); seeded with the rollups' views in ${ms(d.seconds)} s ` +
        `(${count(Math.round(total / d.seconds))} rows/s)${d.note ? ` — ${d.note}` : ''}.`,
      '',
    );
  }
  lines.push(
    '| request | HTTP p50 / p95 | SQL p50 / p95 | Grafana p50 / p95 | × | rows read (HTTP / Grafana) | bytes read (HTTP / Grafana) | body |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const s of scenarios(r.end)) {
    const h = r.http?.[s.id];
    const x = r.direct[s.id];
    lines.push(
      `| ${s.id} | ${h?.status ? `HTTP ${h.status} after ${ms(h.p50)}` : `${ms(h?.p50)} / ${ms(h?.p95)}`} | ${ms(x?.direct.p50)} / ${ms(x?.direct.p95)} | ${grafanaTimes(x?.grafana)} | ` +
        `${ratio(h?.p50, x?.grafana)} | ${count(h?.rowsRead)} / ${count(x?.grafana.rowsRead)} | ${count(h?.bytesRead)} / ${count(x?.grafana.bytesRead)} | ${kb(h?.bytes)} |`,
    );
  }
  const fifteen = Object.entries(r.http ?? {}).filter(([id]) => id.endsWith(' 15m'));
  if (r.tableRows && fifteen.length > 0) {
    const worst = Math.max(...fifteen.map(([, f]) => f.rowsRead).filter((n) => !Number.isNaN(n)));
    lines.push('', `15-minute window: at most ${count(worst)} rows read per request, ${((100 * worst) / r.tableRows).toFixed(3)} % of the ${count(r.tableRows)} metric rows.`);
  }
  if (r.ui) {
    const u = r.ui;
    lines.push(
      '',
      `UI (Chromium 1280×720, pinned 24 h link, ${u.panels} charts): charts drawn ${ms(u.chartsDrawn.cold)} ms after navigation cold, ` +
        `${ms(u.chartsDrawn.warmP50)} ms warm (p50; max ${ms(u.chartsDrawn.warmMax)}); LCP cold ${ms(u.lcpCold)} ms; playhead move → all panels updated p50 ${ms(u.playheadMove.p50)} / p95 ${ms(u.playheadMove.p95)} ms; ` +
        `full-window drag: frame p50 ${ms(u.scrubFrames.p50)} / p95 ${ms(u.scrubFrames.p95)} / max ${ms(u.scrubFrames.max)} ms over ${u.scrubFrames.n} frames, ${u.requestsWhileScrubbing} API requests while dragging; ` +
        `JS heap ${u.heapMb.afterScrub.toFixed(1)} MB after the scrub, ${u.heapMb.afterTenWindowChanges.map((h) => h.toFixed(1)).join(' → ')} MB over ten window changes.`,
    );
  }
  if (r.load) {
    const l = r.load;
    lines.push(
      '',
      `Load (50 connections, 30 s, timeline requests on random windows of the last week): ${count(l.requests)} requests, ${l.throughput.toFixed(1)}/s, ` +
        `p50 ${ms(l.latency.p50)} / p90 ${ms(l.latency.p90)} / p99 ${ms(l.latency.p99)} ms (max ${ms(l.latency.max)}), errors ${l.errors}, timeouts ${l.timeouts}, non-2xx ${l.non2xx}; ` +
        `\`/api/health\` meanwhile p50 ${ms(l.health.p50)} / p99 ${ms(l.health.p99)} ms (max ${ms(l.health.max)}); server RSS ${ms(l.rssMb.before)} → ${ms(l.rssMb.after)} MB.`,
    );
  }
  if (r.changes) {
    const parts = Object.entries(r.changes).map(([id, c]) => `${id} p50 ${ms(c.p50)} / p95 ${ms(c.p95)} ms (${c.listed} rows listed)`);
    lines.push('', `What changed (\`/api/changes\`, in-process, the last hour of the data): ${parts.join('; ')}.`);
  }
  if (r.viewers) {
    const v = r.viewers;
    lines.push(
      '',
      `Viewers: 50 people open \`${v.link}\` within 10 s (${v.requestsPerViewer} API requests each, ${v.httpRequests} in all, ${v.non200} not 200): ` +
        `ClickHouse ran ${v.queriesRun} queries for ${v.distinctQueries} distinct ones.`,
    );
  }
  lines.push('');
}

lines.push(
  '## Reading the figures',
  '',
  `Windows: ${Object.keys(WINDOWS).join(', ')}. The routes read the rollups (per-minute / hourly metric rollups, per-minute event counts, the per-trace summary) where they give the raw answer and raw rows for the ragged edges (docs/api.md, "Rollups"); the Grafana-style queries read raw rows.`,
  '',
);

writeFileSync(path.join('docs', 'benchmarks.md'), `${lines.join('\n')}\n`);
writeFileSync(path.join(RESULTS_DIR, `bench-${commit}-${date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify({ commit, date, sizes: all }, null, 2)}\n`);
console.log(`wrote docs/benchmarks.md and bench-results/bench-${commit}-….json`);
