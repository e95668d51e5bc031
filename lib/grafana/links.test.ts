import { describe, expect, it } from 'vitest';
import { grafanaCompareUrls, grafanaDashboardUrl, grafanaSoloPanelUrl } from './links';

const range = { from: 1_700_000_000_000, to: 1_700_003_600_000, timeZone: 'UTC' };

describe('Grafana links', () => {
  it('opens a dashboard at the same absolute window and zone', () => {
    expect(grafanaDashboardUrl('https://grafana.example.com', { dashboardUid: 'trading' }, range)).toBe(
      'https://grafana.example.com/d/trading?from=1700000000000&to=1700003600000&timezone=utc',
    );
  });

  it('opens one panel with viewPanel, keeping a sub-path base', () => {
    const url = new URL(grafanaDashboardUrl('https://example.com/grafana/', { dashboardUid: 'trading', panelId: 4, orgId: 2 }, { ...range, timeZone: 'Europe/London' }));
    expect(url.pathname).toBe('/grafana/d/trading');
    expect(url.searchParams.get('viewPanel')).toBe('4');
    expect(url.searchParams.get('orgId')).toBe('2');
    expect(url.searchParams.get('timezone')).toBe('Europe/London');
  });

  it('builds the d-solo URL an iframe needs', () => {
    const url = new URL(grafanaSoloPanelUrl('https://grafana.example.com', { dashboardUid: 'trading', panelId: 7, title: 'Latency' }, range, 'dark'));
    expect(url.pathname).toBe('/d-solo/trading');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '1700000000000', to: '1700003600000', timezone: 'utc', orgId: '1', panelId: '7', theme: 'dark',
    });
  });

  it('in compare mode, opens the window and the baseline as two links at their own ranges', () => {
    const ref = { dashboardUid: 'trading', panelId: 4 };
    const day = 86_400_000;
    const both = grafanaCompareUrls('https://grafana.example.com', ref, range, { from: range.from - day, to: range.to - day });
    expect(both.window).toBe('https://grafana.example.com/d/trading?from=1700000000000&to=1700003600000&timezone=utc&viewPanel=4');
    expect(both.baseline).toBe('https://grafana.example.com/d/trading?from=1699913600000&to=1699917200000&timezone=utc&viewPanel=4');
    expect(grafanaCompareUrls('https://grafana.example.com', ref, range, null).baseline).toBeNull();
  });
});
