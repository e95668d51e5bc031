import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

/**
 * A stand-in for a ClickHouse server: ClickHouse's HTTP interface in front of
 * the embedded engine, for testing Flashback's `CLICKHOUSE_URL` path on
 * machines without a server. It speaks what @clickhouse/client uses —
 *
 * - the query in the body and/or the `query` URL parameter (joined by a
 *   newline, as the server does for INSERT … FORMAT with data in the body);
 * - `param_<name>` values (text, bound by the engine as `{name:Type}`);
 * - `database` (must exist: else code 81), `default_format`, `query_id`;
 * - every other URL parameter as a setting of that one query: checked against
 *   the account's `readonly` level (1: none may change; 2: all but
 *   `readonly`) and applied as a query-level SETTINGS clause on reads;
 * - basic auth, `X-ClickHouse-User`/`X-ClickHouse-Key` headers or
 *   `user`/`password` parameters, against configured accounts (code 516);
 * - errors as the server sends them: `Code: N. DB::Exception: … (NAME)`
 *   with `X-ClickHouse-Exception-Code`; a summary in `X-ClickHouse-Summary`;
 * - a client that closes the connection cancels its query (it is not run if
 *   still waiting, its stream is cancelled if running);
 * - `max_concurrent_queries`: more queries at once are refused (code 202).
 *
 * Faults for tests: `down()` / `up()`, `slowMs` (answers later; the
 * query's `max_execution_time` still applies, code 159), `closeMidResponse`,
 * `rowsNotMatching` (answers rows of another shape), `databaseMissing` (every
 * query meets code 81, as after a dropped database), `diskFull` (every write
 * meets code 243 NOT_ENOUGH_SPACE, as the server answers an insert it has no
 * room for; reads still work). An account's password may change meanwhile
 * (`accounts` is read on every request).
 *
 * Not emulated (see docs/reliability.md): compression, sessions
 * (`session_id`), progress headers, external data, multiple statements, real
 * interruption of a query already computing inside the engine (chdb finishes
 * a single-chunk aggregate in the background), per-query settings on writes,
 * users' row policies, quotas and profiles beyond `readonly`.
 */

export interface Account {
  password: string;
  readonly?: 0 | 1 | 2;
}

export interface StandInOptions {
  /** The embedded engine's data dir (owned by this process). */
  path: string;
  accounts?: Record<string, Account>;
  maxConcurrentQueries?: number;
  port?: number;
}

export interface Faults {
  slowMs: number;
  closeMidResponse: boolean;
  rowsNotMatching: boolean;
  databaseMissing: boolean;
  diskFull: boolean;
}

/** A healthy server's faults (tests reset to these). */
export const NO_FAULTS: Readonly<Faults> = { slowMs: 0, closeMidResponse: false, rowsNotMatching: false, databaseMissing: false, diskFull: false };

