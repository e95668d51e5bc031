import type { ImportResponse } from '@/lib/api/types';
import { formatDateTime } from '@/lib/client/format';

/** What an import wrote: rows and time span per table, what was skipped, what was rejected and why. */

const TABLE_NAMES = { metrics: 'Metric samples', security: 'Security events', anomalies: 'Anomaly verdicts', traces: 'Spans' } as const;

const formatCount = (n: number) => n.toLocaleString('en-US');

/** `tz`: the view's zone, which the times are printed in. */
export function ImportSummary({ summary, tz }: { summary: ImportResponse; tz: string }) {
  const time = (ms: number | null) => (ms === null ? '—' : formatDateTime(ms, tz));
  return (
    <div className="space-y-2 text-xs" data-testid="import-summary">
      <div className="text-muted">
        {summary.format} · {formatCount(summary.records)} records
      </div>
      <ul className="space-y-1.5">
        {summary.tables.map((t) => (
          <li key={t.table} data-testid="import-table" data-table={t.table} data-rows={t.rows}>
            <div className="flex justify-between gap-2">
              <span className="font-medium">{TABLE_NAMES[t.table]}</span>
              <span className="tabular-nums">{formatCount(t.rows)} rows</span>
            </div>
            <div className="text-muted tabular-nums">
              {time(t.from)} → {time(t.to)}
            </div>
            {t.alreadyImported > 0 && <div className="text-muted">{formatCount(t.alreadyImported)} were imported before and not written again</div>}
          </li>
        ))}
      </ul>
      {Object.entries(summary.skipped).map(([type, n]) => (
        <div key={type} className="text-muted" data-testid="import-skipped">
          Skipped {formatCount(n)} {type} record{n === 1 ? '' : 's'} (not imported by this format)
        </div>
      ))}
      {summary.rejected > 0 && (
        <div className="text-warning" data-testid="import-rejected">
          Rejected {formatCount(summary.rejected)} record{summary.rejected === 1 ? '' : 's'}:
          <ul className="mt-1 max-h-24 list-disc overflow-auto pl-4">
            {summary.issues.map((issue) => (
              <li key={`${issue.line}:${issue.message}`}>
                line {issue.line}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
