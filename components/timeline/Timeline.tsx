'use client';

import type { ReactNode } from 'react';
import { Inspector } from '@/components/inspector/Inspector';
import { TraceWaterfall } from '@/components/trace/TraceWaterfall';
import { useApplyTheme } from '@/lib/client/theme';
import { useView, useViewActions, ViewProvider } from '@/lib/client/view';
import { encodePanel } from '@/lib/url/panel-spec';
import { AddPanel } from './AddPanel';
import { AnomalyLane } from './AnomalyLane';
import { MetricPanel } from './MetricPanel';
import { OverviewStrip } from './OverviewStrip';
import { PlaybackBar } from './PlaybackBar';
import { SecurityLane } from './SecurityLane';
import { SecurityTable } from './SecurityTable';
import { Toolbar } from './Toolbar';
import { TracesLane } from './TracesLane';
import { UrlNotice } from './UrlNotice';

/**
 * The time-travel timeline: toolbar, overview, playback, then the panels
 * stacked on one time axis with the inspector beside them.
 */

export function Timeline() {
  useApplyTheme();
  return (
    <ViewProvider>
      <div className="flex h-dvh min-h-[600px] flex-col overflow-hidden" data-testid="timeline-page">
        <Toolbar />
        <UrlNotice />
        <OverviewStrip />
        <PlaybackBar />
        <div className="flex min-h-0 flex-1">
          <Panels>
            <MetricPanels />
            <AddPanel />
            <AnomalyLane />
            <SecurityLane />
            <TracesLane />
            <TraceWaterfall />
            <SecurityTable />
          </Panels>
          <div className="w-80 shrink-0">
            <Inspector />
          </div>
        </div>
      </div>
    </ViewProvider>
  );
}

/** The panel stack; `data-step` is the shared bucket width (tests and tools read it). */
function Panels({ children }: { children: ReactNode }) {
  const view = useView();
  return (
    <main className="min-w-0 flex-1 overflow-y-auto" data-testid="panels" data-step={view.step} data-from={view.from} data-to={view.to}>
      {children}
    </main>
  );
}

function MetricPanels() {
  const view = useView();
  const { setPanels } = useViewActions();
  if (view.panels.length === 0) {
    return (
      <>
        <LabelFilterBar />
        <p className="border-b border-line bg-panel px-3 py-3 text-xs text-muted" data-testid="no-panels">
          No metric panels. Add one from the catalog below.
        </p>
      </>
    );
  }
  return (
    <>
      <LabelFilterBar />
      {view.panels.map((spec, i) => (
        <MetricPanel key={encodePanel(spec)} spec={spec} index={i} onRemove={() => setPanels(view.params.panel.filter((_, j) => j !== i))} />
      ))}
    </>
  );
}

/** The view-wide label filters (`label=key:value`, e.g. from a Grafana data link), removable one by one. */
function LabelFilterBar() {
  const view = useView();
  const { setLabels } = useViewActions();
  if (view.labels.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-line bg-panel px-2 py-1 text-xs" data-testid="label-filters">
      <span className="text-muted">All metric panels filtered by</span>
      {view.labels.map((f, i) => (
        <span key={`${f.key}:${f.value}`} className="flex items-center gap-1 rounded border border-accent/60 bg-accent/10 px-1.5 py-0.5" data-testid="label-filter">
          {f.key}={f.value}
          <button type="button" aria-label={`Remove filter ${f.key}=${f.value}`} onClick={() => setLabels(view.labels.filter((_, j) => j !== i))}>
            ✕
          </button>
        </span>
      ))}
    </div>
  );
}
