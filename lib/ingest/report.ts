import type { FileSummary } from './import-file';

/** The per-file summary `npm run import` prints (and the browser shows the same facts). */

const iso = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString());
const n = (x: number) => x.toLocaleString('en-US');

export function formatSummary(s: FileSummary, tableNames: Record<string, string>, dryRun = false): string {
  const lines = [`${s.file}: ${s.format}, ${n(s.records)} record(s) in ${s.seconds.toFixed(1)} s${dryRun ? ' (dry run: nothing written)' : ''}`];
  const tables = Object.entries(s.tables);
  if (tables.length === 0) lines.push('  no rows');
  for (const [table, t] of tables) {
    const again = t.alreadyImported > 0 ? ` (${n(t.alreadyImported)} already imported, not written again)` : '';
    lines.push(`  ${(tableNames[table] ?? table).padEnd(20)} ${n(t.rows).padStart(10)} rows  ${iso(t.fromMs)} → ${iso(t.toMs)}${again}`);
  }
  for (const [type, count] of Object.entries(s.skipped)) lines.push(`  skipped ${n(count)} ${type} record(s) (not imported by this format)`);
  if (s.rejected > 0) {
    lines.push(`  rejected ${n(s.rejected)} record(s):`);
    for (const issue of s.issues) lines.push(`    ${s.file}:${issue.line}: ${issue.message}`);
    if (s.rejected > s.issues.length) lines.push(`    … and ${n(s.rejected - s.issues.length)} more`);
  }
  return lines.join('\n');
}

/** A one-line progress bar for a terminal. */
export function progressBar(file: string, bytes: number, total: number, rows: number, width = 30): string {
  const fraction = total > 0 ? Math.min(1, bytes / total) : 1;
  const filled = Math.round(fraction * width);
  return `${file} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${(bytes / 1e6).toFixed(1)}/${(total / 1e6).toFixed(1)} MB  ${n(rows)} rows`;
}
