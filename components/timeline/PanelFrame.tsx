'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { PLOT_LEFT, PLOT_RIGHT } from '@/components/charts/time-axis';
import { ErrorNotice } from '@/components/states/ErrorNotice';

/**
 * A panel's chrome: a header (title, legend, actions) and a body of fixed
 * height showing the chart, or a loading skeleton, an empty state that says
 * why, or the API's error message with a Retry button.
 *
 * Inside <PanelFill> (an embed showing one panel) the body takes the height
 * left instead, so the one chart fills the iframe at any size.
 */

const Fill = createContext(false);
export const PanelFill = Fill.Provider;
/** Whether the panel is shown alone, filling the frame (lanes then draw their own time axis labels). */
export const usePanelFill = () => useContext(Fill);

export type PanelStatus =
  | { kind: 'ready' }
  | { kind: 'loading' }
  | { kind: 'empty'; reason: string }
  | { kind: 'error'; message: string; retry: () => void };

interface PanelFrameProps {
  testId: string;
  title: ReactNode;
  height: number;
  status: PanelStatus;
  legend?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  extra?: Record<string, string | number | undefined>;
}

export function PanelFrame({ testId, title, height, status, legend, actions, children, extra }: PanelFrameProps) {
  const dataAttrs = Object.fromEntries(Object.entries(extra ?? {}).map(([k, v]) => [`data-${k}`, v]));
  const fill = useContext(Fill);
  return (
    <section data-testid={testId} data-status={status.kind} className={`border-b border-line bg-panel ${fill ? 'flex min-h-0 flex-1 flex-col' : ''}`} {...dataAttrs}>
      <header className="flex h-6 shrink-0 items-center gap-2 px-2 text-xs">
        <h2 className="min-w-0 shrink truncate font-medium text-fg" title={typeof title === 'string' ? title : undefined}>
          {title}
        </h2>
        <div className="flex min-w-0 flex-1 items-center gap-2 overflow-hidden">{legend}</div>
        {actions}
      </header>
      <div className={fill ? 'relative min-h-16 flex-1' : 'relative'} style={fill ? undefined : { height }}>
        {children}
        {status.kind !== 'ready' && (
          <div className="absolute inset-y-0 flex items-center justify-center" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }}>
            <PanelState status={status} compact={!fill && height < COMPACT_BELOW} />
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * A body lower than this (the lanes) shows an error on one line: the full notice wraps to
 * about 75 px at 900 px wide and would cover the lane's header and the next lane.
 */
const COMPACT_BELOW = 100;

function PanelState({ status, compact }: { status: PanelStatus; compact: boolean }) {
  if (status.kind === 'loading') {
    return (
      <div data-testid="panel-loading" aria-busy="true" aria-label="Loading" className="flex h-full w-full flex-col justify-center gap-2 py-3">
        <div className="h-full w-full animate-pulse rounded bg-skeleton" />
      </div>
    );
  }
  if (status.kind === 'empty') {
    return (
      <p data-testid="panel-empty" className="rounded bg-panel px-3 py-1 text-xs text-muted">
        {status.reason}
      </p>
    );
  }
  if (status.kind === 'error') {
    return (
      <ErrorNotice
        message={status.message}
        onRetry={status.retry}
        testId="panel-error"
        retryTestId="panel-retry"
        compact={compact}
        className={`rounded border border-danger/50 bg-panel px-3 shadow-sm ${compact ? 'py-0.5 text-xs' : 'py-1.5'}`}
      />
    );
  }
  return null;
}

export function LegendChip({ color, label, testId }: { color: string; label: string; testId?: string }) {
  return (
    <span data-testid={testId} className="flex shrink-0 items-center gap-1 text-muted">
      <span className="inline-block h-2 w-2 rounded-full" style={{ background: color }} />
      {label}
    </span>
  );
}
