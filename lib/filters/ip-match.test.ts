import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpMatch, parseIpMatch } from './ip-match';

/**
 * The source-IP grammar against Node's own address parser (an independent
 * implementation): every generated text is an address for one exactly when
 * it is for the other, and a CIDR range is accepted exactly when its
 * address is valid and its prefix fits the family.
 */

// Texts close to addresses: the characters addresses are made of, so near misses are common.
const nearAddress = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.'.split('')), maxLength: 45 });
const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended());

describe('parseIpMatch', () => {
  it('accepts an address exactly when node:net does', () => {
    fc.assert(
      fc.property(fc.oneof(address, nearAddress), (text) => {
        const match = parseIpMatch(text);
        expect(match !== null, text).toBe(isIP(text) !== 0);
        if (match) expect(match).toEqual({ kind: 'address', address: text });
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a CIDR range exactly when the address is valid and the prefix fits its family', () => {
    fc.assert(
      fc.property(fc.oneof(address, nearAddress), fc.integer({ min: 0, max: 200 }), (addr, bits) => {
        const family = isIP(addr);
        const valid = family === 4 ? bits <= 32 : family === 6 ? bits <= 128 : false;
        const match = parseIpMatch(`${addr}/${bits}`);
        expect(match !== null, `${addr}/${bits}`).toBe(valid);
        if (match) expect(formatIpMatch(match)).toBe(`${addr}/${bits}`);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['', ' ', '/', '10.0.0.0/', '/8', '10.0.0.0/8/8', '10.0.0.0/-1', '10.0.0.0/08x', '1.2.3.4 OR 1=1', `${'1'.repeat(70)}`])('rejects %j', (text) => {
    expect(parseIpMatch(text)).toBeNull();
  });

  it('trims surrounding space', () => {
    expect(parseIpMatch(' 203.0.113.0/24 ')).toEqual({ kind: 'range', cidr: '203.0.113.0/24' });
  });
});
