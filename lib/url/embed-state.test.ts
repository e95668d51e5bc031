import { createLoader } from 'nuqs';
import { describe, expect, it } from 'vitest';
import { embedParsers, fullViewHref, serializeEmbed, type EmbedParams } from './embed-state';
import { findUrlIssues, serializeView } from './view-state';

const load = createLoader(embedParsers);

describe('embed parameters in the URL', () => {
  it('leave defaults out', () => {
    expect(serializeEmbed({ only: null, theme: null, inspector: false })).toBe('');
  });

  it('round-trip every value of only, theme and inspector', () => {
    const cases: EmbedParams[] = [
      { only: { kind: 'panel', index: 0 }, theme: 'dark', inspector: true },
      { only: { kind: 'panel', index: 12 }, theme: 'light', inspector: false },
      { only: { kind: 'security' }, theme: null, inspector: false },
      { only: { kind: 'traces' }, theme: null, inspector: false },
      { only: { kind: 'anomalies' }, theme: null, inspector: false },
    ];
    for (const state of cases) {
      const query = serializeEmbed(state);
      expect(load(new URLSearchParams(query.slice(1))), query).toEqual(state);
    }
    expect(serializeEmbed({ only: { kind: 'panel', index: 1 } })).toBe('?only=panel:1');
  });

  it('are checked on /embed and reported as unknown elsewhere', () => {
    const search = new URLSearchParams('from=now-1h&only=security&theme=dark&inspector=true');
    expect(findUrlIssues(search, embedParsers)).toEqual([]);
    expect(findUrlIssues(search).map((i) => i.key)).toEqual(['only', 'theme', 'inspector']);
  });

  it('reject malformed values, one notice each', () => {
    const issues = findUrlIssues(new URLSearchParams('only=panel:x&theme=sepia&inspector=yes&only=panel:123&only=logs'), embedParsers);
    expect(issues.map((i) => `${i.key}=${i.value}`)).toEqual(['only=panel:x', 'theme=sepia', 'inspector=yes', 'only=panel:123', 'only=logs']);
    expect(issues.every((i) => i.message.includes('is not valid'))).toBe(true);
  });

  it('link to the full view at the same state, without the embed keys', () => {
    const view = serializeView({ from: '1768446000000', to: '1768453200000', at: '1768447000000', label: [{ key: 'exchange', value: 'a:b&c' }], tz: 'Europe/Berlin' });
    expect(fullViewHref(`${view}&only=panel:0&theme=dark&inspector=1`)).toBe(`/${view}`);
    expect(fullViewHref('?only=security')).toBe('/');
  });
});
