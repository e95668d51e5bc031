import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '@/lib/api/errors';
import { insertDataset } from '@/test/fixtures/dataset';
import { testEngine } from '@/test/engine';
import { call } from '@/test/fixtures/request';
import { GET as anomalies } from './anomalies/route';
import { GET as catalog } from './catalog/route';
import { GET as extent } from './extent/route';
import { GET as changes } from './changes/route';
import { GET as density } from './density/route';
import { GET as adjacent } from './events/adjacent/route';
import { GET as securityEvents } from './security-events/route';
import { GET as securitySummary } from './security-events/summary/route';
import { GET as series } from './series/route';
import { GET as snapshot } from './snapshot/route';
import { GET as trace } from './traces/[traceId]/route';
import { GET as traces } from './traces/route';

/**
 * docs/api.md says what the routes answer: each ```http request in it is run
 * against the fixture dataset and must answer exactly the ```json after it
 * (with the status its error code implies, else 200). After a deliberate
 * change, `UPDATE_API_DOCS=1 npx vitest run app/api/api-docs.test.ts`
 * rewrites the JSON blocks from the actual answers.
 */

testEngine();
const DOC = path.join(process.cwd(), 'docs/api.md');

const HANDLERS: Record<string, typeof series> = {
  '/api/catalog': catalog,
  '/api/extent': extent,
  '/api/series': series,
  '/api/security-events': securityEvents,
  '/api/security-events/summary': securitySummary,
  '/api/anomalies': anomalies,
  '/api/traces': traces,
  '/api/snapshot': snapshot,
  '/api/density': density,
  '/api/events/adjacent': adjacent,
  '/api/changes': changes,
};

const EXAMPLE = /```http\nGET (\S+)\n```\n+```json\n([\s\S]*?)\n```/g;

interface Example {
  request: string;
  json: string;
  start: number;
  end: number;
}

function examples(text: string): Example[] {
  return [...text.matchAll(EXAMPLE)].map((m) => {
    const jsonStart = (m.index ?? 0) + m[0].indexOf('```json\n') + '```json\n'.length;
    return { request: m[1] as string, json: m[2] as string, start: jsonStart, end: jsonStart + (m[2] as string).length };
  });
}

async function answer(request: string): Promise<{ status: number; body: unknown }> {
  const { pathname, search } = new URL(request, 'http://flashback.test');
  const traceId = /^\/api\/traces\/([^/]+)$/.exec(pathname)?.[1];
  const handler = traceId ? trace : HANDLERS[pathname];
  if (!handler) throw new Error(`docs/api.md documents ${pathname}, which no route serves`);
  return call(handler, pathname, search.slice(1), traceId ? { params: { traceId } } : {});
}

/** JSON with arrays of scalars (and of short tuples) kept on one line, as the doc shows them. */
function format(value: unknown, indent = ''): string {
  const flat = (v: unknown): boolean => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));
  if (flat(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every(flat) && value.length > 0) return `[\n${inner}${value.map((v) => JSON.stringify(v)).join(`,\n${inner}`)}\n${indent}]`;
    return value.length === 0 ? '[]' : `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
}

beforeAll(async () => {
  await insertDataset();
});

describe('docs/api.md', () => {
  const text = readFileSync(DOC, 'utf8');
  const found = examples(text);

  it('has an example for every route', () => {
    const paths = found.map((e) => new URL(e.request, 'http://x').pathname.replace(/\/api\/traces\/.+/, '/api/traces/{traceId}'));
    expect(new Set(paths)).toEqual(new Set([...Object.keys(HANDLERS), '/api/traces/{traceId}']));
  });

  it('shows what each example request answers', async () => {
    if (process.env.UPDATE_API_DOCS === '1') {
      let updated = text;
      for (const example of [...found].reverse()) {
        const { body } = await answer(example.request);
        updated = updated.slice(0, example.start) + format(body) + updated.slice(example.end);
      }
      writeFileSync(DOC, updated);
      return;
    }
    for (const example of found) {
      const { status, body } = await answer(example.request);
      const documented = JSON.parse(example.json) as { error?: { code: ErrorCode } };
      expect(body, example.request).toEqual(documented);
      expect(status, example.request).toBe(documented.error ? ERROR_STATUS[documented.error.code] : 200);
    }
  });
});
