'use client';

import { ChangesPanel } from '@/components/changes/ChangesPanel';
import { EmbedLayout } from '@/components/embed/EmbedLayout';
import { Inspector } from '@/components/inspector/Inspector';
import { useApplyTheme } from '@/lib/client/theme';
import { ViewProvider } from '@/lib/client/view';
import { OverviewStrip } from './OverviewStrip';
import { PanelStack } from './PanelStack';
import { PlaybackBar } from './PlaybackBar';
import { TimelineSkeleton } from './TimelineSkeleton';
import { Toolbar } from './Toolbar';
import { UrlNotice } from './UrlNotice';

/**
 * The time-travel timeline. `chrome="app"` is the full view: toolbar,
 * overview, playback, then the panels stacked on one time axis with the
 * inspector beside them. `chrome="embed"` is the same view without the app
 * around it, for an iframe (/embed). Both read the same URL state.
 */

export type Chrome = 'app' | 'embed';

export function Timeline({ chrome }: { chrome: Chrome }) {
  return <ViewProvider fallback={<TimelineSkeleton chrome={chrome} />}>{chrome === 'embed' ? <EmbedLayout /> : <AppLayout />}</ViewProvider>;
}

function AppLayout() {
  useApplyTheme();
  return (
    <div className="flex h-dvh min-h-[600px] flex-col overflow-hidden" data-testid="timeline-page">
      <Toolbar />
      <UrlNotice />
      <OverviewStrip />
      <PlaybackBar />
      <div className="flex min-h-0 flex-1">
        <PanelStack mode={{ kind: 'app' }} />
        <div className="flex w-80 shrink-0 flex-col">
          <div className="min-h-0 flex-1">
            <Inspector />
          </div>
          <ChangesPanel />
        </div>
      </div>
    </div>
  );
}
