'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import { GrafanaPanels } from '@/components/grafana/GrafanaPanels';
import { useView } from '@/lib/client/view';
import type { EmbedOnly } from '@/lib/url/embed-state';
import { AddPanel } from './AddPanel';
import { AnomalyLane } from './AnomalyLane';
import { MetricPanel } from './MetricPanel';
import { MetricPanels } from './MetricPanels';
import { PanelFill } from './PanelFrame';
import { SecurityLane } from './SecurityLane';
import { SecurityTable } from './SecurityTable';
import { TraceFilters } from './TraceFilters';
import { TracesLane } from './TracesLane';

/** The waterfall shows only once a trace is opened: its code loads then, not with the first screen. */
const TraceWaterfall = dynamic(() => import('@/components/trace/TraceWaterfall').then((m) => m.TraceWaterfall), { ssr: false });

/**
 * The panels on one time axis, shared by the full view and `/embed`. The full
 * view adds what edits the view (add panel, the security filters and table)
 * and the Grafana panels; an embed shows the panels alone, or one of them
 * filling the frame (`only=`).
 */

export type StackMode = { kind: 'app' } | { kind: 'embed'; only: EmbedOnly | null };

export function PanelStack({ mode }: { mode: StackMode }) {
  if (mode.kind === 'embed' && mode.only) {
    return (
      <Panels fill>
        <PanelFill value={true}>
          <OnlyPanel only={mode.only} />
        </PanelFill>
      </Panels>
    );
  }
  return <FullStack app={mode.kind === 'app'} />;
}

function FullStack({ app }: { app: boolean }) {
  const view = useView();
  return (
    <Panels>
      <MetricPanels editable={app} />
      {app && <AddPanel />}
      {app && <GrafanaPanels />}
      <AnomalyLane window={view} />
      <SecurityLane window={view} />
      {app && <TraceFilters />}
      <TracesLane window={view} />
      <TraceWaterfall />
      {app && <SecurityTable />}
    </Panels>
  );
}

function OnlyPanel({ only }: { only: EmbedOnly }) {
  const view = useView();
  if (only.kind !== 'panel') {
    if (only.kind === 'security') return <SecurityLane window={view} />;
    if (only.kind === 'anomalies') return <AnomalyLane window={view} />;
    return (
      <>
        <TracesLane window={view} />
        <TraceWaterfall />
      </>
    );
  }
  const spec = view.panels[only.index];
  if (!spec) {
    const count = view.panels.length;
    return (
      <p className="p-3 text-xs text-muted" data-testid="no-panels">
        This view has {count} metric panel{count === 1 ? '' : 's'}: there is no panel {only.index} (panels count from 0).
      </p>
    );
  }
  return <MetricPanel spec={spec} index={only.index} window={view} />;
}

/** The panel stack; `data-step` is the shared bucket width (tests and tools read it). */
function Panels({ children, fill = false }: { children: ReactNode; fill?: boolean }) {
  const view = useView();
  return (
    <main
      className={`min-w-0 flex-1 overflow-y-auto ${fill ? 'flex flex-col' : ''}`}
      data-testid="panels"
      data-step={view.step}
      data-from={view.from}
      data-to={view.to}
    >
      {children}
    </main>
  );
}
