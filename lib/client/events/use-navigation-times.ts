'use client';

import { useMemo } from 'react';
import { isSecurityFiltered } from '../queries';
import type { ResolvedView } from '../view';
import { navigationTimes, type NavigationTimes } from './navigation-times';
import { useAnomaliesInWindow, useSecurityInWindow, useTracesInWindow } from './use-window-events';

/** The keyboard's jump targets for the view (navigation-times.ts), from the lanes' cached answers. */
export function useNavigationTimes(view: ResolvedView): NavigationTimes {
  const security = useSecurityInWindow(view, view.security);
  const anomalies = useAnomaliesInWindow(view);
  const errorTraces = useTracesInWindow(view, { status: 'error' });
  const securityFiltered = isSecurityFiltered(view.security);
  return useMemo(
    () => navigationTimes({ security, securityFiltered, anomalies, errorTraces }),
    [security, securityFiltered, anomalies, errorTraces],
  );
}
