import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetUnchangedAfterAll } from '@/test/fixtures/dataset';
import { testEngine } from '@/test/engine';
import { judge } from '@/test/fuzz/oracle';
import { requests } from '@/test/fuzz/requests';
import { FUZZ_ROUTES } from '@/test/fuzz/routes';

/**
 * Generated hostile input on every route (see test/fuzz/): each request is
 * answered clearly (never 5xx, nothing of the inside in the body; a request
 * the grammar says is invalid gets 400), and afterwards every table holds
 * exactly the rows it held. FUZZ_RUNS / FUZZ_SEED change the run; `npm run
 * fuzz` runs many more cases with a fresh seed.
 */

/** Requests the generator found that once answered 500 (calendar arithmetic on an invalid Date), kept as they shrank. */
const FOUND: [string, string][] = [
  ['density', 'from=now%2Fw%2Fh&to=%20%20now%2Fd%2Fw%2Fw-7142989413839d%20%20'],
  ['catalog', 'from=%20%20now%20%20&to=%20now%2B37m%2B14092715275199585w%2Fw%2Fw%20'],
  ['snapshot', 'at=now-300000000M'],
  ['series', 'metric=m&from=now-99999999999999y&to=now'],
  ['events/adjacent', 'from=now-1h&to=now&direction=next&at=now%2B300000y%2Fd'],
];

const engine = testEngine();
// The suite's share: 1,000 per route (~15 s in all); `npm run fuzz` sends 10,000 per route with a fresh seed.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

datasetUnchangedAfterAll(engine);

/**
 * Every folder under app/api holding a route.ts with a GET, e.g. `traces/[traceId]`.
 * POST-only routes (the upload, app/api/import) take a body, not a query grammar: their own tests send them hostile input.
 */
function discoverRoutes(dir = path.join(process.cwd(), 'app/api'), prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) {
      const hasGet = entry.name === 'route.ts' && /export (async function|const) GET\b/.test(readFileSync(path.join(dir, entry.name), 'utf8'));
      return hasGet && prefix ? [prefix] : [];
    }
    return discoverRoutes(path.join(dir, entry.name), prefix ? `${prefix}/${entry.name}` : entry.name);
  });
}

describe('generated hostile input', () => {
  it('covers every API route (declare a new route\'s parameters in test/fuzz/routes.ts)', () => {
    expect(FUZZ_ROUTES.map((r) => r.route).sort()).toEqual(discoverRoutes().sort());
  });

  it.each(FOUND)('answers a request it once found clearly: /api/%s?%s', async (name, query) => {
    const route = FUZZ_ROUTES.find((r) => r.route === name);
    const res = await (await route!.load()).GET(new Request(`http://flashback.test/api/${name}?${query}`));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/out of range/);
  });

  it.each(FUZZ_ROUTES.map((r) => ({ ...r, label: `/api/${r.route}` })))(`$label: ${RUNS} requests, every answer clear`, async (route) => {
    const { GET } = await route.load();
    const url = `http://flashback.test/api/${route.route}`;
    await fc.assert(
      fc.asyncProperty(requests(route), async (request) => {
        const res = await GET(new Request(`${url}?${request.query}`), { params: Promise.resolve(request.pathParams) });
        const problem = judge(request, res.status, await res.text());
        if (problem) throw new Error(`${problem}\n  query: ${request.query.slice(0, 500)}\n  path: ${JSON.stringify(request.pathParams)}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
