// Fails when a dependency has an install script that package.json's
// `allowScripts` does not name: such scripts run with the installer's rights,
// so each one is reviewed and listed before it may run (npm 12 blocks the rest).
import { execFileSync } from 'node:child_process';

const report = JSON.parse(execFileSync('npm', ['install-scripts', 'ls', '--json'], { encoding: 'utf8' }));
const pending = report.allowScripts ?? [];
if (pending.length > 0) {
  const names = pending.flatMap((entry) => entry.changes?.map((change) => change.key) ?? [entry.name]);
  console.error(`Install scripts not reviewed in package.json's allowScripts: ${names.join(', ')}`);
  console.error('Review each one, then run `npm install-scripts approve <pkg>` (or `deny`).');
  process.exit(1);
}
console.log('install scripts: every one is reviewed in allowScripts');
