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

/**
 * A UNION ALL written as arms: lines `-- arm: <names>` each start an arm,
 * `-- end arms` closes the block, and the kept arms are joined by UNION ALL.
 * An arm is kept when the read names one of its names among the arms that
 * hold rows (a tiered read: `edges`, `minutes`, `hours`, lib/queries/tiers.ts).
 * An arm whose range is empty still costs the engine its planning and part
 * selection, a few ms at 1e8 rows whatever it reads, so a read leaves it out.
 */
const ARMS = /^[ \t]*-- arm: [\w ]+$[\s\S]*?^[ \t]*-- end arms[ \t]*$/gm;
const ARM = /^[ \t]*-- arm: ([\w ]+)$/gm;

/** The arms a read keeps: those holding rows, or every arm (the whole union) when undefined. */
export type Arms = readonly string[] | undefined;

function keepArms(name: string, block: string, arms: Arms): string {
  const starts = [...block.matchAll(ARM)];
  const kept = starts.flatMap((start, i) => {
    const names = start[1]!.trim().split(/\s+/);
    if (arms && !names.some((n) => arms.includes(n))) return [];
    const end = i + 1 < starts.length ? starts[i + 1]!.index : block.lastIndexOf('-- end arms');
    return [block.slice(start.index + start[0].length, end).trim()];
  });
  if (kept.length === 0) throw new Error(`${name}.sql: none of its arms is among ${JSON.stringify(arms)}`);
  return kept.join('\nUNION ALL\n');
}

/**
 * `sqlFile('series/buckets')` → the text of `sql/series/buckets.sql`, its
 * includes expanded; with `arms`, each arms block reduced to the arms named
 * (in the file and in every file it includes).
 */
export function sqlFile(name: string, arms?: Arms): string {
  const key = arms ? `${name}|${[...arms].sort().join(',')}` : name;
  let text = cache.get(key);
  if (text === undefined) {
    const raw = readFileSync(path.join(SQL_ROOT, `${name}.sql`), 'utf8');
    text = raw.replace(ARMS, (block) => keepArms(name, block, arms)).replace(INCLUDE, (_line, included: string) => sqlFile(included, arms).trimEnd());
    cache.set(key, text);
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
