import 'server-only';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * SQL lives as files under `sql/` with `{name:Type}` placeholders; this reads
 * them (once per process) so no query text is ever assembled from user input.
 */

const SQL_ROOT = path.join(process.cwd(), 'sql');
const cache = new Map<string, string>();

/**
 * A line `-- include: security/filter` stands for the text of that file: a
 * clause several queries share (the security filter) is written once.
 */
const INCLUDE = /^[ \t]*-- include: ([\w/-]+)[ \t]*$/gm;

/** `sqlFile('series/buckets')` → the text of `sql/series/buckets.sql`, its includes expanded. */
export function sqlFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(SQL_ROOT, `${name}.sql`), 'utf8').replace(INCLUDE, (_line, included: string) => sqlFile(included).trimEnd());
    cache.set(name, text);
  }
  return text;
}

/** Every `.sql` file of a folder, in file-name order (used for the schema). */
export function sqlFolder(folder: string): { name: string; text: string }[] {
  return readdirSync(path.join(SQL_ROOT, folder))
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: `${folder}/${file.slice(0, -4)}`, text: sqlFile(`${folder}/${file.slice(0, -4)}`) }));
}
