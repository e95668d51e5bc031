/**
 * A metric's unit from its name, by the Prometheus naming conventions
 * (https://prometheus.io/docs/practices/naming/): the base unit is the
 * name's suffix (`_seconds`, `_bytes`, `_ratio`), `_total` marks a counter
 * (its unit, if any, comes before it), and common non-base suffixes (`_ms`,
 * a currency such as `_usd`) are read the same way. No list of known metrics:
 * any data named this way gets its unit.
 */

const SUFFIXES: readonly [RegExp, string][] = [
  [/_(seconds|secs?)$/, 's'],
  [/_(milliseconds|millis|ms)$/, 'ms'],
  [/_(microseconds|us)$/, 'µs'],
  [/_(nanoseconds|ns)$/, 'ns'],
  [/_bytes$/, 'B'],
  [/_bits$/, 'bit'],
  [/_(ratio|fraction)$/, 'ratio'],
  [/_(percent|pct)$/, '%'],
  [/_(celsius)$/, '°C'],
  [/_(volts)$/, 'V'],
  [/_(amperes)$/, 'A'],
  [/_(joules)$/, 'J'],
  [/_(meters)$/, 'm'],
  [/_(usd|eur|gbp|jpy|chf)$/, ''],
];

export function metricUnit(metric: string): string | undefined {
  const name = metric.toLowerCase();
  // A counter's unit sits before `_total` (`http_request_bytes_total`); a bare counter counts.
  const base = name.endsWith('_total') ? name.slice(0, -'_total'.length) : name;
  for (const [pattern, unit] of SUFFIXES) {
    const match = pattern.exec(base);
    if (match) return unit || (match[1] ?? '').toUpperCase();
  }
  return name.endsWith('_total') ? 'count' : undefined;
}
