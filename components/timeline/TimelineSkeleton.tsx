import type { Chrome } from './Timeline';

/** The page's shape while the timeline cannot draw yet (server render, the data's extent on its way). */
export function TimelineSkeleton({ chrome }: { chrome: Chrome }) {
  const app = chrome === 'app';
  return (
    <div className="flex h-dvh flex-col" aria-busy="true" data-testid="timeline-skeleton">
      <div className={`${app ? 'h-11' : 'h-6'} border-b border-line bg-panel`} />
      <div className="flex min-h-0 flex-1 gap-0 overflow-hidden">
        <div className="flex flex-1 flex-col gap-3 p-3">
          {[150, 120, 64, 84].map((h, i) => (
            <div key={i} className="shrink-0 animate-pulse rounded bg-skeleton" style={{ height: h }} />
          ))}
        </div>
        {app && <div className="w-80 border-l border-line bg-panel" />}
      </div>
    </div>
  );
}
