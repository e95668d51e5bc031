'use client';

import { useQuery } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import type { Change, ChangeAction, SecurityGroup } from '@/lib/api/types';
import { errorMessage } from '@/lib/client/api';
import { formatDateTime, formatValue } from '@/lib/client/format';
import { changesQuery } from '@/lib/client/queries';
import { useTimeline } from '@/lib/client/store';
import { useView, useViewActions } from '@/lib/client/view';
import { parseTime } from '@/lib/time/datemath';
import type { ViewParams } from '@/lib/url/view-state';
import { COMPARE_SHIFTS, compareLabel, parseCompare, serializeCompare } from '@/lib/url/compare';
import { encodePanel, panelsEqual, type PanelSpec } from '@/lib/url/panel-spec';
import { ErrorNotice } from '@/components/states/ErrorNotice';

/**
 * "What changed": the window against compare mode's baseline, ranked across
 * every signal by /api/changes. The select turns compare mode on (it is the
 * URL's `compare=`, so the metric panels draw the baseline too); each row says
 * why on hover and opens what shows it on a click.
 */

const SIGNAL_NAMES: Record<Change['signal'], string> = { metric: 'metric', security: 'security', spans: 'spans', anomaly: 'detector' };

export function ChangesPanel() {
  const view = useView();
  const { setParams } = useViewActions();
  const comparison = view.compare;
  const value = comparison ? serializeCompare(comparison.spec) : '';
  const custom = comparison?.spec.kind === 'range';
  const [picking, setPicking] = useState(false);

  return (
    <section data-testid="changes" className="flex max-h-[45%] min-h-0 flex-col border-t border-l border-line bg-panel text-xs">
      <header className="flex items-center gap-2 border-b border-line px-3 py-2">
        <h3 className="shrink-0 whitespace-nowrap text-[10px] font-semibold uppercase tracking-wide text-muted">What changed</h3>
        <label className="ml-auto flex min-w-0 items-center gap-1 text-[11px] text-muted">
          against
          <select
            className="field h-6 min-w-0"
            data-testid="compare-select"
            aria-label="Compare the window with"
            value={value}
            onChange={(e) => {
              if (e.target.value === 'custom') return setPicking(true);
              setPicking(false);
              void setParams({ compare: e.target.value === '' ? null : parseCompare(e.target.value) });
            }}
          >
            <option value="">nothing (off)</option>
            {COMPARE_SHIFTS.map((shift) => {
              const spec = parseCompare(shift);
              return spec && <option key={shift} value={shift}>{compareLabel(spec)}</option>;
            })}
            {custom && <option value={value}>{compareLabel(comparison.spec)}</option>}
            <option value="custom">a window of my own…</option>
          </select>
        </label>
      </header>
      {picking && <BaselinePicker onDone={() => setPicking(false)} />}
      {comparison ? (
        <ChangeList window={view} baseline={comparison.baseline} tz={view.tz} />
      ) : (
        <p className="px-3 py-2 text-muted" data-testid="changes-off">
          Pick a baseline to draw it under every metric panel and rank what differs in this window, across metrics, security events,
          spans and the detector.
        </p>
      )}
    </section>
  );
}

/** An absolute baseline window, typed as the time picker takes times (ISO 8601, epoch ms or now-1d). */
function BaselinePicker({ onDone }: { onDone: () => void }) {
  const view = useView();
  const now = useTimeline((s) => s.now);
  const { setParams } = useViewActions();
  const day = 86_400_000;
  const [from, setFrom] = useState(new Date(view.from - day).toISOString());
  const [to, setTo] = useState(new Date(view.to - day).toISOString());
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = parseTime(from, { now, tz: view.tz });
    const b = parseTime(to, { now, tz: view.tz, roundUp: true });
    if (!a.ok || !b.ok) return setError(`baseline ${!a.ok ? `from ${a.error}` : !b.ok ? `to ${b.error}` : ''}`);
    if (a.ms >= b.ms) return setError('the baseline must start before it ends');
    void setParams({ compare: { kind: 'range', from: a.ms, to: b.ms } });
    onDone();
  };
  return (
    <form className="grid grid-cols-[auto_1fr] items-center gap-1 border-b border-line px-3 py-2" onSubmit={submit} data-testid="baseline-picker">
      <label htmlFor="baseline-from" className="text-muted">from</label>
      <input id="baseline-from" className="field" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="baseline-from" />
      <label htmlFor="baseline-to" className="text-muted">to</label>
      <input id="baseline-to" className="field" value={to} onChange={(e) => setTo(e.target.value)} data-testid="baseline-to" />
      {error && <p className="col-span-2 text-danger" role="alert">{error}</p>}
      <div className="col-span-2 flex justify-end gap-2">
        <button type="button" className="btn" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn" data-testid="baseline-apply">Compare</button>
      </div>
    </form>
  );
}

