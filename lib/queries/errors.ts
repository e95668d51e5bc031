/**
 * What a repository can refuse, in its own words: the route layer
 * (lib/api/route.ts) decides the HTTP answer, so queries know nothing of HTTP.
 */

/** The thing asked for does not exist (a trace id with no spans). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The request is well formed but would exceed a limit (too many points); the message says which and what to change. */
export class LimitExceededError extends Error {
  override name = 'LimitExceededError';
}
