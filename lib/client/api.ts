/**
 * The browser's door to the query API: GET a route with typed parameters and
 * read either its JSON or its `{"error": {"code", "message"}}` body, so that
 * panels can show the API's own message.
 */

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** Who answers a GET of the API: `path` (`/api/series`) and its query string (`?metric=…` or empty). */
export type ApiTransport = (path: string, query: string, signal?: AbortSignal) => Promise<Response>;

const browserFetch: ApiTransport = (path, query, signal) => fetch(`${path}${query}`, { signal, headers: { accept: 'application/json' } });

let transport: ApiTransport = browserFetch;

/**
 * The server, rendering the first screen, answers the same query factories by
 * calling the route handlers in-process (lib/server/first-screen.ts): one
 * request path, no HTTP to itself. Set once per module instance (the server
 * components' copy of this module), never in the browser.
 */
export function answerApiWith(next: ApiTransport): void {
  transport = next;
}

export async function getJson<T>(path: string, params: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await transport(path, buildQuery(params), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, 'network', 'The server cannot be reached: check that Flashback is running.');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A non-JSON answer (a proxy's error page): described below by its status.
  }
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiRequestError(response.status, body.error.code, body.error.message);
    throw new ApiRequestError(response.status, 'http', `The server answered ${response.status} ${response.statusText}`.trim());
  }
  return body as T;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
