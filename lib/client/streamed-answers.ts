import type { DehydratedState } from '@tanstack/react-query';
import { ApiRequestError } from './api';

/**
 * A first-screen query that failed on the server, as it travels with the
 * page: the route's own status and message, resolved rather than rejected
 * (a rejected promise in the page is logged as a render error and reaches
 * the browser without its message). The browser turns it back into the
 * error its own request would have met, so the panel says the same and its
 * retry asks again (lib/server/first-screen.ts sends, StreamedHydration
 * receives).
 */
export interface FailedAnswer {
  failedAnswer: { status: number; code: string; message: string };
}

export function failedAnswer(error: unknown): FailedAnswer {
  if (error instanceof ApiRequestError) return { failedAnswer: { status: error.status, code: error.code, message: error.message } };
  return { failedAnswer: { status: 500, code: 'internal', message: 'The server could not answer this panel.' } };
}

const isFailedAnswer = (value: unknown): value is FailedAnswer => typeof value === 'object' && value !== null && 'failedAnswer' in value;

/** Server side: each answer still on its way resolves, failed or not. */
export function sendFailures(state: DehydratedState): DehydratedState {
  return { ...state, queries: state.queries.map((query) => (query.promise ? { ...query, promise: query.promise.catch(failedAnswer) } : query)) };
}

/** Browser side: a failed answer rejects its query's promise with the route's error. */
export function receiveFailures(state: DehydratedState): DehydratedState {
  const reject = (value: unknown) => {
    if (!isFailedAnswer(value)) return value;
    const { status, code, message } = value.failedAnswer;
    throw new ApiRequestError(status, code, message);
  };
  // Promise.resolve: what arrives with the page is React's thenable, whose then() returns nothing.
  return { ...state, queries: state.queries.map((query) => (query.promise ? { ...query, promise: Promise.resolve(query.promise).then(reject) } : query)) };
}
