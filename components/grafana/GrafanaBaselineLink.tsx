'use client';

/**
 * Compare mode's second link into Grafana: the same dashboard or panel at the
 * baseline window, beside the link at the window (Grafana shows one window at
 * a time, so it cannot overlay the two; lib/grafana/links.ts).
 */
export function GrafanaBaselineLink({ href, testId, className, what }: { href: string; testId: string; className: string; what: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className} data-testid={testId} title={`Open ${what} in Grafana at the baseline window (Grafana shows one window at a time)`}>
      baseline ↗
    </a>
  );
}
