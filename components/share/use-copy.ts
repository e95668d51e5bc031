'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * Copying text to the clipboard, with what the UI shows afterwards: a short
 * confirmation, or, where the Clipboard API is missing or refused (an
 * insecure origin, a sandboxed iframe, a denied permission), the text itself
 * for the user to copy by hand.
 */

export type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string };

const CONFIRM_MS = 3000;

export function useCopy() {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const id = window.setTimeout(() => setState({ kind: 'idle' }), CONFIRM_MS);
    return () => window.clearTimeout(id);
  }, [state]);

  const copy = useCallback(async (text: string) => {
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', text });
    }
  }, []);

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, copy, dismiss };
}
