import type { Metadata } from 'next';
import { PrefetchedTimeline, type SearchParams } from '@/components/timeline/PrefetchedTimeline';

export const metadata: Metadata = { title: 'Flashback (embedded)' };

// The chrome-less timeline for an iframe or Grafana's Text/HTML panel: the same URL state as `/`,
// plus `only`, `theme` and `inspector` (lib/url/embed-state.ts). Who may frame it: proxy.ts.
export default function EmbedPage({ searchParams }: { searchParams: SearchParams }) {
  return <PrefetchedTimeline chrome="embed" searchParams={searchParams} />;
}
