'use client';

import { useState } from 'react';
import { useTimeline } from '@/lib/client/store';
import { useView } from '@/lib/client/view';
import { embedSnippet, shareUrl } from '@/lib/links/share-link';
import { CopyLinkButton } from './CopyLinkButton';

/**
 * The toolbar's "Copy link": the address with a relative window pinned to the
 * epoch ms it shows now (resolved with the view's own `now` and zone, so the
 * link shows exactly these panels' data tomorrow) and the live playhead, or,
 * on request, with the window kept relative. "Embed" copies the `<iframe>`
 * snippet for `/embed` at the same state (compare mode and all).
 */

export function ShareLink() {
  const view = useView();
  const [keepRelative, setKeepRelative] = useState(false);
  // A trace's link always pins its window: the trace lookup is bounded by it.
  const canKeepRelative = view.relative && !view.trace;

  const link = () => {
    const url = new URL(window.location.href);
    // While playing or dragging, the playhead the user sees is ahead of the URL's.
    const moving = useTimeline.getState().moving;
    if (moving !== null) url.searchParams.set('at', String(Math.round(moving)));
    return shareUrl(url.toString(), {
      now: useTimeline.getState().now,
      tz: view.tz,
      keepRelative: keepRelative && canKeepRelative,
      defaultWindow: { from: view.fromText, to: view.toText },
    });
  };

  return (
    <div className="flex items-center gap-1.5">
      <CopyLinkButton
        testId="copy-link"
        label="Copy link"
        title={keepRelative && canKeepRelative ? 'Copy a link to this view, window kept relative' : 'Copy a link to this view, window pinned to the times shown'}
        link={link}
      />
      {canKeepRelative && (
        <label className="flex items-center gap-1 text-xs text-muted" title={`Keep the window relative (${view.fromText} … ${view.toText}): the link then shows the latest data when opened`}>
          <input type="checkbox" data-testid="keep-relative" checked={keepRelative} onChange={(e) => setKeepRelative(e.target.checked)} />
          relative
        </label>
      )}
      <CopyLinkButton
        testId="copy-embed"
        label="Embed"
        copiedLabel="Embed copied"
        title="Copy an <iframe> snippet that embeds this view (e.g. in Grafana's Text panel)"
        link={() => embedSnippet(link())}
      />
    </div>
  );
}