function ChangeList({ window, baseline, tz }: { window: { from: number; to: number }; baseline: { from: number; to: number }; tz: string }) {
  const query = useQuery(changesQuery(window, baseline));
  const open = useOpenChange();
  const range = `${formatDateTime(baseline.from, tz)} – ${formatDateTime(baseline.to, tz)}`;
  return (
    <div className="min-h-0 overflow-y-auto" data-testid="changes-list" data-baseline-from={baseline.from} data-baseline-to={baseline.to}>
      <p className="px-3 pt-1.5 text-[10px] text-muted" title="The baseline window">
        baseline {range}
      </p>
      {query.isPending ? (
        <div className="m-3 h-16 animate-pulse rounded bg-skeleton" />
      ) : query.error ? (
        <ErrorNotice className="px-3 py-2" testId="changes-error" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
      ) : query.data.changes.length === 0 ? (
        <p className="px-3 py-2 text-muted" data-testid="changes-none">
          Nothing stands out: no signal moved past the threshold (score {query.data.threshold}).
          {query.data.notes.length > 0 && ` ${query.data.notes.join(' ')}`}
        </p>
      ) : (
        <ol className="py-1">
          {query.data.changes.map((change, i) => (
            <Fragment key={`${change.signal}:${change.what}`}>
              {change.explainedBy.length > 0 && !query.data.changes[i - 1]?.explainedBy.length && (
                <li
                  className="mx-3 mt-1 border-t border-line pt-1 text-[10px] text-muted"
                  title="These rows are accounted for by more specific rows listed above: each row's hover names them (docs/api.md, Ranking)."
                  data-testid="changes-explained"
                >
                  Explained by the rows above
                </li>
              )}
              <li>
                <button
                  type="button"
                  className="grid w-full grid-cols-[auto_1fr_auto] items-baseline gap-x-2 px-3 py-1 text-left hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent"
                  title={change.explanation}
                  data-testid="change-row"
                  data-rank={i}
                  data-signal={change.signal}
                  data-action={change.action.kind}
                  onClick={() => open(change.action)}
                >
                  <span className="w-14 shrink-0 text-[10px] uppercase text-muted">{SIGNAL_NAMES[change.signal]}</span>
                  <span className="min-w-0 break-words">{change.what}</span>
                  <span className="font-mono text-[10px] text-muted tabular" aria-label="score">
                    {formatValue(change.score)}
                  </span>
                  <span />
                  <span className="col-span-2 font-mono text-[10px] text-muted tabular">{sides(change)}</span>
                </button>
              </li>
            </Fragment>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Baseline → window in the row's own terms. */
function sides(c: Change): string {
  switch (c.signal) {
    case 'metric':
      return `${formatValue(c.baseline.value)} → ${formatValue(c.window.value)}`;
    case 'security':
      return `${c.baseline.count} → ${c.window.count} events (${formatValue(c.effect)}× the rate)`;
    case 'spans':
      return `${c.baseline.matching}/${c.baseline.spans} → ${c.window.matching}/${c.window.spans} ${c.kind}`;
    case 'anomaly':
      return `${c.baseline.flagged} → ${c.window.flagged} flagged`;
  }
}

/** The security filter (URL keys) that shows one value of a field. */
function securityFilter(field: SecurityGroup, value: string): Partial<ViewParams> {
  switch (field) {
    case 'sourceIp':
      return { ip: value };
    case 'eventType':
      return { etype: [value] };
    case 'service':
      return { ssvc: [value] };
    case 'action':
      return { sact: [value] };
  }
}

/**
 * What a row's click does to the view: add the panel it names (or show it),
 * filter the security events to the value, or filter the traces lane to the
 * operation's failed traces (or those at least as long as its slow threshold),
 * with the span attribute when the row names one.
 */
function useOpenChange() {
  const view = useView();
  const { setParams } = useViewActions();
  return (action: ChangeAction) => {
    if (action.kind === 'panel') {
      const spec: PanelSpec = { metric: action.metric, aggs: [action.agg], filters: action.labels };
      const panels = view.panelSpecs.some((p) => panelsEqual(p, spec)) ? view.panelSpecs : [...view.panelSpecs, spec];
      void setParams({ panel: panels }).then(() => reveal(`[data-testid="metric-panel"][data-panel="${CSS.escape(encodePanel(spec))}"]`));
      return;
    }
    if (action.kind === 'securityFilter') {
      void setParams(securityFilter(action.field, action.value)).then(() => reveal('[data-testid="security-lane"]'));
      return;
    }
    void setParams({
      tservice: action.service,
      toperation: action.operation,
      tstatus: action.status ?? null,
      tmin: action.minSelfMs === undefined ? null : Math.max(1, Math.ceil(action.minSelfMs)),
      tattr: action.attribute?.scope === 'span' ? [{ key: action.attribute.key, value: action.attribute.value }] : [],
    }).then(() => reveal('[data-testid="traces-lane"]'));
  };
}

/** Scrolls what a click opened into view once it is drawn (it may be a panel the click just added). */
function reveal(selector: string, tries = 20) {
  const element = document.querySelector(selector);
  if (element) element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  else if (tries > 0) window.setTimeout(() => reveal(selector, tries - 1), 100);
}
