import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the real third-party data lives: `../shared/realdata/` beside the
 * repository on the team's machines and CI, absent in a user's fresh clone.
 * FLASHBACK_REALDATA_DIR overrides it (point it nowhere to check the skip).
 * The files are read in place, never copied into the repository.
 */
export const REALDATA_DIR = process.env.FLASHBACK_REALDATA_DIR ?? path.resolve(process.cwd(), '../shared/realdata');

export const realdataPath = (relative: string) => path.join(REALDATA_DIR, relative);

/**
 * Whether every named file is there; when not, says why the suite is skipped
 * (a skipped suite must not look like a passing one).
 */
export function haveRealdata(suite: string, relatives: string[]): boolean {
  const missing = existsSync(REALDATA_DIR) ? relatives.filter((r) => !existsSync(realdataPath(r))).map(realdataPath) : [REALDATA_DIR];
  if (missing.length > 0) {
    console.info(
      `[realdata] skipping "${suite}": ${missing.join(', ')} not found. The real third-party data sits in ../shared/realdata beside ` +
        'the repository on the team\'s machines and CI, not in a fresh clone; set FLASHBACK_REALDATA_DIR to use another folder.',
    );
  }
  return missing.length === 0;
}

export const readRealdata = (relative: string) => readFileSync(realdataPath(relative), 'utf8');
