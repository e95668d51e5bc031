import { nsToMs, parseTimestamp } from '../timestamp';
import { RecordError, type Emit, type FormatSpec, type MapContext, type Mapped } from '../types';

/**
 * Prometheus text exposition and OpenMetrics → metrics_events, one row per
 * sample. Counters, gauges, histograms (`_bucket` with its `le` label,
 * `_sum`, `_count`) and summaries (quantiles, `_sum`, `_count`) are all
 * samples under their own names, as PromQL sees them. `job` or `service`
 * becomes the service; every other label is kept in `labels`. Timestamps are
 * optional (ms in Prometheus, seconds in OpenMetrics: the magnitude tells
 * them apart); a sample without one takes the scrape time (`--at`, else the
 * file's modification time). Comments (HELP, TYPE, UNIT, EOF) carry no rows.
 * NaN and ±Inf samples are skipped and counted: the charts plot numbers.
 */

const NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;

function readLabels(line: string, at: number, labels: Record<string, string>): number {
  let i = at + 1; // past '{'
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '}') return i + 1;
    LABEL_NAME.lastIndex = i;
    const name = LABEL_NAME.exec(line)?.[0];
    if (!name) throw new RecordError(`a label name was expected at column ${i + 1}`);
    i += name.length;
    while (line[i] === ' ') i++;
    if (line[i] !== '=' || line[i + 1] !== '"') throw new RecordError(`label ${name} needs ="value"`);
    i += 2;
    let value = '';
    for (;;) {
      const c = line[i];
      if (c === undefined) throw new RecordError(`the value of label ${name} is not closed`);
      if (c === '"') break;
      if (c === '\\') {
        const next = line[i + 1];
        value += next === 'n' ? '\n' : (next ?? '');
        i += 2;
      } else {
        value += c;
        i += 1;
      }
    }
    labels[name] = value;
    i += 1;
    while (line[i] === ' ') i++;
    if (line[i] === ',') i++;
    else if (line[i] !== '}') throw new RecordError(`"," or "}" expected after label ${name}`);
  }
}

function sampleValue(token: string): number {
  const t = token.toLowerCase();
  if (t === 'nan') return NaN;
  if (t === '+inf' || t === 'inf') return Infinity;
  if (t === '-inf') return -Infinity;
  const v = Number(token);
  if (token === '' || Number.isNaN(v)) throw new RecordError(`"${token}" is not a sample value`);
  return v;
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** Epoch ms, when the sample carries a timestamp. */
  timeMs?: number;
}

/** One exposition line → its sample, or null for comments and blank lines. */
export function parseSampleLine(raw: string): Sample | null {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return null;
  NAME.lastIndex = 0;
  const name = NAME.exec(line)?.[0];
  if (!name) throw new RecordError('a metric name was expected');
  const labels: Record<string, string> = {};
  let i = name.length;
  if (line[i] === '{') i = readLabels(line, i, labels);
  // Exemplars (OpenMetrics) follow " # "; they are not samples.
  const rest = line.slice(i).split(' # ')[0]?.trim().split(/\s+/) ?? [];
  if (rest.length === 0 || rest[0] === '') throw new RecordError(`metric ${name} has no value`);
  if (rest.length > 2) throw new RecordError(`unexpected "${rest.slice(2).join(' ')}" after the value of ${name}`);
  const value = sampleValue(rest[0] as string);
  if (rest[1] === undefined) return { name, labels, value };
  const ns = parseTimestamp(rest[1]);
  if (ns === null) throw new RecordError(`"${rest[1]}" is not a timestamp`);
  return { name, labels, value, timeMs: nsToMs(ns) };
}

export function sampleRow(sample: Sample, ctx: MapContext): Mapped {
  if (!Number.isFinite(sample.value)) return { skip: 'NaN/Inf samples' };
  const { job, service, ...labels } = sample.labels;
  const row: Emit = {
    table: 'metrics',
    row: { timeMs: sample.timeMs ?? ctx.atMs, metric: sample.name, service: service ?? job ?? ctx.service ?? 'prometheus', value: sample.value, labels },
  };
  return [row];
}

export const prometheus: FormatSpec = {
  name: 'prometheus',
  reader: 'text',
  describe: 'Prometheus text exposition or OpenMetrics (with or without timestamps; --at sets the scrape time)',
  create: (ctx) => ({
    map(record) {
      const sample = parseSampleLine(String(record));
      return sample ? sampleRow(sample, ctx) : [];
    },
  }),
};
