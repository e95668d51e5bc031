import type { FormatName, FormatSpec } from '../types';
import { jaeger } from './jaeger';
import { otlpJson, otlpProto } from './otlp';
import { prometheus } from './prometheus';
import { suricata } from './suricata';
import { csv, jsonl } from './table-records';
import { zeek } from './zeek';
import { zipkin } from './zipkin';

/** Every import format by name (the --format values). */
export const FORMATS: Record<FormatName, FormatSpec> = {
  'otlp-json': otlpJson,
  'otlp-proto': otlpProto,
  jaeger,
  zipkin,
  suricata,
  zeek,
  prometheus,
  csv,
  jsonl,
};
