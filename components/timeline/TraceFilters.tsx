'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogQuery } from '@/lib/client/queries';
import { useView, useViewActions } from '@/lib/client/view';
import { formatAttributeFilter, parseAttributeFilter } from '@/lib/filters/attribute-filter';
import { parseDuration } from '@/lib/time/units';
import { parseAsTraceId } from '@/lib/url/view-state';
import { TextFilter } from './TextFilter';

/**
 * The traces lane's search, as Jaeger's: service, operation, status, minimum
 * duration and attribute=value filters (all in the URL), and a trace-id box
 * that opens a trace directly. Text boxes apply on Enter or when they lose
 * focus; a value that does not parse is marked and not applied.
 */

export function TraceFilters() {
  const view = useView();
  const { setTraceFilter, setTrace } = useViewActions();
  const { service, operation, status, minDurationMs, attributes = [] } = view.traces;
  const [wantServices, setWantServices] = useState(false);
  const catalog = useQuery({ ...catalogQuery(view), enabled: wantServices });
  const services = [...new Set([...(catalog.data?.services ?? []), ...(service ? [service] : [])])].sort();

  return (
    <div
      data-testid="trace-filters"
      className="flex flex-wrap items-center gap-1 border-b border-line bg-panel px-2 py-1 text-xs"
      onPointerEnter={() => setWantServices(true)}
      onFocus={() => setWantServices(true)}
    >
      <span className="mr-1 text-muted">Find traces</span>
      <select className="field" data-testid="trace-filter-service" aria-label="Service" value={service ?? ''} onChange={(e) => setTraceFilter({ service: e.target.value || undefined })}>
        <option value="">any service</option>
        {services.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <TextFilter testId="trace-filter-operation" label="Operation" placeholder="operation" value={operation ?? ''} valid={() => true} onApply={(v) => setTraceFilter({ operation: v || undefined })} />
      <select
        className="field"
        data-testid="trace-filter-status"
        aria-label="Status"
        value={status ?? ''}
        onChange={(e) => setTraceFilter({ status: e.target.value === 'ok' || e.target.value === 'error' ? e.target.value : undefined })}
      >
        <option value="">any status</option>
        <option value="error">failed</option>
        <option value="ok">ok</option>
      </select>
      <TextFilter
        testId="trace-filter-min-duration"
        label="Minimum duration"
        placeholder="min duration"
        width="w-24"
        value={minDurationMs === undefined ? '' : `${minDurationMs}ms`}
        valid={(v) => v === '' || (parseDuration(v) ?? 0) > 0}
        onApply={(v) => setTraceFilter({ minDurationMs: v === '' ? undefined : parseDuration(v) })}
      />
      <TextFilter
        testId="trace-filter-attribute"
        label="Attribute filter, key=value"
        placeholder="attribute=value"
        value=""
        valid={(v) => v === '' || parseAttributeFilter(v) !== null}
        onApply={(v) => {
          const f = parseAttributeFilter(v);
          if (f) setTraceFilter({ attributes: [...attributes.filter((a) => a.key !== f.key), f] });
        }}
      />
      {attributes.map((a) => (
        <span key={a.key} data-testid="trace-filter-chip" className="flex items-center gap-1 rounded border border-accent bg-accent/15 px-1.5 py-0.5">
          <span className="break-all font-mono">{formatAttributeFilter(a)}</span>
          <button type="button" aria-label={`Remove filter ${formatAttributeFilter(a)}`} className="text-muted hover:text-fg" onClick={() => setTraceFilter({ attributes: attributes.filter((x) => x.key !== a.key) })}>
            ×
          </button>
        </span>
      ))}
      <span className="ml-auto" />
      <TextFilter
        testId="trace-id-box"
        label="Open a trace by id"
        placeholder="trace id"
        width="w-64"
        mono
        value=""
        valid={(v) => v === '' || parseAsTraceId.parse(v.trim()) !== null}
        onApply={(v) => v.trim() !== '' && setTrace(v.trim())}
      />
    </div>
  );
}
