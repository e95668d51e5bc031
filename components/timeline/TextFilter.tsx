'use client';

import { useState, type ReactNode } from 'react';

/**
 * A filter's text box: the draft is local until Enter or blur applies it
 * (the URL changes once per filter, not per keystroke), Escape drops it, and
 * a draft that does not parse is marked and not applied.
 */

export interface TextFilterProps {
  testId: string;
  label: string;
  placeholder: string;
  value: string;
  valid: (text: string) => boolean;
  onApply: (text: string) => void;
  width?: string;
  mono?: boolean;
  /** Shown as the tooltip while the text does not parse. */
  hint?: string;
}

export function TextFilter({ testId, label, placeholder, value, valid, onApply, width = 'w-36', mono = false, hint }: TextFilterProps): ReactNode {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value;
  const ok = valid(text.trim());
  const apply = () => {
    if (draft === null || !ok) return;
    onApply(draft.trim());
    setDraft(null);
  };
  return (
    <input
      className={`field ${width} ${mono ? 'font-mono' : ''} ${ok ? '' : 'border-danger'}`}
      data-testid={testId}
      aria-label={label}
      aria-invalid={!ok}
      placeholder={placeholder}
      title={!ok && hint ? hint : `${label}; Enter applies`}
      value={text}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
