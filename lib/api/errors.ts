/**
 * The API's one error shape, `{"error": {"code", "message"}}`, from a closed
 * set of codes. Messages tell the caller what to change; they never carry SQL
 * or a stack trace.
 */

export const ERROR_STATUS = {
  invalid_input: 400,
  limit_exceeded: 400,
  /** Access control is on and the request is not signed in. */
  unauthorized: 401,
  /** The request is understood but not allowed here (a cross-site upload, import switched off, not via the sign-in proxy). */
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  /** Well-formed, but its content cannot be used (an upload in no format Flashback reads). */
  unprocessable: 422,
  /** ClickHouse answered, but not with rows of the shape the query expects (a table with other columns). */
  bad_gateway: 502,
  unavailable: 503,
  overloaded: 503,
  /** ClickHouse has no disk space left for a write (an import); reads may still work. */
  out_of_space: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
