import { createParser, createSerializer, parseAsStringLiteral, type inferParserType } from 'nuqs/server';
import { VIEW_KEYS } from './view-state';

/**
 * What `/embed` reads on top of the view parameters (view-state.ts), for an
 * iframe or Grafana's Text/HTML panel:
 *
 *   only        one panel instead of the whole stack: `panel:<i>` (the i-th
 *               metric panel, from 0), `security`, `traces` or `anomalies`
 *   theme       `light` or `dark` (default: the viewer's choice or system),
 *               so the embed can match the dashboard around it
 *   inspector   `true` shows the inspector beside the panels (default: hidden)
 *
 * The full view ignores these keys (its notice lists them as unknown), and the
 * embed's "Open in Flashback" link leaves them out.
 */

export type EmbedOnly = { kind: 'panel'; index: number } | { kind: 'security' | 'traces' | 'anomalies' };

const LANES = ['security', 'traces', 'anomalies'] as const;
const PANEL_INDEX = /^panel:(\d{1,2})$/;

export const parseAsOnly = createParser<EmbedOnly>({
  parse: (value) => {
    const panel = PANEL_INDEX.exec(value);
    if (panel) return { kind: 'panel', index: Number(panel[1]) };
    return (LANES as readonly string[]).includes(value) ? { kind: value as (typeof LANES)[number] } : null;
  },
  serialize: (only) => (only.kind === 'panel' ? `panel:${only.index}` : only.kind),
  eq: (a, b) => a.kind === b.kind && (a.kind !== 'panel' || (b.kind === 'panel' && a.index === b.index)),
});

/** Strict, unlike nuqs' parseAsBoolean (which reads any text as false): a typo is reported, not silently ignored. */
const parseAsStrictBoolean = createParser<boolean>({
  parse: (value) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : null),
  serialize: (value) => String(value),
});

export const embedParsers = {
  only: parseAsOnly,
  theme: parseAsStringLiteral(['light', 'dark'] as const),
  inspector: parseAsStrictBoolean.withDefault(false),
};

export type EmbedParams = inferParserType<typeof embedParsers>;

/** Writes the embed's own keys (defaults left out), e.g. for tests and link builders. */
export const serializeEmbed = createSerializer(embedParsers);

/**
 * The full view at the same state: the embed's query string without the
 * embed-only keys. Pairs are kept as written (nuqs' readable encoding of
 * `:` and `/`), not re-encoded.
 */
export function fullViewHref(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => {
      const key = new URLSearchParams(pair).keys().next().value;
      return key !== undefined && (VIEW_KEYS as string[]).includes(key);
    });
  return kept.length ? `/?${kept.join('&')}` : '/';
}
