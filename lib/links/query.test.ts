import { describe, expect, it } from 'vitest';
import { withParams } from './query';

describe('withParams', () => {
  it('replaces in place, appends what is missing and keeps other pairs as written', () => {
    expect(withParams('?panel=m;p99;@exchange&from=now-1h&label=exchange:a%26b', { from: '1700000000000', to: '1700003600000' })).toBe(
      '?panel=m;p99;@exchange&from=1700000000000&label=exchange:a%26b&to=1700003600000',
    );
  });

  it('drops repeats of a replaced key and handles empty input', () => {
    expect(withParams('at=1&at=2', { at: '3' })).toBe('?at=3');
    expect(withParams('', {})).toBe('');
    expect(withParams('?', { trace: 'ab' })).toBe('?trace=ab');
  });
});
