import 'server-only';
import { QueryClient, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { createLoader } from 'nuqs/server';
import { GET as anomalies } from '@/app/api/anomalies/route';
import { GET as catalog } from '@/app/api/catalog/route';
import { GET as config } from '@/app/api/config/route';
import { GET as density } from '@/app/api/density/route';
import { GET as extent } from '@/app/api/extent/route';
import { GET as securityEvents } from '@/app/api/security-events/route';
import { GET as securitySummary } from '@/app/api/security-events/summary/route';
import { GET as series } from '@/app/api/series/route';
import { GET as traces } from '@/app/api/traces/route';
import { answerApiWith, type ApiTransport } from '@/lib/client/api';
import { sendFailures } from '@/lib/client/streamed-answers';
import { FULL_VIEW, embedParts, resolveFirstView, startFirstScreen } from '@/lib/client/view/first-view';
import { withRequestOrder } from '@/lib/clickhouse/read-slots';
import { withIdentity } from '@/lib/security/identity';
import { embedParsers } from '@/lib/url/embed-state';
import { viewParsers } from '@/lib/url/view-state';

/**
 * The first screen's data, fetched while the page renders, so the browser
 * draws the charts from the HTML's own payload instead of asking after its
 * bundle has run (a request waterfall of extent → catalog → series). The
 * view resolves exactly as in the browser (lib/client/view/first-view.ts) and
 * the queries are the browser's own factories, answered by the route handlers
 * in-process: the same validation, read door, limits and error answers as
 * over HTTP, and the same query keys, so nothing is asked again after hydration.
 *
 * The page waits for the view only (the extent and catalog a link without a
 * window or panels needs), not for the answers: the state goes out with the
 * answers already in and the others as promises,
 * which the page streams as each lands (React Query hydrates a pending query
 * from its promise instead of asking again), so the timeline's frame draws
 * at once and each chart as soon as its own answer comes.
 */

const ROUTES: Record<string, (request: Request) => Promise<Response>> = {
  '/api/anomalies': anomalies,
  '/api/catalog': catalog,
  '/api/config': config,
  '/api/density': density,
  '/api/extent': extent,
  '/api/security-events': securityEvents,
  '/api/security-events/summary': securitySummary,
  '/api/series': series,
  '/api/traces': traces,
};

const inProcess: ApiTransport = (path, query, signal) => {
  const route = ROUTES[path];
  if (!route) return Promise.reject(new Error(`${path} is not answered while rendering the first screen`));
  // The host is never contacted: the handler only reads the path and query string.
  return route(new Request(`http://in-process${path}${query}`, { signal }));
};

answerApiWith(inProcess);

const loadView = createLoader(viewParsers);
const loadEmbed = createLoader(embedParsers);

export interface FirstScreen {
  /** The clock the view was resolved against: the browser resolves relative windows against the same one. */
  now: number;
  state: DehydratedState;
}

/** `embed`: the page is /embed, which shows only what `only` and `inspector` ask for. */
export async function loadFirstScreen(searchParams: Record<string, string | string[] | undefined>, identity: string | null, embed = false): Promise<FirstScreen> {
  const now = Date.now();
  // Never retried here: a failure is left to the browser, which shows it with a retry.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The playhead does not change what the first screen asks for.
  const params = loadView(searchParams);
  const { only, inspector } = loadEmbed(searchParams);
  // No deadline of its own: the read door's limits bound each query, and the browser would wait for the same answers.
  await withRequestOrder(now, () =>
    withIdentity(identity, async () => {
      const view = await resolveFirstView(client, params, now);
      if (view) startFirstScreen(client, view, now, embed ? embedParts(only, inspector) : FULL_VIEW);
    }),
  );
  // Answers in, and queries still on their way; one that failed already is left to the browser, which asks
  // again and shows the error, one that fails later arrives as its failure (lib/client/streamed-answers.ts).
  const state = dehydrate(client, { shouldDehydrateQuery: (query) => query.state.status !== 'error', shouldRedactErrors: () => false });
  return { now, state: sendFailures(state) };
}
