import { TimelineRoot } from '@/components/timeline/TimelineRoot';

// The time-travel timeline; its whole state is in the query string (lib/url/view-state.ts).
export default function Page() {
  return <TimelineRoot />;
}
