/**
 * ClickHouse failures as typed errors the route layer maps to HTTP answers.
 * `instanceof ClickHouseError` is unreliable (chdb carries its own copy of the
 * class), so classification reads the error's `code`, `type` and `message`.
 */

export type DatabaseErrorKind = 'unavailable' | 'overloaded' | 'out_of_space' | 'readonly' | 'unexpected_rows' | 'query';

export class DatabaseError extends Error {
  constructor(
    readonly kind: DatabaseErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

/** ClickHouse error codes that mean "busy, try again later" rather than "broken query". */
const OVERLOADED_CODES = new Set([
  '159', // TIMEOUT_EXCEEDED
  '202', // TOO_MANY_SIMULTANEOUS_QUERIES
  '241', // MEMORY_LIMIT_EXCEEDED
  '396', // TOO_MANY_ROWS_OR_BYTES (result overflow)
]);

const CONNECTION_FAILURES = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|socket hang up/i;
/** The client's own request timeout: the server took the connection but did not answer in time. */
const CLIENT_TIMEOUT = /^Timeout error/;
/** A write found no room: the engine's own check (243 NOT_ENOUGH_SPACE) or the file system's (ENOSPC). */
const NO_SPACE = /No space left on device|ENOSPC|\(NOT_ENOUGH_SPACE\)/;
/** chdb could not open its data dir; the lock detail sometimes goes to stderr only. */
const DATA_DIR_LOCKED = /Cannot lock file|Failed to create connection for path/;

function field(error: unknown, key: string): string | undefined {
  if (typeof error !== 'object' || error === null || !(key in error)) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return value === undefined || value === null ? undefined : String(value);
}

export function classifyError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = field(error, 'code');
  if (code === 'CHDB_CONNECTION' || DATA_DIR_LOCKED.test(message)) {
    return new DatabaseError(
      'unavailable',
      'The embedded ClickHouse data directory could not be opened: it is most likely in use by another Flashback process (a running app or seed). Stop that process or set FLASHBACK_DATA_DIR to another directory.',
      { cause: error },
    );
  }
  if (CLIENT_TIMEOUT.test(message)) {
    return new DatabaseError('overloaded', 'ClickHouse did not answer in time: it is overloaded or hanging. Try again shortly; check the server if it persists.', { cause: error });
  }
  if (CONNECTION_FAILURES.test(message) || CONNECTION_FAILURES.test(code ?? '')) {
    return new DatabaseError('unavailable', 'ClickHouse cannot be reached. Check that it is running and that CLICKHOUSE_URL is right.', { cause: error });
  }
  if (code === '516' || code === '192' || code === '193' || code === '194') {
    return new DatabaseError(
      'unavailable',
      'ClickHouse refused the credentials: check CLICKHOUSE_USER and CLICKHOUSE_PASSWORD (and that the account may log in from this host).',
      { cause: error },
    );
  }
  if (code === '243' || code === 'ENOSPC' || NO_SPACE.test(message)) {
    return new DatabaseError(
      'out_of_space',
      'ClickHouse has no disk space left to write: free space on the disk that holds its data (the server\'s data path, or FLASHBACK_DATA_DIR for the embedded engine). An import stopped by this keeps every batch it wrote; run it again and it writes only the rest.',
      { cause: error },
    );
  }
  if (code === '164' || code === '497') {
    return new DatabaseError('readonly', 'ClickHouse refused a write: the query path and account are read-only.', { cause: error });
  }
  if (code === '60' || code === '81') {
    return new DatabaseError(
      'unavailable',
      'A configured table or database does not exist in ClickHouse: check CLICKHOUSE_DATABASE and the FLASHBACK_TABLE_* settings.',
      { cause: error },
    );
  }
  if (code && OVERLOADED_CODES.has(code)) {
    return new DatabaseError('overloaded', 'ClickHouse is overloaded or the query hit a limit; narrow the window or try again shortly.', { cause: error });
  }
  return new DatabaseError('query', `ClickHouse query failed${code ? ` (code ${code})` : ''}.`, { cause: error });
}
