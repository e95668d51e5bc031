import type { DehydratedState } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api';
import { receiveFailures, sendFailures } from './streamed-answers';

/** A dehydrated state of one pending query whose answer is `promise`. */
const pending = (promise: Promise<unknown>): DehydratedState => ({
  mutations: [],
  queries: [{ queryKey: ['series'], queryHash: '["series"]', dehydratedAt: 0, promise, state: { status: 'pending' } as DehydratedState['queries'][number]['state'] }],
});

describe('streamed answers', () => {
  it('a query that fails on the server resolves in the page, and rejects in the browser with the route’s own error', async () => {
    const sent = sendFailures(pending(Promise.reject(new ApiRequestError(503, 'unavailable', 'ClickHouse cannot be reached.'))));
    // Nothing rejects on its way (React would log it as a render error and drop the message).
    await expect(sent.queries[0]?.promise).resolves.toEqual({ failedAnswer: { status: 503, code: 'unavailable', message: 'ClickHouse cannot be reached.' } });
    const error = await receiveFailures(sent).queries[0]?.promise?.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable', message: 'ClickHouse cannot be reached.' });
  });

  it('an answer passes through unchanged; anything but an API error fails without its details', async () => {
    const answer = { series: [] };
    await expect(receiveFailures(sendFailures(pending(Promise.resolve(answer)))).queries[0]?.promise).resolves.toBe(answer);
    const error = await receiveFailures(sendFailures(pending(Promise.reject(new Error('socket hang up at 10.0.0.5'))))).queries[0]?.promise?.catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, message: 'The server could not answer this panel.' });
  });
});
