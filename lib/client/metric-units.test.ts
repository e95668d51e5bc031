import { describe, expect, it } from 'vitest';
import { metricUnit } from './metric-units';

describe('units from Prometheus naming conventions', () => {
  it.each([
    ['http_request_duration_seconds', 's'],
    ['order_latency_ms', 'ms'],
    ['node_memory_MemFree_bytes', 'B'],
    ['http_response_size_bytes_total', 'B'],
    ['cache_hit_ratio', 'ratio'],
    ['cpu_usage_percent', '%'],
    ['pnl_usd', 'USD'],
    ['http_requests_total', 'count'],
    ['node_hwmon_temp_celsius', '°C'],
  ])('%s is in %s', (metric, unit) => {
    expect(metricUnit(metric)).toBe(unit);
  });

  it('says nothing for a name without a unit suffix', () => {
    expect(metricUnit('fill_rate')).toBeUndefined();
    expect(metricUnit('exchange_connected')).toBeUndefined();
  });
});
