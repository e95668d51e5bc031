import type { ReactNode } from 'react';

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="border-b border-line px-3 py-2" data-testid={testId}>
      <h3 className="mb-1 text-[10px] font-semibold uppercase tracking-wide text-muted">{title}</h3>
      {children}
    </section>
  );
}
