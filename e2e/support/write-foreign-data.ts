// `tsx e2e/support/write-foreign-data.ts <file>`: writes the foreign-data CSV (foreign-data.ts) for serve-foreign.sh.
import { writeFileSync } from 'node:fs';
import { foreignCsv } from './foreign-data';

const file = process.argv[2];
if (!file) throw new Error('usage: write-foreign-data.ts <file>');
writeFileSync(file, foreignCsv());
