import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_PATH_ACCOUNT, SERVER_PATH_BASE_URL, SERVER_PATH_VIEWER, standInControl, type StandInState } from './support/server-path';
import { HOUR, SEED, TimelinePage, viewUrl } from './support/timeline';

/**
 * Flashback over CLICKHOUSE_URL (the third e2e server: the ClickHouse stand-in
 * in front of its own engine), in Chromium: ClickHouse away when the page
 * opens, going away mid-session, refusing the credentials or overloaded —
 * every panel says which, with Retry, /api/health says the same, and the view
 * comes back by itself once ClickHouse does, without a reload. Then the
 * credential search: nothing the browser can receive holds the account.
 *
 * One stand-in for the whole file, so its tests run in order.
 */

test.describe.configure({ mode: 'serial' });
test.skip(!!process.env.E2E_BASE_URL && !process.env.E2E_SERVER_PATH_BASE_URL, 'needs the server-path e2e server (E2E_SERVER_PATH_BASE_URL)');
test.use({ baseURL: SERVER_PATH_BASE_URL, httpCredentials: SERVER_PATH_VIEWER });

const PANELS = ['order_latency_ms;p50,p95,p99', 'pnl_usd;last'];
/**
 * A view of its own for each test: the server keeps answers for a few
 * seconds (lib/clickhouse/shared-reads.ts), and a view already answered
 * would not ask ClickHouse at all.
 */
const view = (hoursBefore: number) => ({ from: SEED.outage.start - (hoursBefore + 1) * HOUR, to: SEED.outage.start - hoursBefore * HOUR, panel: PANELS });
const VIEW = view(0);

/** Every panel and lane of the view, by what the user sees in each. */
const SURFACES = ['metric-panel', 'security-lane', 'traces-lane', 'anomaly-lane'];

test.afterEach(() => standInControl.reset());

async function expectAllFailed(page: Page, message: RegExp) {
  for (const id of SURFACES) {
    for (const surface of await page.getByTestId(id).all()) {
      await expect(surface).toHaveAttribute('data-status', 'error');
      await expect(surface.getByTestId('panel-error-message')).toHaveText(message);
      await expect(surface.getByTestId('panel-retry')).toBeVisible();
    }
  }
  await expect(page.getByTestId('metric-panel')).toHaveCount(PANELS.length);
}

async function expectAllRecovered(page: Page) {
  for (const id of SURFACES) {
    for (const surface of await page.getByTestId(id).all()) await expect(surface).toHaveAttribute('data-status', /^(ready|empty)$/, { timeout: 30_000 });
  }
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  // The same document all along: recovered in place, not by a reload.
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
}

const markDocument = (page: Page) => page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));

async function expectHealth(page: Page, status: number, message?: RegExp) {
  const res = await page.request.get('/api/health');
  expect(res.status()).toBe(status);
  if (message) expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
}

/** The inspector's lists of the nearest anomalies and security events, when they failed. */
const INSPECTOR_LISTS = ['inspector-anomalies-error', 'inspector-security-error'];

const UNREACHABLE = /^ClickHouse cannot be reached\. Check that it is running and that CLICKHOUSE_URL is right\.$/;

test('access control on, server mode: strangers are asked to sign in everywhere but the health checks; the viewer is served', async ({ page }) => {
  for (const path of ['/', '/embed', '/api/series?metric=order_latency_ms', '/api/config']) {
    const res = await fetch(`${SERVER_PATH_BASE_URL}${path}`);
    expect(res.status, path).toBe(401);
    expect(res.headers.get('www-authenticate'), path).toMatch(/^Basic /);
  }
  for (const path of ['/api/health', '/api/health/live']) expect((await fetch(`${SERVER_PATH_BASE_URL}${path}`)).status, path).toBe(200);
  const viewer = `Basic ${Buffer.from(`${SERVER_PATH_VIEWER.username}:${SERVER_PATH_VIEWER.password}`).toString('base64')}`;
  expect((await fetch(`${SERVER_PATH_BASE_URL}/api/config`, { headers: { authorization: viewer } })).status).toBe(200);
  await new TimelinePage(page).open(view(12)); // the browser signs in with the viewer's credentials
  for (const panel of await page.getByTestId('metric-panel').all()) await expect(panel).toHaveAttribute('data-status', /^(ready|empty)$/);
});

/** A lane's error notice stays within the lane at this width (a wrapped one covered its header and the lane below). */
async function expectNoticesInsideLanes(page: Page, width: number) {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: size?.height ?? 720 });
  for (const id of ['anomaly-lane', 'security-lane', 'traces-lane']) {
    const lane = page.getByTestId(id);
    await expect(lane.getByTestId('panel-error')).toBeVisible();
    await expect
      .poll(async () => {
        const [outer, inner] = await Promise.all([lane.boundingBox(), lane.getByTestId('panel-error').boundingBox()]);
        return !!outer && !!inner && inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height;
      }, id)
      .toBe(true);
  }
  if (size) await page.setViewportSize(size);
}

