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
      <table className="w-full">
        <tbody>
          {summary.tables.map((t) => (
            <tr key={t.table} data-testid="import-table" data-table={t.table} data-rows={t.rows}>
              <td className="py-0.5 pr-2 font-medium">{TABLE_NAMES[t.table]}</td>
              <td className="py-0.5 pr-2 text-right tabular-nums">{formatCount(t.rows)}</td>
              <td className="py-0.5 text-muted">
                {time(t.from)} → {time(t.to)}
                {t.alreadyImported > 0 && <div>{formatCount(t.alreadyImported)} were imported before (not written again)</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
