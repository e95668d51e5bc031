'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { SECURITY_GROUPS, SEVERITIES, type SecurityGroup } from '@/lib/api/types';
import { errorMessage } from '@/lib/client/api';
import { formatDateTime } from '@/lib/client/format';
import { catalogQuery, securitySummaryQuery, type SecurityFilter } from '@/lib/client/queries';
import { useSecurityInWindow } from '@/lib/client/events/use-window-events';
import { useView, useViewActions } from '@/lib/client/view';
import { useWindowedRows } from '@/lib/client/windowed-rows';
import { IP_MATCH_HINT, formatIpMatch, parseIpMatch } from '@/lib/filters/ip-match';
import { ErrorNotice } from '@/components/states/ErrorNotice';
import { TextFilter } from './TextFilter';

/**
 * The security events of the window, newest first, sliced by the filters the
 * URL keeps (severity, event types, source address or CIDR range, threat
 * range, services, actions) or grouped by one field with exact counts. The
 * totals come from a count query, never from the rows loaded. A row moves
 * the playhead to its event; a group narrows the filter to it.
 */

const ROWS_SHOWN = 5000;
/** One line of text-xs (16 px), 2 × 2 px padding and the 1 px rule: every row is this tall, so rows can be windowed. */
const ROW_PX = 21;
/** The list's max-h-56 (14 rem): its height until measured. */
const VIEWPORT_PX = 224;
const THREATS = [0.3, 0.5, 0.7, 0.9];

const GROUP_LABEL: Record<SecurityGroup, string> = { sourceIp: 'source IP', eventType: 'event type', service: 'service', action: 'action' };

/** The filter that keeps only one group's events. */
function narrowTo(group: SecurityGroup, value: string): Partial<SecurityFilter> {
  switch (group) {
    case 'sourceIp':
      return { sourceIp: value };
    case 'eventType':
      return { eventTypes: [value] };
    case 'service':
      return { services: [value] };
    case 'action':
      return { actions: [value] };
  }
}

