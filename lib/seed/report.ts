import type { SeedSummary } from './seed-demo';

/**
 * The seed's closing report: rows per table, the time it took, and the
 * incidents as a table of UTC times, so a user knows where to scrub to.
 */

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}`).join('\n');
}

const count = (n: number) => n.toLocaleString('en-US').padStart(12);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The view of an incident: from 15 minutes before to 15 after, the playhead a minute in. */
export function incidentPath(incident: { start: number; end: number }): string {
  const margin = 15 * 60_000;
  return `/?from=${incident.start - margin}&to=${incident.end + margin}&at=${incident.start + 60_000}`;
}

export function formatSeedReport(summary: SeedSummary): string {
  const counts = Object.entries(summary.rows).map(([key, n]) => [summary.tables[key as keyof SeedSummary['rows']], count(n)]);
  const total = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
  const lines = ['', 'Rows written:', table([...counts, ['total', count(total)]]), `Done in ${summary.seconds.toFixed(1)} s.`, ''];
  if (summary.incidents.length === 0) {
    lines.push('Incidents: none (each needs its offset plus an hour of history inside --days).');
    return lines.join('\n');
  }
  lines.push(
    'Incidents (UTC):',
    table([
      ['#', 'start', 'end', 'starts before --end', 'title'],
      ...summary.incidents.map((incident, i) => [
        String(i + 1),
        iso(incident.start),
        iso(incident.end),
        `${(summary.end - incident.start) / 3_600_000} h`,
        incident.title,
      ]),
    ]),
    ...summary.incidents.map((incident, i) => `  ${i + 1}. ${incident.summary}\n     open: ${incidentPath(incident)}`),
  );
  return lines.join('\n');
}
