import { describe, expect, it } from 'vitest';
import { traceLinkUrl } from './trace-link';

const trace = { start: 1_768_457_100_123.4, end: 1_768_457_101_900.6 };

describe('traceLinkUrl', () => {
  it('pins a window of five minutes either side with the playhead on the trace start', () => {
    const url = new URL(traceLinkUrl('http://fb.test/?from=now-6h&trace=abc', '1ebcab15e2818d3fea78e77dec465f8d', trace));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: String(1_768_457_100_123 - 300_000),
      to: String(1_768_457_101_901 + 300_000),
      at: '1768457100123',
      trace: '1ebcab15e2818d3fea78e77dec465f8d',
    });
  });

  it('keeps the panels, filters and zone of the view', () => {
    const url = new URL(traceLinkUrl('http://fb.test/embed?panel=pnl_usd%3Bsum&label=exchange%3Acoinbase&tz=Europe%2FLondon&only=traces', 'ab'.repeat(8), trace, 60_000));
    expect(url.pathname).toBe('/embed');
    expect(url.searchParams.get('panel')).toBe('pnl_usd;sum');
    expect(url.searchParams.get('label')).toBe('exchange:coinbase');
    expect(url.searchParams.get('tz')).toBe('Europe/London');
    expect(url.searchParams.get('only')).toBe('traces');
    expect(Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'))).toBe(1_768_457_101_901 - 1_768_457_100_123 + 120_000);
  });
});