/** URL parameters that are not settings. */
const NOT_SETTINGS = new Set(['query', 'database', 'default_format', 'query_id', 'user', 'password', 'session_id', 'compress', 'decompress', 'enable_http_compression']);
const READ_STATEMENT = /^\s*(?:\(\s*)*(SELECT|WITH|SHOW|DESCRIBE|DESC|EXISTS|EXPLAIN)\b/i;
const LEADING_COMMENTS = /^(?:\s*(?:--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/))*/;
const FORMAT_CLAUSE = /\s+FORMAT\s+(\w+)\s*;?\s*$/i;
const VERSION = '26.7-stand-in';

class ClickHouseFailure extends Error {
  constructor(
    readonly code: number,
    readonly type: string,
    message: string,
    readonly status = 500,
  ) {
    super(message);
  }

  get body(): string {
    return `Code: ${this.code}. DB::Exception: ${this.message}. (${this.type}) (version ${VERSION})\n`;
  }
}

type ChdbSession = import('chdb').Session;

export class ClickHouseStandIn {
  readonly faults: Faults = { ...NO_FAULTS };
  /** Every query id whose client went away before the answer (for cancellation tests). */
  readonly cancelled: string[] = [];
  /** Every query text received, newest last (for asserting what Flashback sends). */
  readonly received: { sql: string; settings: Record<string, string>; user: string }[] = [];
  /** The server's `max_concurrent_queries`; tests may change it. */
  maxConcurrentQueries: number;
  private server?: Server;
  private session?: ChdbSession;
  private sockets = new Set<Socket>();
  private running = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private port = 0;

  constructor(private readonly options: StandInOptions) {
    this.maxConcurrentQueries = options.maxConcurrentQueries ?? 100;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const { Session } = await import('chdb');
    this.session ??= new Session(this.options.path);
    await this.up();
    return this;
  }

  /** Listens (again) on the same port. */
  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port || this.options.port || 0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops every connection: clients meet ECONNREFUSED (or a reset mid-request). */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  async stop(): Promise<void> {
    await this.down();
    this.session?.close();
    this.session = undefined;
  }

  private authenticate(req: IncomingMessage, url: URL): { user: string; account: Account } {
    const accounts = this.options.accounts ?? { default: { password: '' } };
    let user = req.headers['x-clickhouse-user'] as string | undefined;
    let password = req.headers['x-clickhouse-key'] as string | undefined;
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      user = decoded.slice(0, colon < 0 ? undefined : colon);
      password = colon < 0 ? '' : decoded.slice(colon + 1);
    }
    user ??= url.searchParams.get('user') ?? 'default';
    password ??= url.searchParams.get('password') ?? '';
    const account = accounts[user];
    if (!account || account.password !== password) {
      throw new ClickHouseFailure(516, 'AUTHENTICATION_FAILED', `${user}: Authentication failed: password is incorrect, or there is no user with such name`, 401);
    }
    return { user, account };
  }

  private settingsOf(url: URL, account: Account): Record<string, string> {
    const settings: Record<string, string> = {};
    for (const [key, value] of url.searchParams) {
      if (NOT_SETTINGS.has(key) || key.startsWith('param_')) continue;
      if (!/^\w+$/.test(key)) throw new ClickHouseFailure(115, 'UNKNOWN_SETTING', `Unknown setting '${key}'`, 400);
      const level = account.readonly ?? 0;
      if (level === 1 || (level === 2 && key === 'readonly')) {
        throw new ClickHouseFailure(164, 'READONLY', `Cannot modify '${key}' setting in readonly mode`, 403);
      }
      settings[key] = value;
    }
    return settings;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const queryId = url.searchParams.get('query_id') ?? crypto.randomUUID();
    const controller = new AbortController();
    // The client went away before the whole answer: cancel, as the server does for read-only queries.
    res.on('close', () => {
      if (!res.writableFinished) {
        controller.abort();
        this.cancelled.push(queryId);
      }
    });
    res.setHeader('X-ClickHouse-Query-Id', queryId);
    res.setHeader('X-ClickHouse-Server-Display-Name', 'stand-in');
    try {
      if (url.pathname === '/ping') {
        res.end('Ok.\n');
        return;
      }
      const { user, account } = this.authenticate(req, url);
      const body = await readBody(req);
      const sql = [url.searchParams.get('query'), body].filter((part) => part).join('\n');
      const settings = this.settingsOf(url, account);
      this.received.push({ sql, settings, user });
      const max = this.maxConcurrentQueries;
      if (this.running >= max) {
        throw new ClickHouseFailure(202, 'TOO_MANY_SIMULTANEOUS_QUERIES', `Too many simultaneous queries. Maximum: ${max}`, 503);
      }
      this.running += 1;
      try {
        await this.answer({ url, sql, settings, account, res, signal: controller.signal });
      } finally {
        this.running -= 1;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = error instanceof ClickHouseFailure ? error : engineFailure(error);
      if (res.headersSent) {
        // Mid-stream: the server appends the exception to the body it has begun.
        res.end(failure.body);
        return;
      }
      res.writeHead(failure.status, { 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': String(failure.code) });
      res.end(failure.body);
    }
  }

  private async answer(q: { url: URL; sql: string; settings: Record<string, string>; account: Account; res: ServerResponse; signal: AbortSignal }) {
    const session = this.session;
    if (!session) throw new ClickHouseFailure(210, 'NETWORK_ERROR', 'The stand-in has no engine');
    const database = q.url.searchParams.get('database');
    // Values stay in the Escaped text form they arrive in: the engine binds them exactly as a server does.
    const params: Record<string, string> = {};
    for (const [key, value] of q.url.searchParams) if (key.startsWith('param_')) params[key.slice(6)] = value;

    let text = q.sql.trim();
    let format = q.url.searchParams.get('default_format') ?? 'TabSeparated';
    const formatClause = FORMAT_CLAUSE.exec(text);
    const isRead = READ_STATEMENT.test(text.replace(LEADING_COMMENTS, ''));
    if (isRead && formatClause) {
      format = formatClause[1] as string;
      text = text.slice(0, formatClause.index);
    }
    const level = q.account.readonly ?? 0;
    if (!isRead && level > 0) throw new ClickHouseFailure(164, 'READONLY', 'Cannot execute query in readonly mode', 403);
    if (isRead) {
      // The account's level is a setting of every query it runs (getSetting('readonly') reads it).
      const settings = { ...q.settings, ...(level > 0 ? { readonly: String(level) } : {}) };
      text = withSettings(text, settings);
    }

    await this.serialized(async () => {
      if (this.faults.databaseMissing) throw new ClickHouseFailure(81, 'UNKNOWN_DATABASE', `Database ${database ?? 'default'} does not exist`, 404);
      if (database && database !== 'default') await this.requireDatabase(session, database);
      await this.delay(q.signal, maxExecutionSeconds(text));
      if (q.signal.aborted) return;
      if (!isRead) {
        if (this.faults.diskFull && /^\s*INSERT\b/i.test(text)) {
          throw new ClickHouseFailure(243, 'NOT_ENOUGH_SPACE', 'Cannot reserve 1.00 MiB, not enough space', 507);
        }
        const result = await bind(session, text, 'TabSeparated', params, q.signal);
        q.res.writeHead(200, { 'X-ClickHouse-Summary': summary(result.rowsRead, result.bytesRead, result.elapsed) });
        q.res.end(Buffer.from(result.bytes));
        return;
      }
      const result = await bind(session, text, format, params, q.signal);
      const answer = Buffer.from(result.bytes).toString('utf8');
      const output = this.faults.rowsNotMatching ? mismatched(answer, format) : answer;
      q.res.writeHead(200, {
        'Content-Type': format.startsWith('JSON') ? 'application/json; charset=UTF-8' : 'text/plain; charset=UTF-8',
        'X-ClickHouse-Format': format,
        'X-ClickHouse-Timezone': 'UTC',
        'X-ClickHouse-Summary': summary(result.rowsRead, result.bytesRead, result.elapsed),
      });
      if (this.faults.closeMidResponse) {
        q.res.write(output.slice(0, Math.max(1, Math.floor(output.length / 2))));
        q.res.socket?.destroy();
        return;
      }
      q.res.end(output);
    });
  }

  /** The engine runs one query at a time; queue in arrival order (a real server would run them side by side). */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async requireDatabase(session: ChdbSession, database: string) {
    const result = await session.queryBindAsync('SELECT count() AS n FROM system.databases WHERE name = {d:String}', { d: database }, { format: 'JSONEachRow' });
    if (!result.text().includes('"n":"1"') && !result.text().includes('"n":1')) {
      throw new ClickHouseFailure(81, 'UNKNOWN_DATABASE', `Database ${database} does not exist`, 404);
    }
  }

  /** A slow server: waits before answering; gives up with the query's own time limit, as ClickHouse would. */
  private async delay(signal: AbortSignal, limitSeconds: number | undefined) {
    const ms = this.faults.slowMs;
    if (ms <= 0) return;
    const limitMs = limitSeconds === undefined ? Infinity : limitSeconds * 1000;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(ms, limitMs));
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    if (!signal.aborted && ms > limitMs) {
      throw new ClickHouseFailure(159, 'TIMEOUT_EXCEEDED', `Timeout exceeded: elapsed ${limitSeconds} seconds, maximum: ${limitSeconds}`);
    }
  }
}

interface NativeResult {
  bytes: Uint8Array;
  rowsRead: number;
  bytesRead: number;
  elapsed: number;
}

type Native = { QueryAsyncConnection(connection: unknown, sql: string, format: string, params: Record<string, string>): Promise<NativeResult> };
let native: Native | undefined;

/**
 * Runs a query with parameters bound by the engine from their text, as the
 * server binds `param_*` (chdb's own JS binding would escape the text again).
 * An abort answers at once; the engine may finish the work in the background.
 */
async function bind(session: ChdbSession, sql: string, format: string, params: Record<string, string>, signal: AbortSignal): Promise<NativeResult> {
  if (!native) {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('chdb'));
    native = (require(path.join(root, 'dist/loader.js')) as { loadNative(): Native }).loadNative();
  }
  const running = native.QueryAsyncConnection(session.connection, sql, format, params);
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true }));
  running.catch(() => undefined);
  return Promise.race([running, aborted]);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Adds settings to a read's SETTINGS clause (or gives it one). */
