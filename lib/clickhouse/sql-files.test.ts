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
});
