'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { SEVERITIES } from '@/lib/api/types';
import { formatDateTime } from '@/lib/client/format';
import { catalogQuery } from '@/lib/client/queries';
import { useSecurityInWindow } from '@/lib/client/events/use-window-events';
import { useView, useViewActions } from '@/lib/client/view';

/**
 * The security events of the window, newest first, with the filters the URL
 * keeps (severity, event type, minimum threat). A row moves the playhead to
 * its event; "Load more" follows the API's cursor.
 */

const ROWS_SHOWN = 5000;

export function SecurityTable() {
  const view = useView();
  const { commitPlayhead, setSecurity } = useViewActions();
  const security = useSecurityInWindow(view, view.security);
  // The event-type list comes from the catalog, fetched once the pointer or focus comes near the
  // filters rather than on load, where it would compete with the charts for the engine.
  const [wantTypes, setWantTypes] = useState(false);
  const catalog = useQuery({ ...catalogQuery(view), enabled: wantTypes });
  const [open, setOpen] = useState(true);
  const { severities, eventTypes, minThreat } = view.security;
  // Newest first, as an investigator reads back from the end of the window.
  const rows = useMemo(() => security.events.slice(-ROWS_SHOWN).reverse(), [security.events]);

  const toggleSeverity = (s: string) =>
    setSecurity({ severities: severities.includes(s) ? severities.filter((x) => x !== s) : [...severities, s] });

  return (
    <section data-testid="security-table" className="border-b border-line bg-panel text-xs">
      <header className="flex flex-wrap items-center gap-2 px-2 py-1" onPointerEnter={() => setWantTypes(true)} onFocus={() => setWantTypes(true)}>
        <button type="button" className="font-medium" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '▾' : '▸'} Security events table
        </button>
        <span className="text-muted" data-testid="security-count">
          {security.events.length}
          {security.complete ? '' : '+'} events
        </span>
        <div className="ml-auto flex items-center gap-1" role="group" aria-label="Severity filter">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              data-testid={`filter-severity-${s}`}
              aria-pressed={severities.includes(s)}
              onClick={() => toggleSeverity(s)}
              className={`rounded border px-1.5 py-0.5 ${severities.includes(s) ? 'border-accent bg-accent/15 text-fg' : 'border-line text-muted'}`}
            >
              {s}
            </button>
          ))}
          <select
            className="field"
            data-testid="filter-event-type"
            aria-label="Event type"
            value={eventTypes[0] ?? ''}
            onChange={(e) => setSecurity({ eventTypes: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">all types</option>
            {[...new Set([...(catalog.data?.securityEventTypes ?? []), ...eventTypes])].map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <select
            className="field"
            data-testid="filter-min-threat"
            aria-label="Minimum threat score"
            value={minThreat === null ? '' : String(minThreat)}
            onChange={(e) => setSecurity({ minThreat: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">any threat</option>
            {[0.3, 0.5, 0.7, 0.9].map((v) => (
              <option key={v} value={v}>
                threat ≥ {v}
              </option>
            ))}
            {minThreat !== null && ![0.3, 0.5, 0.7, 0.9].includes(minThreat) && <option value={minThreat}>threat ≥ {minThreat}</option>}
          </select>
        </div>
      </header>
      {open && (
        <div className="max-h-56 overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent" tabIndex={0} role="region" aria-label="Security events, newest first">
          <table className="w-full table-fixed border-collapse">
            <thead className="sticky top-0 bg-raised text-left text-[10px] uppercase tracking-wide text-muted">
              <tr>
                <th className="w-[13rem] px-2 py-1 font-medium">Time</th>
                <th className="w-16 px-2 py-1 font-medium">Severity</th>
                <th className="w-36 px-2 py-1 font-medium">Type</th>
                <th className="w-32 px-2 py-1 font-medium">Source IP</th>
                <th className="w-14 px-2 py-1 text-right font-medium">Threat</th>
                <th className="w-24 px-2 py-1 font-medium">Action</th>
                <th className="px-2 py-1 font-medium">Description</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr
                  key={e.eventId}
                  data-testid="security-row"
                  data-t={e.timestamp}
                  data-severity={e.severity}
                  data-event-type={e.eventType}
                  data-event-id={e.eventId}
                  className="cursor-pointer border-t border-line hover:bg-raised"
                  onClick={() => commitPlayhead(e.timestamp)}
                >
                  <td className="px-2 py-0.5 font-mono tabular">{formatDateTime(e.timestamp, view.tz, true)}</td>
                  <td className={`px-2 py-0.5 ${e.severity === 'critical' ? 'text-danger' : e.severity === 'warning' ? 'text-warning' : 'text-muted'}`}>{e.severity}</td>
                  <td className="truncate px-2 py-0.5">{e.eventType}</td>
                  <td className="truncate px-2 py-0.5 font-mono">{e.sourceIp}</td>
                  <td className="px-2 py-0.5 text-right font-mono tabular">{e.threatScore.toFixed(2)}</td>
                  <td className="truncate px-2 py-0.5">{e.actionTaken}</td>
                  <td className="truncate px-2 py-0.5 text-muted" title={e.description}>
                    {e.description}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && !security.isPending && (
            <p className="px-2 py-2 text-muted">{security.error ? 'The events could not be loaded (see the lane above).' : 'No events to list.'}</p>
          )}
          {(security.loadMore || security.events.length > ROWS_SHOWN) && (
            <div className="flex items-center gap-2 px-2 py-1 text-muted">
              Showing the newest {rows.length}.
              {security.loadMore && (
                <button type="button" className="btn" disabled={security.isLoadingMore} onClick={security.loadMore}>
                  {security.isLoadingMore ? 'Loading…' : 'Load older events'}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
