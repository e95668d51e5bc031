import type { Metadata } from 'next';
import { PrefetchedTimeline, type SearchParams } from '@/components/timeline/PrefetchedTimeline';

const DESCRIPTION = 'Metrics, security events, anomalies and traces on one timeline, straight from ClickHouse: scrub to the moment it broke.';

// What a shared link to the timeline previews as (Open Graph and Twitter cards).
export const metadata: Metadata = {
  openGraph: {
    title: 'Flashback — time-travel debugging for trading systems',
    description: DESCRIPTION,
    type: 'website',
    images: [{ url: '/og.png', width: 1200, height: 630, alt: 'Flashback: a timeline with the playhead on an incident' }],
  },
  twitter: { card: 'summary_large_image', title: 'Flashback', description: DESCRIPTION, images: ['/og.png'] },
};

// The time-travel timeline; its whole state is in the query string (lib/url/view-state.ts), and
// its first screen's data comes with the page (reading the query string keeps the page dynamic).
export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <PrefetchedTimeline chrome="app" searchParams={searchParams} />;
}
