'use client';

import { useView, useViewActions } from '@/lib/client/view';
import { encodePanel } from '@/lib/url/panel-spec';
import { MetricPanel } from './MetricPanel';

/**
 * The URL's metric panels, with the view-wide label filters above them. In
 * the full view they can be removed; an embed shows them as they are (its
 * panel titles name the filters).
 */

export function MetricPanels({ editable }: { editable: boolean }) {
  const view = useView();
  const { setPanels } = useViewActions();
  if (view.panels.length === 0) {
    return (
      <>
        {editable && <LabelFilterBar />}
        <p className="border-b border-line bg-panel px-3 py-3 text-xs text-muted" data-testid="no-panels">
          {!editable
            ? 'No metric panels in this view.'
            : view.params.panel.length === 0
              ? // The defaults follow the window's catalog, which holds no metric here.
                'No metrics in this window to chart: move the window, or add a panel from the catalog below.'
              : 'No metric panels. Add one from the catalog below.'}
        </p>
      </>
    );
  }
  return (
    <>
      {editable && <LabelFilterBar />}
      {view.panels.map((spec, i) => (
        <MetricPanel
          key={encodePanel(spec)}
          spec={spec}
          index={i}
          window={view}
          onRemove={editable ? () => setPanels(view.panelSpecs.filter((_, j) => j !== i)) : undefined}
        />
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
