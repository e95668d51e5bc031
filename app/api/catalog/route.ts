import { window } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { fetchCatalog } from '@/lib/queries/catalog';

// What exists in a window (metrics, services, labels, event types), for the pickers.
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  window({ from: 'now-24h', to: 'now' }),
  (q, { signal }) => fetchCatalog({ from: q.from, to: q.to }, signal),
);
