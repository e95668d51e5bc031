import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePin, encodePin, PIN_NOTE_MAX, sortedPins } from './pins';

describe('pins in the URL', () => {
  it('reads a time alone or a time and a note (which may hold colons)', () => {
    expect(decodePin('1768456860000')).toEqual({ t: 1768456860000, note: '' });
    expect(decodePin('1768456860000:coinbase: feed lost')).toEqual({ t: 1768456860000, note: 'coinbase: feed lost' });
  });

  it('refuses what is not a pin', () => {
    for (const bad of ['', 'now', '-5:x', '12.5:x', `1:${'x'.repeat(PIN_NOTE_MAX + 1)}`, '99999999999999999:x']) expect(decodePin(bad)).toBeNull();
  });

  it('round-trips any time and short note', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.string({ maxLength: PIN_NOTE_MAX }), (t, raw) => {
        const note = raw.trim();
        expect(decodePin(encodePin({ t, note }))).toEqual({ t, note });
      }),
    );
  });

  it('sorts pins by time', () => {
    expect(sortedPins([{ t: 3, note: 'c' }, { t: 1, note: 'a' }]).map((p) => p.note)).toEqual(['a', 'c']);
  });
});
