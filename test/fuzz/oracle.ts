import type { FuzzRequest } from './requests';

/**
 * What every answer to any request must satisfy: no 5xx, the one error shape
 * with a code from the closed set, and nothing of the inside — our SQL (its
 * placeholders), ClickHouse's exception text, stack frames, file paths.
 */

const INTERNALS = /DB::Exception|Code: \d+\.|\bat [\w.<>]+ \(|\.tsx?:\d+|node_modules|\/work\//;
const SQL = /_table:Identifier|\bSELECT\b|\bFROM \{/;
const CLIENT_ERRORS = new Set(['invalid_input', 'limit_exceeded', 'not_found']);

/** A problem with the answer, or undefined when it is a clear one. */
export function judge(request: FuzzRequest, status: number, text: string): string | undefined {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (![200, 400, 404].includes(status)) return `answered an unexpected ${status}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'answered a body that is not JSON';
  }
  if (request.mustFail && status !== 400) return `answered ${status} although ${request.reason}`;
  if (status >= 400) {
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== 'string' || !CLIENT_ERRORS.has(error.code)) return `error code ${String(error?.code)} is not a client error`;
    if (typeof error.message !== 'string' || error.message.length < 5) return 'error message is missing';
  }
  if (INTERNALS.test(text)) return `the body leaks internals: ${text.slice(0, 300)}`;
  // Data may hold any text (a metric named like SQL); an error message is ours, minus the input it quotes back.
  const ours = status >= 400 ? (body as { error: { message: string } }).error.message.replace(/"[^"]*"/g, '""') : '';
  if (SQL.test(ours)) return `the error message shows SQL: ${ours.slice(0, 300)}`;
  return undefined;
}