function withSettings(sql: string, settings: Record<string, string>): string {
  const entries = Object.entries(settings);
  if (entries.length === 0) return sql;
  const clause = entries.map(([k, v]) => `${k} = ${/^-?\d+(\.\d+)?$/.test(v) ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`}`).join(', ');
  return /\bSETTINGS\b[^()]*$/i.test(sql) ? `${sql}, ${clause}` : `${sql}\nSETTINGS ${clause}`;
}

function maxExecutionSeconds(sql: string): number | undefined {
  const match = /\bmax_execution_time\s*=\s*(\d+(?:\.\d+)?)/i.exec(sql);
  return match ? Number(match[1]) : undefined;
}

function summary(rows: number, bytes: number, elapsedSeconds: number): string {
  return JSON.stringify({
    read_rows: String(rows), read_bytes: String(bytes), written_rows: '0', written_bytes: '0',
    total_rows_to_read: String(rows), result_rows: '0', result_bytes: '0', elapsed_ns: String(Math.round(elapsedSeconds * 1e9)),
  });
}

/** The same number of rows, every column replaced by one the query never asked for. */
function mismatched(output: string, format: string): string {
  if (format === 'JSON') {
    const answer = JSON.parse(output) as { data: unknown[] };
    return JSON.stringify({ ...answer, meta: [{ name: 'unexpected', type: 'String' }], data: answer.data.map(() => ({ unexpected: 'column' })) });
  }
  if (format !== 'JSONEachRow') return output;
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(() => JSON.stringify({ unexpected: 'column' }))
    .join('\n');
}

/** An engine error in the server's form (chdb's messages already read `Code: N. DB::Exception: …`). */
function engineFailure(error: unknown): ClickHouseFailure {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^Code: (\d+)\. DB::Exception: ([\s\S]*?)\.? \((\w+)\)/.exec(message);
  if (!match) return new ClickHouseFailure(1001, 'STD_EXCEPTION', message.replace(/\.$/, ''));
  const code = Number(match[1]);
  const status = code === 62 ? 400 : code === 60 || code === 81 ? 404 : code === 164 ? 403 : 500;
  return new ClickHouseFailure(code, match[3] as string, match[2] as string, status);
}
