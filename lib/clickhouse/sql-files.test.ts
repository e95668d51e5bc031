import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sqlFile } from './sql-files';

describe('sqlFile', () => {
  it('expands an include line into the included file, once per line, leaving the rest as written', () => {
    const filter = readFileSync('sql/security/filter.sql', 'utf8').trimEnd();
    for (const name of ['security/events', 'security/summary']) {
      const raw = readFileSync(`sql/${name}.sql`, 'utf8');
      const text = sqlFile(name);
      expect(raw).toContain('-- include: security/filter');
      expect(text).not.toContain('-- include:');
      expect(text.split(filter)).toHaveLength(2);
      expect(text.replace(filter, '-- include: security/filter').replace(/^[ \t]+-- include/m, '-- include')).toBe(raw.replace(/^[ \t]+-- include/m, '-- include'));
    }
  });

  it('keeps the arms of a union that a read names, joined by UNION ALL, in the file and in what it includes', () => {
    const tables = (text: string) => ['{security_table:', '{density_1m_table:', '{density_1h_table:'].filter((t) => text.includes(t));
    expect(tables(sqlFile('density/strip'))).toEqual(['{security_table:', '{density_1m_table:', '{density_1h_table:']);
    expect(tables(sqlFile('density/strip', ['hours']))).toEqual(['{density_1h_table:']);
    expect(tables(sqlFile('density/strip', ['edges', 'hours']))).toEqual(['{security_table:', '{density_1h_table:']);
    expect(sqlFile('density/strip', ['edges']).match(/^\s*UNION ALL$/gm)).toHaveLength(2); // three raw edges, one per kind
    expect(sqlFile('density/strip', ['minutes'])).not.toMatch(/UNION ALL|-- arm:|-- end arms/);
    // Through an include: the per-label rollups' hourly arm (series/by_label_rows) goes with the hours.
    expect(sqlFile('series/buckets_by_label', ['minutes'])).not.toContain('{metrics_1h_by_label_table:');
    expect(sqlFile('series/buckets_by_label', ['minutes'])).not.toContain('{metrics_table:');
    expect(sqlFile('series/buckets_by_label', ['edges', 'hours'])).toContain('{metrics_1h_by_label_table:');
    expect(() => sqlFile('density/strip', [])).toThrow(/none of its arms/);
  });
});
