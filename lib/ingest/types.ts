import type { IngestTable, RowOf } from '@/lib/clickhouse/ingest-rows';

/**
 * What every import format shares: a reader turns bytes into records (each
 * with the line it starts on), a mapper turns a record into rows for the
 * ingest door, or says which record type it skips, or throws a RecordError
 * naming the problem. Mappers are pure apart from the little state a format
 * needs across records (Zipkin fragments), so each is unit-tested on its own.
 */

export type Emit = { [T in IngestTable]: { table: T; row: RowOf[T] } }[IngestTable];

export type Mapped = Emit[] | { skip: string };

export interface MapContext {
  /** The file's base name without extension (CSV metrics default their name to it). */
  sourceName: string;
  /** Fallback service for records that name none. */
  service?: string;
  /** The time of samples without one (Prometheus scrapes), epoch ms. */
  atMs: number;
  /** Target column → source column, for CSV and JSON Lines. */
  map: Record<string, string>;
  /** The table CSV / JSON Lines records go to, when not inferred from their columns. */
  table?: IngestTable;
}

export interface Mapper {
  map(record: unknown, line: number): Mapped;
  /** Rows held back until the end (e.g. span fragments waiting for their sibling). */
  finish?(): { rows: Emit[]; errors: { line: number; message: string }[] };
}

/** A record that cannot be imported; the importer reports it with its line and goes on. */
export class RecordError extends Error {
  override name = 'RecordError';
}

export type ReaderKind = 'json' | 'text' | 'csv' | 'protobuf';

export interface FormatSpec {
  name: FormatName;
  reader: ReaderKind;
  describe: string;
  create(ctx: MapContext): Mapper;
}

export const FORMAT_NAMES = ['otlp-json', 'otlp-proto', 'jaeger', 'zipkin', 'suricata', 'zeek', 'prometheus', 'csv', 'jsonl'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Helpers the mappers share. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** A flat string map from any object (nested values as JSON). */
export function stringMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) out[k] = text(value);
  return out;
}
