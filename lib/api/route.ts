import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { DatabaseError, classifyError } from '@/lib/clickhouse/errors';
import { withRequestOrder } from '@/lib/clickhouse/read-slots';
import { LimitExceededError, NotFoundError } from '@/lib/queries/errors';
import { IDENTITY_HEADER, withIdentity } from '@/lib/security/identity';
import { ApiError } from './errors';
import { describeIssues, searchParamsToObject } from './input';
import { jsonAnswer } from './json-answer';
import { parseParams } from './params';

/**
 * Wraps a route handler: parses the query string (and path parameters) with
 * the route's zod schema against this request's clock, runs the handler with the
 * request's abort signal (a disconnect cancels the ClickHouse query), and
 * turns every failure into the one error shape.
 */

export interface RouteContext {
  /** The request's clock reading: every `now` in its input means this instant. */
  now: number;
  signal: AbortSignal;
}

export function apiRoute<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, context: RouteContext) => Promise<unknown>,
) {
  return async (request: Request, segment?: { params?: Promise<Record<string, string | string[]>> }) => {
    const now = Date.now();
    try {
      const raw = { ...searchParamsToObject(new URL(request.url).searchParams), ...((await segment?.params) ?? {}) };
      const parsed = parseParams(schema, raw, now);
      if (!parsed.success) throw new ApiError('invalid_input', describeIssues(parsed.error));
      const body = await withRequestOrder(now, () =>
        withIdentity(request.headers.get(IDENTITY_HEADER), () => handler(parsed.data, { now, signal: request.signal })),
      );
      return jsonAnswer(body);
    } catch (error) {
      // The caller has gone (closed tab, newer request): nobody reads this answer, so log nothing.
      if (request.signal.aborted) return new NextResponse(null, { status: CLIENT_CLOSED_REQUEST });
      return errorResponse(error);
    }
  };
}

/** nginx's status for a request the client abandoned; never seen by a client. */
const CLIENT_CLOSED_REQUEST = 499;

export function errorResponse(error: unknown): NextResponse {
  const apiError = toApiError(error);
  if (apiError.status >= 500) console.error('[flashback] request failed:', error);
  return jsonAnswer(apiError.toBody(), apiError.status);
}

/** Domain errors (repositories) and database errors (the read door) as HTTP answers: the one place that maps them. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) return new ApiError('not_found', error.message);
  if (error instanceof LimitExceededError) return new ApiError('limit_exceeded', error.message);
  const db = error instanceof DatabaseError ? error : classifyError(error);
  switch (db.kind) {
    case 'unavailable':
      return new ApiError('unavailable', db.message);
    case 'overloaded':
      return new ApiError('overloaded', db.message);
    case 'out_of_space':
      return new ApiError('out_of_space', db.message);
    case 'unexpected_rows':
      return new ApiError('bad_gateway', db.message);
    default:
      return new ApiError('internal', 'The query failed inside Flashback; the server log has the details.');
  }
}