test.describe('the UI over a ClickHouse server that comes and goes', () => {
  test('ClickHouse down when the page opens: every panel says so with Retry, and the view recovers by itself', async ({ page }) => {
    await standInControl.set({ up: false });
    await page.goto(viewUrl(VIEW));
    await markDocument(page);
    await expectAllFailed(page, UNREACHABLE);
    await expectHealth(page, 503, UNREACHABLE);
    // The inspector's nearest events are unknown, not "none".
    for (const id of INSPECTOR_LISTS) await expect(page.getByTestId(`${id}-message`)).toHaveText(/^Unavailable: ClickHouse cannot be reached\./);
    await expectNoticesInsideLanes(page, 900);
    await new TimelinePage(page).screenshotsAtWidths('50-clickhouse-down');

    await standInControl.set({ up: true });
    await expectAllRecovered(page);
    for (const id of INSPECTOR_LISTS) await expect(page.getByTestId(id)).toHaveCount(0);
    await expectHealth(page, 200);
  });

  test('ClickHouse going down mid-session: the next window fails per panel, and recovers when ClickHouse is back', async ({ page }) => {
    const timeline = new TimelinePage(page);
    await timeline.open(view(2));
    await markDocument(page);
    for (const surface of await page.getByTestId('metric-panel').all()) await expect(surface).toHaveAttribute('data-status', 'ready');

    await standInControl.set({ up: false });
    await page.getByTestId('pan-left').click(); // a new window: every panel asks ClickHouse again
    await expectAllFailed(page, UNREACHABLE);
    await expectHealth(page, 503, UNREACHABLE);

    await standInControl.set({ up: true });
    await expectAllRecovered(page);
  });

  test('the page does not wait for ClickHouse: an embed’s one panel shows its frame while its query is held, then draws from the answer the page streams', async ({ page }) => {
    await standInControl.set({ slowMs: 2000 });
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) asked.push(pathname);
    });
    // One panel: the server asks for its few queries only (lib/client/view/first-view.ts), each held 2 s.
    await page.goto(`${viewUrl(view(9)).replace(/^\/\?/, '/embed?')}&only=panel:0`, { waitUntil: 'commit' });
    const panel = page.getByTestId('metric-panel');
    await expect(panel).toHaveAttribute('data-status', 'loading');
    await expect(panel).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
    // Answered by the server's own queries, streamed with the page: the browser asked for none of them.
    expect(asked).toEqual([]);
  });

  const faults: [string, StandInState, RegExp, number][] = [
    ['refusing the credentials', { password: 'changed-on-the-server' }, /refused the credentials: check CLICKHOUSE_USER and CLICKHOUSE_PASSWORD/, 5],
    ['overloaded (too many simultaneous queries)', { maxConcurrentQueries: 0 }, /overloaded or the query hit a limit; narrow the window or try again shortly/, 7],
  ];
  for (const [name, fault, message, hoursBefore] of faults) {
    test(`ClickHouse ${name}: each panel names it, and the view recovers by itself`, async ({ page }) => {
      await standInControl.set(fault);
      await page.goto(viewUrl(view(hoursBefore)));
      await markDocument(page);
      await expectAllFailed(page, message);
      await expectHealth(page, 503, message);
      await standInControl.reset();
      await expectAllRecovered(page);
    });
  }
});

/**
 * The credential search: the account Flashback uses lives only in the
 * server's environment. Every form a leak could take — the password, the
 * `user:password` pair (as text, in a URL, base64 as in a basic-auth header) —
 * is looked for in the built client bundle, every page's HTML and every API
 * route's answer (headers and body), healthy and under each fault, valid and
 * bad input.
 */
