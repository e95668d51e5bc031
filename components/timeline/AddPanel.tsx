'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AGGREGATIONS, type Aggregation } from '@/lib/api/types';
import { errorMessage } from '@/lib/client/api';
import { catalogQuery } from '@/lib/client/queries';
import { useView, useViewActions } from '@/lib/client/view';
import { encodePanel, type LabelFilter } from '@/lib/url/panel-spec';
import { ErrorNotice } from '@/components/states/ErrorNotice';

/** Adds a metric panel from the catalog: metric, aggregations, label filters and group-by. */

export function AddPanel() {
  const [open, setOpen] = useState(false);
  return (
    <div className="border-b border-line bg-panel px-2 py-1.5 text-xs">
      {open ? (
        <AddPanelForm onDone={() => setOpen(false)} />
      ) : (
        <button type="button" className="btn" data-testid="add-panel-button" onClick={() => setOpen(true)}>
          + Add metric panel
        </button>
      )}
    </div>
  );
}

function AddPanelForm({ onDone }: { onDone: () => void }) {
  const view = useView();
  const { setPanels } = useViewActions();
  const catalog = useQuery(catalogQuery(view));
  const [metric, setMetric] = useState('');
  const [aggs, setAggs] = useState<Aggregation[]>(['avg']);
  const [filters, setFilters] = useState<LabelFilter[]>([]);
  const [filterKey, setFilterKey] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const [groupBy, setGroupBy] = useState('');
  const [error, setError] = useState<string | null>(null);

  const labels = catalog.data?.labels ?? [];
  const values = labels.find((l) => l.key === filterKey)?.values ?? [];
  const toggleAgg = (a: Aggregation) => setAggs(aggs.includes(a) ? aggs.filter((x) => x !== a) : [...aggs, a].slice(-4));

  const addFilter = () => {
    if (!filterKey || filterValue === '') return;
    setFilters([...filters.filter((f) => f.key !== filterKey), { key: filterKey, value: filterValue }]);
    setFilterValue('');
  };

  const submit = () => {
    if (!metric) return setError('Pick a metric.');
    if (aggs.length === 0) return setError('Pick at least one aggregation.');
    const ordered = AGGREGATIONS.filter((a) => aggs.includes(a));
    const spec = { metric, aggs: ordered, filters, ...(groupBy ? { groupBy } : {}) };
    if (view.panelSpecs.some((p) => encodePanel(p) === encodePanel(spec))) return setError('That panel is already shown.');
    setPanels([...view.panelSpecs, spec]);
    onDone();
  };

  if (catalog.isPending) return <div className="h-16 animate-pulse rounded bg-skeleton" data-testid="panel-loading" />;
  if (catalog.error) {
    return (
      <ErrorNotice message={`The metric catalog could not be loaded: ${errorMessage(catalog.error)}`} onRetry={() => void catalog.refetch()} testId="catalog-error">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </ErrorNotice>
    );
  }

  return (
    <form
      data-testid="add-panel-form"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1">
          <span className="text-muted">Metric</span>
          <select className="field" data-testid="add-metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
            <option value="">choose…</option>
            {(catalog.data?.metrics ?? []).map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">Aggregations</legend>
          <span className="text-muted">Agg</span>
          {AGGREGATIONS.map((a) => (
            <button
              key={a}
              type="button"
              data-testid={`add-agg-${a}`}
              aria-pressed={aggs.includes(a)}
              onClick={() => toggleAgg(a)}
              className={`rounded border px-1.5 py-0.5 ${aggs.includes(a) ? 'border-accent bg-accent/15' : 'border-line text-muted'}`}
            >
              {a}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-muted">Filter</span>
        <select className="field" data-testid="add-filter-key" value={filterKey} onChange={(e) => setFilterKey(e.target.value)} aria-label="Label key">
          <option value="">label…</option>
          {labels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.key}
            </option>
          ))}
        </select>
        <input
          className="field w-36"
          data-testid="add-filter-value"
          list="add-filter-values"
          value={filterValue}
          onChange={(e) => setFilterValue(e.target.value)}
          placeholder="value"
          aria-label="Label value"
        />
        <datalist id="add-filter-values">
          {values.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <button type="button" className="btn" data-testid="add-filter" onClick={addFilter} disabled={!filterKey || filterValue === ''}>
          + filter
        </button>
        {filters.map((f) => (
          <span key={f.key} className="flex items-center gap-1 rounded border border-line px-1.5 py-0.5" data-testid="add-filter-chip">
            {f.key}={f.value}
            <button type="button" aria-label={`Remove filter ${f.key}`} onClick={() => setFilters(filters.filter((x) => x.key !== f.key))}>
              ✕
            </button>
          </span>
        ))}
        <label className="ml-2 flex items-center gap-1">
          <span className="text-muted">Group by</span>
          <select className="field" data-testid="add-groupby" value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            <option value="">none</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.key}
              </option>
            ))}
          </select>
        </label>
        <div className="ml-auto flex gap-2">
          {error && (
            <span className="text-danger" role="alert">
              {error}
            </span>
          )}
          <button type="submit" className="btn border-accent" data-testid="add-submit">
            Add panel
          </button>
          <button type="button" className="btn" onClick={onDone}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
