'use client';

import { useEffect, useRef } from 'react';
import { useCopy } from './use-copy';

/**
 * A button that copies a link built at click time (so it holds the view as it
 * is then). It confirms with "Link copied"; without a usable clipboard it
 * opens a field holding the link, selected, to copy by hand.
 */

interface CopyLinkButtonProps {
  testId: string;
  label: string;
  title: string;
  link: () => string;
  className?: string;
  /** What the button says once copied (default "Link copied"). */
  copiedLabel?: string;
}

export function CopyLinkButton({ testId, label, title, link, className = '', copiedLabel = 'Link copied' }: CopyLinkButtonProps) {
  const { state, copy, dismiss } = useCopy();
  const copied = state.kind === 'copied';
  return (
    <div className={`relative ${className}`}>
      <button type="button" className={`btn ${copied ? 'border-ok text-ok' : ''}`} onClick={() => void copy(link())} data-testid={testId} data-state={state.kind} title={title}>
        {copied ? `✓ ${copiedLabel}` : label}
      </button>
      <span role="status" className="sr-only" data-testid={`${testId}-status`}>
        {copied ? copiedLabel : ''}
      </span>
      {state.kind === 'manual' && <ManualCopy text={state.text} testId={`${testId}-field`} onClose={dismiss} />}
    </div>
  );
}

function ManualCopy({ text, testId, onClose }: { text: string; testId: string; onClose: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.select(), []);
  return (
    <div role="dialog" aria-label="Copy this link" className="absolute right-0 top-full z-30 mt-1 w-[28rem] max-w-[90vw] rounded border border-line bg-panel p-2 text-xs shadow-lg">
      <p className="mb-1 text-muted">The clipboard is not available here: copy the link below (Ctrl+C / ⌘C).</p>
      <div className="flex gap-1">
        <input
          ref={inputRef}
          readOnly
          value={text}
          data-testid={testId}
          className="field min-w-0 flex-1 font-mono"
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
        />
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
