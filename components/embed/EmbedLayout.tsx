'use client';

import { useQueryStates } from 'nuqs';
import { Inspector } from '@/components/inspector/Inspector';
import { quickRangeLabel } from '@/components/time-picker/quick-ranges';
import { PanelStack } from '@/components/timeline/PanelStack';
import { UrlNotice } from '@/components/timeline/UrlNotice';
import { formatDateTime } from '@/lib/client/format';
import { ThemeOverride, useApplyTheme } from '@/lib/client/theme';
import { useView } from '@/lib/client/view';
import { compareLabel } from '@/lib/url/compare';
import { embedParsers, type EmbedOnly } from '@/lib/url/embed-state';
import { serializeView, viewParsers } from '@/lib/url/view-state';

/**
 * `/embed`: the timeline without the app around it (no toolbar, time picker,
 * playback bar or add-panel; the inspector only with `inspector=true`), for
 * an iframe or Grafana's Text/HTML panel. The panels keep the playhead,
 * crosshair and tooltips. A one-line bar says which window is shown and links
 * to the full view at the same state. With `compare=` the panels draw the
 * baseline as in the full view, and the bar names it.
 */

export function EmbedLayout() {
  const [embed] = useQueryStates(embedParsers);
  return (
    <ThemeOverride value={embed.theme}>
      <EmbedBody only={embed.only} inspector={embed.inspector} />
    </ThemeOverride>
  );
}

function EmbedBody({ only, inspector }: { only: EmbedOnly | null; inspector: boolean }) {
  useApplyTheme();
  return (
    <div className="flex h-dvh flex-col overflow-hidden" data-testid="embed" data-only={only ? (only.kind === 'panel' ? `panel:${only.index}` : only.kind) : ''}>
      <EmbedBar />
      <UrlNotice extraParsers={embedParsers} />
      <div className="flex min-h-0 flex-1">
        <PanelStack mode={{ kind: 'embed', only }} />
        {inspector && (
          <div className="w-64 shrink-0">
            <Inspector />
          </div>
        )}
      </div>
    </div>
  );
}

function EmbedBar() {
  const view = useView();
  // Subscribed to the URL, so the link follows the playhead and zooms made inside the embed.
  const [params] = useQueryStates(viewParsers);
  const label = quickRangeLabel(view.fromText, view.toText) ?? `${formatDateTime(view.from, view.tz)} → ${formatDateTime(view.to, view.tz)}`;
  return (
    <div className="flex h-6 shrink-0 items-center gap-2 border-b border-line bg-panel px-2 text-[11px]" data-testid="embed-bar">
      <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-full bg-playhead" />
      <span className="min-w-0 truncate font-mono tabular text-muted" data-testid="embed-window" title={`${label} (${view.tz})`}>
        {label} <span className="hidden sm:inline">{view.tz}</span>
      </span>
      {view.compare && (
        <span
          className="min-w-0 shrink truncate text-muted"
          data-testid="embed-compare"
          data-baseline-from={view.compare.baseline.from}
          data-baseline-to={view.compare.baseline.to}
          title={`Baseline ${formatDateTime(view.compare.baseline.from, view.tz)} → ${formatDateTime(view.compare.baseline.to, view.tz)}`}
        >
          vs {compareLabel(view.compare.spec)}
        </span>
      )}
      <a
        href={serializeView('/', params)}
        target="_blank"
        rel="noopener"
        className="ml-auto shrink-0 text-accent hover:underline"
        data-testid="open-in-flashback"
        title="Open this view in Flashback (a new tab)"
      >
        Open in Flashback ↗
      </a>
    </div>
  );
}
