'use client';

import { useEffect, useState } from 'react';
import { useView } from '@/lib/client/view';
import { findUrlIssues, type UrlIssue } from '@/lib/url/view-state';

type ExtraParsers = Parameters<typeof findUrlIssues>[1];

/**
 * Tells the user what of the link could not be used. Unknown and malformed
 * parameters found when the page opens fall back to their defaults, are
 * listed here, and are dropped from the address (so a re-shared link is
 * clean); problems found while resolving the view (from after to, a window over
 * the limit) are listed while they last. A page reading more keys
 * than the view (`/embed`) passes their parsers.
 */

export function UrlNotice({ extraParsers }: { extraParsers?: ExtraParsers }) {
  const view = useView();
  const [opening] = useState<UrlIssue[]>(() => findUrlIssues(new URLSearchParams(window.location.search), extraParsers));
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (opening.length === 0) return;
    const url = new URL(window.location.href);
    const kept = [...url.searchParams.entries()].filter(([k, v]) => !opening.some((i) => i.key === k && i.value === v));
    url.search = new URLSearchParams(kept).toString();
    window.history.replaceState(window.history.state, '', url);
  }, [opening]);

  const messages = [...opening.map((i) => i.message).filter(Boolean), ...view.problems];
  if (dismissed) return null;
  if (messages.length === 0) {
    if (view.notices.length === 0) return null;
    return (
      <div role="status" data-testid="view-notice" className="flex items-center gap-3 border-b border-accent/40 bg-accent/10 px-3 py-1 text-xs">
        <span className="min-w-0 flex-1">{view.notices.join(' ')}</span>
        <button type="button" className="btn" onClick={() => setDismissed(true)} data-testid="view-notice-dismiss">
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div role="status" data-testid="url-notice" className="flex items-start gap-3 border-b border-warning/40 bg-warning/10 px-3 py-1.5 text-xs">
      <div className="min-w-0 flex-1">
        <span className="font-medium text-warning">Some of this link could not be used; defaults are shown instead.</span>
        <ul className="mt-0.5 list-inside list-disc text-fg">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn" onClick={() => setDismissed(true)} data-testid="url-notice-dismiss">
        Dismiss
      </button>
    </div>
  );
}
