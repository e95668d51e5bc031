'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTimeline, type PanStep } from '@/lib/client/store';
import { useThemeChoice, useTheme } from '@/lib/client/theme';
import { browserTimeZone, panWindow, useView, useViewActions, zoomOutWindow } from '@/lib/client/view';
import { useBrowserHistory } from '@/lib/client/view/use-browser-history';
import { BROWSER_TZ, DEFAULT_TZ } from '@/lib/url/view-state';
import { OpenInGrafana } from '@/components/grafana/OpenInGrafana';
import { ImportControl } from '@/components/import/ImportControl';
import { ShareLink } from '@/components/share/ShareLink';
import { TimeRangePicker } from '@/components/time-picker/TimeRangePicker';

/** The top bar: window picker, window history, zoom out, pan, refresh; sharing, Grafana, zone and theme. */

const PAN_STEPS: { value: PanStep; label: string }[] = [
  { value: 'half', label: '½ window' },
  { value: 60_000, label: '1m' },
  { value: 5 * 60_000, label: '5m' },
  { value: 15 * 60_000, label: '15m' },
  { value: 3_600_000, label: '1h' },
  { value: 6 * 3_600_000, label: '6h' },
  { value: 86_400_000, label: '1d' },
];

export function Toolbar() {
  const view = useView();
  const { setWindow, setTimeZone } = useViewActions();
  const { setPanStep, refreshNow } = useTimeline((s) => s.actions);
  const history = useBrowserHistory();
  const panStep = useTimeline((s) => s.panStep);
  const queryClient = useQueryClient();
  const width = view.to - view.from;

  // Read in the handler, not while rendering: zooming out stops at the current time.
  const zoomOut = () => setWindow(zoomOutWindow(view, Date.now()));
  const pan = (sign: 1 | -1) => setWindow(panWindow(view, sign * (panStep === 'half' ? width / 2 : panStep)));
  const refresh = () => {
    refreshNow();
    void queryClient.invalidateQueries();
  };
  const browserTz = browserTimeZone();

  return (
    <div className="flex min-h-11 flex-wrap items-center gap-2 border-b border-line bg-panel px-3 py-1.5" data-testid="toolbar">
      <span className="mr-2 flex items-center gap-1.5 text-sm font-semibold tracking-tight">
        <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-playhead" />
        Flashback
      </span>
      <div className="flex items-center gap-1">
        <button type="button" className="btn-icon" onClick={history.back} disabled={!history.canBack} data-testid="window-back" title="Back (the browser's history)" aria-label="Back">
          ↶
        </button>
        <button type="button" className="btn-icon" onClick={history.forward} disabled={!history.canForward} data-testid="window-forward" title="Forward (the browser's history)" aria-label="Forward">
          ↷
        </button>
      </div>
      <TimeRangePicker />
      <div className="flex items-center gap-1">
        <button type="button" className="btn-icon" onClick={() => pan(-1)} data-testid="pan-left" title="Pan left" aria-label="Pan left">
          ◀
        </button>
        <select
          className="field"
          aria-label="Pan step"
          data-testid="pan-step"
          value={String(panStep)}
          onChange={(e) => setPanStep(e.target.value === 'half' ? 'half' : Number(e.target.value))}
        >
          {PAN_STEPS.map((s) => (
            <option key={String(s.value)} value={String(s.value)}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="button" className="btn-icon" onClick={() => pan(1)} data-testid="pan-right" title="Pan right" aria-label="Pan right">
          ▶
        </button>
        <button type="button" className="btn" onClick={zoomOut} data-testid="zoom-out" title="Zoom out (×2)">
          Zoom out
        </button>
      </div>
      {view.relative && (
        <button type="button" className="btn" onClick={refresh} data-testid="refresh" title="Resolve the relative window against the current time">
          Refresh
        </button>
      )}
      <div className="ml-auto flex items-center gap-2">
        <ImportControl />
        <ShareLink />
        <OpenInGrafana />
        <select
          className="field"
          aria-label="Time zone"
          data-testid="tz-select"
          value={view.params.tz}
          onChange={(e) => setTimeZone(e.target.value)}
        >
          <option value={DEFAULT_TZ}>UTC</option>
          <option value={BROWSER_TZ}>Browser ({browserTz})</option>
          {view.params.tz !== DEFAULT_TZ && view.params.tz !== BROWSER_TZ && <option value={view.params.tz}>{view.params.tz}</option>}
        </select>
        <ThemeToggle />
      </div>
    </div>
  );
}

function ThemeToggle() {
  const theme = useTheme();
  const setChoice = useThemeChoice((s) => s.setChoice);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="btn-icon" onClick={() => setChoice(next)} data-testid="theme-toggle" data-theme={theme} title={`Switch to ${next} theme`} aria-label={`Switch to ${next} theme`}>
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}
