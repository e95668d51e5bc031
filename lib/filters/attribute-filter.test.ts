import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTE_FILTER, formatAttributeFilter, parseAttributeFilter } from './attribute-filter';

describe('attribute=value filters', () => {
  it('round-trips any key without = (not blank) and any value, = included', () => {
    const key = fc.string({ minLength: 1, maxLength: 40 }).filter((k) => !k.includes('=') && k.trim() === k && k !== '');
    fc.assert(
      fc.property(key, fc.string({ maxLength: 80 }), (k, v) => {
        expect(parseAttributeFilter(formatAttributeFilter({ key: k, value: v }))).toEqual({ key: k, value: v });
      }),
      { numRuns: 2000 },
    );
  });

  it('splits at the first =, and rejects texts without a key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parsed = parseAttributeFilter(text);
        const eq = text.indexOf('=');
        if (eq <= 0 || text.slice(0, eq).trim() === '' || text.length > MAX_ATTRIBUTE_FILTER) expect(parsed).toBeNull();
        else expect(parsed).toEqual({ key: text.slice(0, eq).trim(), value: text.slice(eq + 1) });
      }),
      { numRuns: 2000 },
    );
    expect(parseAttributeFilter('http.url=https://x.test/?a=b')).toEqual({ key: 'http.url', value: 'https://x.test/?a=b' });
    expect(parseAttributeFilter('novalue')).toBeNull();
    expect(parseAttributeFilter('=v')).toBeNull();
    expect(parseAttributeFilter(`k=${'v'.repeat(MAX_ATTRIBUTE_FILTER)}`)).toBeNull();
  });
});
