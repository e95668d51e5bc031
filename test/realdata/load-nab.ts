import { readRealdata } from './root';

/**
 * Numenta Anomaly Benchmark series (`timestamp,value`, zone-less times read
 * as UTC) and its hand-labelled anomaly windows.
 */

export interface NabPoint {
  /** Epoch ms. */
  t: number;
  value: number;
}

/** `2014-03-07 03:41:00` (optionally with `.ffffff`) → epoch ms, as UTC. */
export function nabTimeMs(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(text);
  if (!m) throw new Error(`unreadable NAB timestamp ${text}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** The series of `realKnownCause/<name>.csv` etc., in file order (not always time order). */
export function readNabSeries(relative: string): NabPoint[] {
  const [header, ...lines] = readRealdata(`metrics/nab/${relative}`).trim().split('\n');
  if (header?.trim() !== 'timestamp,value') throw new Error(`unexpected NAB header ${header}`);
  return lines.map((line) => {
    const [time = '', value = ''] = line.trim().split(',');
    return { t: nabTimeMs(time), value: Number(value) };
  });
}

/** The labelled anomaly windows of one series, as [start, end] epoch ms. */
export function readNabWindows(relative: string): [number, number][] {
  const windows = JSON.parse(readRealdata('metrics/nab/labels/combined_windows.json')) as Record<string, [string, string][]>;
  const mine = windows[relative];
  if (!mine) throw new Error(`no labelled windows for ${relative}`);
  return mine.map(([start, end]) => [nabTimeMs(start), nabTimeMs(end)]);
}

/** The metric name a series is stored under: its file name. */
export const nabMetric = (relative: string) => (relative.split('/').pop() ?? relative).replace(/\.csv$/, '');
