/**
 * Data Flashback did not make, for the foreign-data web server
 * (e2e/support/serve-foreign.sh imports it with `npm run import`): a few web
 * services' metrics named the Prometheus way, as CSV, six hours at one
 * sample a minute per service. Nothing in it matches the demo's names.
 */

export const FOREIGN_END = Date.UTC(2025, 5, 1, 12, 0, 0);
export const FOREIGN_SERVICES = ['checkout-api', 'search-api', 'billing-worker'] as const;
/** By row count: the latency (every minute), the in-flight gauge (every minute), the queue depth (every other minute). */
export const FOREIGN_METRICS = ['http_request_duration_seconds', 'http_requests_in_flight', 'queue_depth'] as const;

const MINUTE = 60_000;
const SAMPLES = 360;

export function foreignCsv(): string {
  const lines = ['timestamp,metric_name,service,route,value'];
  FOREIGN_SERVICES.forEach((service, s) => {
    for (let i = 0; i < SAMPLES; i++) {
      const t = new Date(FOREIGN_END - (SAMPLES - i) * MINUTE).toISOString();
      const wave = Math.sin(i / 17 + s) * 0.5 + 0.5;
      lines.push(`${t},http_request_duration_seconds,${service},/api/${s},${(0.05 + 0.2 * wave + (i % 7) * 0.01).toFixed(4)}`);
      lines.push(`${t},http_requests_in_flight,${service},/api/${s},${Math.round(5 + 20 * wave)}`);
      if (i % 2 === 0) lines.push(`${t},queue_depth,${service},/api/${s},${(i * 3 + s * 11) % 50}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
