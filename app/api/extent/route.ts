import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { fetchExtent } from '@/lib/queries/extent';

// Where the data lies in time: the UI opens on the data's last 24 hours when they lie before now-24h.
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  z.object({}),
  (_q, { signal }) => fetchExtent(signal),
);
