import { createParser } from 'nuqs/server';

/**
 * A pin: a moment marked with a short note, as the URL carries it —
 * `pin=<epoch ms>` or `pin=<epoch ms>:<note>`, repeatable — e.g.
 * `pin=1768456860000:coinbase%20drops`. Kept short: the note is cut to
 * PIN_NOTE_MAX characters, and a view holds at most PINS_MAX pins.
 */

export interface Pin {
  t: number;
  note: string;
}

export const PIN_NOTE_MAX = 80;
export const PINS_MAX = 20;

const PIN = /^(\d{1,15})(?::([\s\S]*))?$/;

export function decodePin(value: string): Pin | null {
  const match = PIN.exec(value);
  if (!match) return null;
  const t = Number(match[1]);
  const note = (match[2] ?? '').trim();
  if (!Number.isSafeInteger(t) || note.length > PIN_NOTE_MAX) return null;
  return { t, note };
}

export function encodePin(pin: Pin): string {
  const note = pin.note.trim().slice(0, PIN_NOTE_MAX);
  return note ? `${Math.round(pin.t)}:${note}` : String(Math.round(pin.t));
}

export const parseAsPin = createParser<Pin>({
  parse: decodePin,
  serialize: encodePin,
  eq: (a, b) => a.t === b.t && a.note === b.note,
});

/** Pins in time order (the URL keeps them in the order they were added). */
export function sortedPins(pins: readonly Pin[]): Pin[] {
  return [...pins].sort((a, b) => a.t - b.t);
}