export function SecurityTable() {
  const view = useView();
  const { commitPlayhead, setSecurity, setSecurityGroup } = useViewActions();
  const group = view.securityGroup;
  const security = useSecurityInWindow(view, view.security, { enabled: group === null });
  const summary = useQuery(securitySummaryQuery(view, view.security, group));
  // The event-type list comes from the catalog: with the page on the first screen (asked after
  // everything the screen draws), and after a change of window once the pointer or focus comes
  // near the filters rather than at once, where it would compete with the charts for the engine.
  const [wantTypes, setWantTypes] = useState(false);
  const catalog = useQuery({ ...catalogQuery(view), enabled: wantTypes });
  const [open, setOpen] = useState(true);
  const { severities, eventTypes, minThreat, maxThreat, sourceIp, services, actions } = view.security;
  // Newest first, as an investigator reads back from the end of the window.
  const rows = useMemo(() => security.events.slice(-ROWS_SHOWN).reverse(), [security.events]);
  const types = [...new Set([...(catalog.data?.securityEventTypes ?? []), ...eventTypes])];
  const { container, range, onScroll } = useWindowedRows(rows.length, ROW_PX, VIEWPORT_PX);
  const { start, end } = range;

  const toggle = (list: readonly string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const total = summary.data?.total;

  return (
    <section data-testid="security-table" className="border-b border-line bg-panel text-xs">
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 px-2 py-1" onPointerEnter={() => setWantTypes(true)} onFocus={() => setWantTypes(true)}>
        <button type="button" className="font-medium" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '▾' : '▸'} Security events table
        </button>
        <span className="tabular text-muted" data-testid="security-count" data-total={total ?? ''}>
          {total === undefined ? '…' : `${total.toLocaleString('en-US')} event${total === 1 ? '' : 's'}`}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-1" role="group" aria-label="Security filters">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              data-testid={`filter-severity-${s}`}
              aria-pressed={severities.includes(s)}
              onClick={() => setSecurity({ severities: toggle(severities, s) })}
              className={`rounded border px-1.5 py-0.5 ${severities.includes(s) ? 'border-accent bg-accent/15 text-fg' : 'border-line text-muted'}`}
            >
              {s}
            </button>
          ))}
          <details className="relative" data-testid="filter-event-types">
            <summary className="field cursor-pointer list-none" aria-label="Event types">
              {eventTypes.length === 0 ? 'all types' : eventTypes.length === 1 ? eventTypes[0] : `${eventTypes.length} types`} ▾
            </summary>
            <div className="absolute right-0 z-20 mt-1 max-h-64 w-56 overflow-y-auto rounded border border-line bg-panel p-1 shadow-lg">
              {types.length === 0 && <p className="px-1 text-muted">{catalog.isPending ? 'Loading…' : 'No event types in this window.'}</p>}
              {types.map((t) => (
                <label key={t} className="flex cursor-pointer items-center gap-1 rounded px-1 hover:bg-raised">
                  <input type="checkbox" data-testid="filter-event-type-option" value={t} checked={eventTypes.includes(t)} onChange={() => setSecurity({ eventTypes: toggle(eventTypes, t) })} />
                  <span className="break-all">{t}</span>
                </label>
              ))}
            </div>
          </details>
          <TextFilter
            testId="filter-source-ip"
            label="Source IP or CIDR range"
            placeholder="source IP or CIDR"
            width="w-44"
            mono
            hint={IP_MATCH_HINT}
            value={sourceIp ?? ''}
            valid={(v) => v === '' || parseIpMatch(v) !== null}
            onApply={(v) => {
              const match = parseIpMatch(v);
              setSecurity({ sourceIp: match ? formatIpMatch(match) : null });
            }}
          />
          <ThreatSelect testId="filter-min-threat" label="Minimum threat score" prefix="≥" value={minThreat} onChange={(v) => setSecurity({ minThreat: v })} />
          <ThreatSelect testId="filter-max-threat" label="Maximum threat score" prefix="≤" value={maxThreat} onChange={(v) => setSecurity({ maxThreat: v })} />
          <select
            className="field"
            data-testid="security-group-by"
            aria-label="Group by"
            value={group ?? ''}
            onChange={(e) => setSecurityGroup(e.target.value === '' ? null : (e.target.value as SecurityGroup))}
          >
            <option value="">no grouping</option>
            {SECURITY_GROUPS.map((g) => (
              <option key={g} value={g}>
                by {GROUP_LABEL[g]}
              </option>
            ))}
          </select>
        </div>
        {(services.length > 0 || actions.length > 0) && (
          <div className="flex w-full flex-wrap gap-1">
            {services.map((s) => (
              <Chip key={`s-${s}`} label={`service ${s}`} onRemove={() => setSecurity({ services: services.filter((x) => x !== s) })} />
            ))}
            {actions.map((a) => (
              <Chip key={`a-${a}`} label={`action ${a}`} onRemove={() => setSecurity({ actions: actions.filter((x) => x !== a) })} />
            ))}
          </div>
        )}
      </header>
      {open && group !== null && (
        <div className="max-h-56 overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent" tabIndex={0} role="region" aria-label="Security events grouped" data-testid="security-groups">
          {summary.error ? (
            <ErrorNotice message={errorMessage(summary.error)} onRetry={() => void summary.refetch()} testId="security-groups-error" />
          ) : (
            <table className="w-full border-collapse">
              <thead className="sticky top-0 bg-raised text-left text-[10px] uppercase tracking-wide text-muted">
                <tr>
                  <th className="px-2 py-1 font-medium">{GROUP_LABEL[group]}</th>
                  <th className="w-28 px-2 py-1 text-right font-medium">events</th>
                  <th className="w-20 px-2 py-1 text-right font-medium">share</th>
                </tr>
              </thead>
              <tbody>
                {(summary.data?.groups ?? []).map((g) => (
                  <tr
                    key={g.value}
                    data-testid="security-group"
                    data-value={g.value}
                    data-count={g.count}
                    className="cursor-pointer border-t border-line hover:bg-raised"
                    title={`Show only these events (${GROUP_LABEL[group]} ${g.value})`}
                    onClick={() => {
                      setSecurity(narrowTo(group, g.value));
                      setSecurityGroup(null);
                    }}
                  >
                    <td className={`break-all px-2 py-0.5 ${group === 'sourceIp' ? 'font-mono' : ''}`}>{g.value === '' ? <span className="text-muted">(empty)</span> : g.value}</td>
                    <td className="px-2 py-0.5 text-right font-mono tabular">{g.count.toLocaleString('en-US')}</td>
                    <td className="px-2 py-0.5 text-right font-mono tabular text-muted">{total ? `${((100 * g.count) / total).toFixed(1)}%` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {summary.data && (
            <p className="px-2 py-1 text-muted" data-testid="security-group-count" data-groups={summary.data.groupCount}>
              {summary.data.groupCount === 0
                ? 'No events match the filters.'
                : summary.data.groupCount > summary.data.groups.length
                  ? `Top ${summary.data.groups.length} of ${summary.data.groupCount.toLocaleString('en-US')} ${GROUP_LABEL[group]}s.`
                  : `${summary.data.groupCount} ${GROUP_LABEL[group]}${summary.data.groupCount === 1 ? '' : 's'}.`}
            </p>
          )}
        </div>
      )}
      {open && group === null && (
        <div
          ref={container}
          onScroll={onScroll}
          className="max-h-56 overflow-x-auto overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
          tabIndex={0}
          role="region"
          aria-label="Security events, newest first"
          data-testid="security-rows"
        >
          {/* Only the scrolled-to rows are in the DOM (fixed height); the spacers keep the scroll height, aria-rowcount the size. */}
          <table className="w-full min-w-[52rem] table-fixed border-collapse" aria-rowcount={rows.length + 1} data-testid="security-events">
            <thead className="sticky top-0 z-10 bg-raised text-left text-[10px] uppercase tracking-wide text-muted">
              <tr aria-rowindex={1}>
                <th className="w-[13rem] px-2 py-1 font-medium">Time</th>
                <th className="w-16 px-2 py-1 font-medium">Severity</th>
                <th className="w-36 px-2 py-1 font-medium">Type</th>
                <th className="w-[18.5rem] px-2 py-1 font-medium">Source IP</th>
                <th className="w-14 px-2 py-1 text-right font-medium">Threat</th>
                <th className="w-24 px-2 py-1 font-medium">Action</th>
                <th className="px-2 py-1 font-medium">Description</th>
              </tr>
            </thead>
            <tbody>
              <Spacer px={start * ROW_PX} />
              {rows.slice(start, end).map((e, i) => (
                <tr
                  key={e.eventId}
                  aria-rowindex={start + i + 2}
                  data-testid="security-row"
                  data-t={e.timestamp}
                  data-severity={e.severity}
                  data-event-type={e.eventType}
                  data-event-id={e.eventId}
                  data-source-ip={e.sourceIp}
                  data-threat={e.threatScore}
                  style={{ height: ROW_PX }}
                  className="cursor-pointer whitespace-nowrap border-t border-line hover:bg-raised"
                  onClick={() => commitPlayhead(e.timestamp)}
                >
                  <td className="px-2 py-0.5 font-mono tabular">{formatDateTime(e.timestamp, view.tz, true)}</td>
                  <td className={`px-2 py-0.5 ${e.severity === 'critical' ? 'text-danger' : e.severity === 'warning' ? 'text-warning' : 'text-muted'}`}>{e.severity}</td>
                  <td className="truncate px-2 py-0.5" title={e.eventType}>
                    {e.eventType}
                  </td>
                  <td className="truncate px-2 py-0.5 font-mono" title={e.sourceIp}>
                    {e.sourceIp}
                  </td>
                  <td className="px-2 py-0.5 text-right font-mono tabular">{e.threatScore.toFixed(2)}</td>
                  <td className="truncate px-2 py-0.5" title={e.actionTaken}>
                    {e.actionTaken}
                  </td>
                  <td className="truncate px-2 py-0.5 text-muted" title={e.description}>
                    {e.description}
                  </td>
                </tr>
              ))}
              <Spacer px={(rows.length - end) * ROW_PX} />
            </tbody>
          </table>
          {rows.length === 0 && !security.isPending && (
            <p className="px-2 py-2 text-muted">{security.error ? 'The events could not be loaded (see the lane above).' : 'No events to list.'}</p>
          )}
          {(security.loadMore || security.events.length > ROWS_SHOWN) && (
            <div className="flex items-center gap-2 px-2 py-1 text-muted">
              Showing the newest {rows.length.toLocaleString('en-US')}
              {total !== undefined ? ` of ${total.toLocaleString('en-US')}` : ''}.
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

function ThreatSelect(props: { testId: string; label: string; prefix: string; value: number | null; onChange: (v: number | null) => void }) {
  const { value } = props;
  return (
    <select className="field" data-testid={props.testId} aria-label={props.label} value={value === null ? '' : String(value)} onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">threat {props.prefix} any</option>
      {[...new Set([...THREATS, ...(value === null ? [] : [value])])].sort().map((v) => (
        <option key={v} value={v}>
          threat {props.prefix} {v}
        </option>
      ))}
    </select>
  );
}

/** Stands in for the rows scrolled past (or not yet reached), so the scroll height is the whole list's. */
function Spacer({ px }: { px: number }) {
  if (px <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={7} className="p-0" style={{ height: px }} />
    </tr>
  );
}

function Chip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <span className="flex items-center gap-1 rounded border border-accent bg-accent/15 px-1.5 py-0.5" data-testid="security-filter-chip">
      {label}
      <button type="button" aria-label={`Remove filter ${label}`} onClick={onRemove} className="text-muted hover:text-fg">
        ×
      </button>
    </span>
  );
}
