'use client';

import { useMemo } from 'react';
import type { ResolvedView } from '../view';
import { laneHoldsCritical, navigationTimes, type NavigationTimes } from './navigation-times';
import { useAnomaliesInWindow, useCriticalInWindow, useSecurityInWindow, useTracesInWindow } from './use-window-events';

/** The keyboard's jump targets for the view (navigation-times.ts), from the lanes' cached answers. */
export function useNavigationTimes(view: ResolvedView): NavigationTimes {
  const security = useSecurityInWindow(view, view.security);
  const holdsCritical = laneHoldsCritical(security, view.security);
  const critical = useCriticalInWindow(view, { enabled: !holdsCritical && !security.isPending });
  const anomalies = useAnomaliesInWindow(view);
  const errorTraces = useTracesInWindow(view, { status: 'error' });
  const { severities, eventTypes, minThreat } = view.security;
  const securityFiltered = severities.length > 0 || eventTypes.length > 0 || minThreat !== null;
  return useMemo(
    () => navigationTimes({ security, securityFiltered, critical: holdsCritical ? null : critical, anomalies, errorTraces }),
    [security, securityFiltered, holdsCritical, critical, anomalies, errorTraces],
  );
}
