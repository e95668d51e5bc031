import 'server-only';
import { z } from 'zod';
import type { LabelFilter } from '@/lib/api/params';

/**
 * Pieces every repository module shares: how values are bound into the SQL
 * files' `{name:Type}` placeholders, and how row fields are decoded.
 */

/**
 * Epoch ms → the text bound to a `DateTime64(3)` placeholder: seconds with
 * three decimals, read the same by chdb and the HTTP client (a JS Date is
 * not: chdb drops its milliseconds and reads it in local time). Zero-padded
 * to ten digits of seconds: ClickHouse reads a text that starts with four
 * digits and a separator ("3600.000") as a year, not as seconds.
 */
export function dateTime64(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3).padStart(14, '0');
}

/** A number from a row: 64-bit integers arrive as JSON strings. */
export const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** A Float64 that may be NaN or ±Infinity, which JSONEachRow writes as null. */
export const float = z.number().nullable();

/** A `Map(String, String)` column. */
export const stringMap = z.record(z.string(), z.string());

/**
 * Metric label filters as bound arrays: the key `service` addresses the
 * `service` column (`service_values`: each must equal it), any other key the
 * `labels` map (parallel `label_keys` / `label_values`: each pair must be in
 * the map). All must match.
 */
export function labelParams(filters: LabelFilter[] | undefined): { service_values: string[]; label_keys: string[]; label_values: string[] } {
  const all = filters ?? [];
  const labels = all.filter((f) => f.key !== 'service');
  return {
    service_values: all.filter((f) => f.key === 'service').map((f) => f.value),
    label_keys: labels.map((f) => f.key),
    label_values: labels.map((f) => f.value),
  };
}

/** A series' labels as the API shows them: the map plus the service column. */
export function withService(labels: Record<string, string>, service: string): Record<string, string> {
  return service === '' ? { ...labels } : { ...labels, service };
}
