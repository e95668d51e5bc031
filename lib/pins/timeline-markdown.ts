import type { SnapshotResponse } from '@/lib/api/types';
import { formatDateTime, formatMs, formatValue } from '@/lib/client/format';
import type { Pin } from '@/lib/url/pins';

/**
 * "Export timeline": the pins in time order, each with the state of the
 * world at it (the snapshot: each series' last value, the anomalies and
 * security events of the lookback, the failing spans in flight), as Markdown
 * for a post-mortem. Pure: the caller fetches the snapshots.
 */

export interface PinnedState {
  pin: Pin;
  snapshot: SnapshotResponse | null;
  /** Why the snapshot is missing (the request failed). */
  error?: string;
}

export interface TimelineExport {
  pins: readonly PinnedState[];
  tz: string;
  window: { from: number; to: number };
  /** A link back to the view (pins included). */
  link: string;
  lookbackMs: number;
}

const METRICS_LISTED = 25;
const EVENTS_LISTED = 15;

/** Text for a Markdown table cell or list item: no pipes or newlines to break the layout. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
const failing = (statusCode: string) => statusCode.toLowerCase().includes('error');

function pinSection({ pin, snapshot, error }: PinnedState, index: number, tz: string, lookbackMs: number): string[] {
  const lines = [`## ${index + 1}. ${formatDateTime(pin.t, tz)}${pin.note ? ` — ${cell(pin.note)}` : ''}`, ''];
  if (!snapshot) return [...lines, `_The state at this pin could not be read${error ? `: ${cell(error)}` : ''}._`, ''];
  const minutes = Math.round(lookbackMs / 60_000);
  lines.push(`**Metrics** (each series' last sample in the ${minutes} min before)`, '');
  if (snapshot.metrics.length === 0) lines.push('_No metric was sampled._', '');
  else {
    lines.push('| metric | series | value | sampled |', '|---|---|---:|---|');
    for (const m of snapshot.metrics.slice(0, METRICS_LISTED)) {
      lines.push(`| ${cell(m.metric)} | ${cell(labelText(m.labels))} | ${formatValue(m.value)} | ${formatDateTime(m.timestamp, tz)} |`);
    }
    if (snapshot.metrics.length > METRICS_LISTED) lines.push('', `… and ${snapshot.metrics.length - METRICS_LISTED} more series.`);
    lines.push('');
  }
  lines.push('**Anomalies**', '');
  if (snapshot.anomalies.length === 0) lines.push('_None._');
  for (const a of snapshot.anomalies.slice(0, EVENTS_LISTED)) {
    const series = labelText(a.context);
    lines.push(`- ${formatDateTime(a.timestamp, tz)} ${cell(a.metric)}${series ? ` {${cell(series)}}` : ''}: ${formatValue(a.value)} against ${formatValue(a.expectedValue)} expected (${a.deviationScore.toFixed(1)}σ)`);
  }
  lines.push('', '**Security events**', '');
  if (snapshot.securityEvents.length === 0) lines.push('_None._');
  for (const e of snapshot.securityEvents.slice(0, EVENTS_LISTED)) {
    lines.push(`- ${formatDateTime(e.timestamp, tz)} ${e.severity} ${cell(e.eventType)} from ${e.sourceIp} (threat ${e.threatScore.toFixed(2)}, ${cell(e.actionTaken)}): ${cell(e.description)}`);
  }
  if (snapshot.securityEvents.length > EVENTS_LISTED) lines.push(`- … and ${snapshot.securityEvents.length - EVENTS_LISTED} more`);
  const failed = snapshot.spans.filter((s) => failing(s.statusCode));
  lines.push('', '**Failing spans** (in flight at the pin)', '');
  if (failed.length === 0) lines.push(`_None of the ${snapshot.spans.length} spans in flight failed._`);
  for (const s of failed.slice(0, EVENTS_LISTED)) lines.push(`- ${cell(s.service)} ${cell(s.name)}: ${formatMs(s.durationMs)}, trace \`${s.traceId}\``);
  lines.push('');
  return lines;
}

export function timelineMarkdown({ pins, tz, window, link, lookbackMs }: TimelineExport): string {
  const ordered = [...pins].sort((a, b) => a.pin.t - b.pin.t);
  const head = [
    `# Timeline ${formatDateTime(window.from, tz)} → ${formatDateTime(window.to, tz)} (${tz})`,
    '',
    `${ordered.length} pin${ordered.length === 1 ? '' : 's'} · [open in Flashback](${link})`,
    '',
  ];
  return [...head, ...ordered.flatMap((p, i) => pinSection(p, i, tz, lookbackMs))].join('\n');
}