test.describe('credentials stay on the server', () => {
  const { user, password } = SERVER_PATH_ACCOUNT;
  const NEEDLES = [...new Set([password, encodeURIComponent(password)]), `${user}:${password}`, Buffer.from(`${user}:${password}`).toString('base64'), `//${user}:${password}@`];

  /** What was searched, and where each needle was found (empty when nothing leaked). */
  function leaks(where: string, text: string): string[] {
    return NEEDLES.filter((needle) => text.includes(needle)).map((needle) => `${where} holds ${JSON.stringify(needle)}`);
  }

  /** A window of its own for each state, so that no answer comes from the server's short read cache. */
  const windowAt = (T: number) => `from=${T - HOUR}&to=${T}`;
  /** Every API route (folder under app/api) with input it accepts and input it refuses, around the instant T. */
  const api = (T: number, window = windowAt(T)): Record<string, { ok: string; bad: string; method?: 'POST' }> => ({
    anomalies: { ok: window, bad: 'from=yesterday-ish' },
    catalog: { ok: window, bad: 'to=%zz' },
    changes: { ok: window, bad: 'limit=0' },
    config: { ok: '', bad: 'x=%' },
    density: { ok: window, bad: 'buckets=-1' },
    'events/adjacent': { ok: `${window}&at=${T}&direction=next`, bad: 'direction=sideways' },
    extent: { ok: '', bad: 'from=1' },
    health: { ok: '', bad: 'x=1' },
    'health/live': { ok: '', bad: 'x=1' },
    import: { ok: 'name=leak-check.csv', bad: 'name=', method: 'POST' },
    'security-events': { ok: window, bad: 'limit=abc' },
    'security-events/summary': { ok: window, bad: 'groupBy=password' },
    series: { ok: `${window}&metric=order_latency_ms&agg=p99`, bad: 'metric=' },
    snapshot: { ok: `at=${T}&lookback=5m`, bad: 'at=never' },
    traces: { ok: window, bad: 'min_duration_ms=-5' },
    'traces/[traceId]': { ok: window, bad: '' },
  });
  const CSV = `timestamp,metric_name,service,value\n${new Date(SEED.outage.start).toISOString()},leak_check,checker,1\n`;

  function folders(root: string, file: string): string[] {
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((entry) => path.basename(entry) === file)
      .map((entry) => path.dirname(entry).split(path.sep).join('/'))
      .sort();
  }

  test('every API route is in the search', () => {
    expect(Object.keys(api(0)).sort()).toEqual(folders('app/api', 'route.ts'));
  });

  test('the built client bundle holds no credential', () => {
    const dist = process.env.E2E_DIST_DIR ?? '.next-e2e';
    const files = readdirSync(path.join(dist, 'static'), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dist, 'static', f));
    const found = files.flatMap((file) => {
      try {
        return leaks(file, readFileSync(file, 'utf8'));
      } catch {
        return []; // a directory
      }
    });
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(5);
    expect(found).toEqual([]);
  });

  test('no page, and no API answer under any fault or input, holds a credential', async ({ page, request }) => {
    test.setTimeout(180_000);
    const found: string[] = [];
    let answers = 0;
    const search = async (where: string, res: { status(): number; headersArray(): { name: string; value: string }[]; text(): Promise<string> }) => {
      answers += 1;
      const headers = res.headersArray().map((h) => `${h.name}: ${h.value}`).join('\n');
      found.push(...leaks(where, `${res.status()}\n${headers}\n${await res.text()}`));
      return res.status();
    };
    const pages = ['/', ...folders('app', 'page.tsx').filter((f) => f !== '.').map((f) => `/${f}`), '/no-such-page'];
    const statuses = new Set<number>();
    const states: [string, StandInState][] = [
      ['healthy', {}],
      ['down', { up: false }],
      ['refusing the credentials', { password: 'changed-on-the-server' }],
      ['without the database', { databaseMissing: true }],
      ['overloaded', { maxConcurrentQueries: 0 }],
      ['answering rows of another shape', { rowsNotMatching: true }],
      ['out of disk space', { diskFull: true }],
    ];
    for (const [i, [state, fault]] of states.entries()) {
      await standInControl.reset();
      await standInControl.set(fault);
      const T = SEED.outage.start - i * HOUR;
      for (const p of pages) statuses.add(await search(`${p} (${state})`, await request.get(`${p}?${windowAt(T)}`)));
      for (const [route, input] of Object.entries(api(T))) {
        const url = `/api/${route.replace('[traceId]', 'a1b2c3d4e5f60718293a4b5c6d7e8f90')}`;
        for (const query of [input.ok, input.bad]) {
          const res = input.method === 'POST'
            ? await request.post(`${url}?${query}`, { data: CSV, headers: { 'content-type': 'application/octet-stream' } })
            : await request.get(`${url}?${query}`);
          statuses.add(await search(`${url}?${query} (${state})`, res));
        }
      }
    }
    // What the browser itself receives while the app runs (pages, chunks, every API call), ClickHouse down and back.
    await standInControl.set({ up: false });
    page.on('response', (res) => void res.text().then((text) => found.push(...leaks(`browser ${res.url()}`, text)), () => undefined));
    await page.goto(viewUrl(view(10)));
    await expect(page.getByTestId('panel-error').first()).toBeVisible();
    await standInControl.reset();
    await expect(page.getByTestId('panel-error')).toHaveCount(0, { timeout: 30_000 });
    await page.goto(`/embed?${windowAt(SEED.outage.start)}`);
    await expect(page.getByTestId('embed')).toBeVisible();

    expect(answers).toBeGreaterThan(200);
    // The faults were real: clients' errors, ClickHouse unavailable, a bad gateway and success all answered.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 404, 502, 503]));
    expect(found).toEqual([]);
  });
});
