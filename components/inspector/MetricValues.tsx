'use client';

import { memo } from 'react';
import { formatClock, formatValue } from '@/lib/client/format';
import { sampleAt } from '@/lib/client/grid';
import { alignDown } from '@/lib/time/steps';
import { useBaselineSeries, type BaselineSeries } from '@/lib/client/use-baseline-series';
import { usePanelSeries, type PanelLine } from '@/lib/client/use-panel-series';
import { usePlayhead, useView } from '@/lib/client/view';
import { encodePanel, panelTitle, type PanelSpec } from '@/lib/url/panel-spec';

/**
 * Each visible metric's value in the bucket holding the playhead, read from
 * the panels' cached buckets. Only the values follow the playhead: a scrub
 * frame re-renders them, not the panels' queries.
 */

export function MetricValues() {
  const view = useView();
  const at = usePlayhead();
  if (view.panels.length === 0) return <p className="text-muted">No metric panels: add one below the timeline.</p>;
  if (at < view.from || at >= view.to) {
    return (
      <p className="text-muted" data-testid="inspector-offscreen">
        The playhead lies outside the window: its last samples are below.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {view.panels.map((spec) => (
        <PanelValues key={encodePanel(spec)} spec={spec} />
      ))}
    </div>
  );
}

const PanelValues = memo(function PanelValues({ spec }: { spec: PanelSpec }) {
  const view = useView();
  const data = usePanelSeries(spec, view);
  // Compare mode: each value beside the baseline's at the same offset, and the difference.
  const baseline = useBaselineSeries(spec, view);
  return (
    <div data-testid="inspector-panel" data-panel={encodePanel(spec)}>
      <div className="truncate text-[11px] font-medium" title={panelTitle(spec)}>
        {panelTitle(spec)}
      </div>
      {data.isPending ? (
        <div className="h-4 animate-pulse rounded bg-skeleton" />
      ) : data.error ? (
        <p className="text-danger">unavailable</p>
      ) : data.lines.length === 0 ? (
        <p className="text-muted">no data</p>
      ) : (
        <LineValues lines={data.lines} baseline={baseline} />
      )}
    </div>
  );
});

function LineValues({ lines, baseline }: { lines: PanelLine[]; baseline: BaselineSeries | null }) {
  const view = useView();
  const at = usePlayhead();
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-2">
      {lines.slice(0, 12).map((line) => {
        const sample = sampleAt(line.points, at, view.step, line.spacing);
        const carried = sample.at !== null && sample.at !== alignDown(at, view.step);
        const baseLine = baseline?.lines.find((b) => b.key === line.key);
        const base = baseLine ? sampleAt(baseLine.points, at, view.step, baseLine.spacing).value : null;
        return (
          <div
            key={line.key}
            className="contents"
            data-testid="inspector-value"
            data-line={line.name}
            data-agg={line.agg}
            data-value={sample.value ?? ''}
            data-bucket={sample.at ?? ''}
          >
            <dt className="truncate text-muted">{line.name}</dt>
            <dd className="text-right font-mono tabular" title={carried && sample.at !== null ? `last sample at ${formatClock(sample.at, view.tz)}` : undefined}>
              {formatValue(sample.value)}
            </dd>
            {baseline && (
              <dd
                className="col-span-2 text-right font-mono text-[10px] text-muted tabular"
                data-testid="inspector-baseline"
                data-baseline={base ?? ''}
                title={`the baseline at ${formatClock(at - baseline.offset, view.tz)}, the same offset into its window`}
              >
                baseline {formatValue(base)}
                {base !== null && sample.value !== null && ` · Δ ${sample.value - base >= 0 ? '+' : ''}${formatValue(sample.value - base)}`}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
