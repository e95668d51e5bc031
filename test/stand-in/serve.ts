/**
 * The stand-in as a process of its own (for e2e): ClickHouse's HTTP interface
 * over the engine in a data dir, plus a control port through which a test
 * takes it down, brings it back or switches a fault (POST /state with a
 * StandInState; GET /state reads it). Then runs the given command (the
 * Flashback server) and ends with it.
 *
 *   tsx test/stand-in/serve.ts --path DIR --port N --control N --user U --password P -- command args…
 *
 * The password comes from the environment (STAND_IN_PASSWORD) rather than
 * the command line, where `ps` would show it.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import type { StandInState } from '@/e2e/support/server-path';
import { ClickHouseStandIn } from './clickhouse-http';

const split = process.argv.indexOf('--');
const { values } = parseArgs({
  args: process.argv.slice(2, split < 0 ? undefined : split),
  options: { path: { type: 'string' }, port: { type: 'string' }, control: { type: 'string' }, user: { type: 'string' } },
});
const command = split < 0 ? [] : process.argv.slice(split + 1);
if (!values.path || !values.port || !values.control || !values.user || command.length === 0) {
  console.error('usage: serve.ts --path DIR --port N --control N --user U -- command args… (STAND_IN_PASSWORD in the environment)');
  process.exit(2);
}

const account = { password: process.env.STAND_IN_PASSWORD ?? '' };
const standIn = await new ClickHouseStandIn({ path: values.path, port: Number(values.port), accounts: { [values.user]: account } }).start();

async function apply(state: StandInState): Promise<void> {
  const { up, maxConcurrentQueries, password, ...faults } = state;
  if (password !== undefined) account.password = password;
  for (const [key, value] of Object.entries(faults)) if (value !== undefined) Object.assign(standIn.faults, { [key]: value });
  if (maxConcurrentQueries !== undefined) standIn.maxConcurrentQueries = maxConcurrentQueries;
  if (up === true) await standIn.up();
  if (up === false) await standIn.down();
}

const control = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        if (req.method === 'POST') await apply(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as StandInState);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ faults: standIn.faults, maxConcurrentQueries: standIn.maxConcurrentQueries }));
      } catch (error) {
        res.writeHead(400);
        res.end(String(error));
      }
    })();
  });
});
await new Promise<void>((resolve) => control.listen(Number(values.control), '127.0.0.1', resolve));

const env = { ...process.env };
delete env.STAND_IN_PASSWORD; // the app has its own copy, as CLICKHOUSE_PASSWORD
const child = spawn(command[0] as string, command.slice(1), { stdio: 'inherit', env: { ...env, CLICKHOUSE_URL: standIn.url } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  control.close();
  void standIn.stop().finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
