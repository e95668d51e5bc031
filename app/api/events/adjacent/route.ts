import { z } from 'zod';
import { choice, time, window } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { ADJACENT_DIRECTIONS, ADJACENT_KINDS } from '@/lib/api/types';
import { fetchAdjacentEvent } from '@/lib/queries/adjacent-events';

// The nearest event after or before an instant in a window, for keyboard stepping (`[`/`]`, `n`/`p`).
export const dynamic = 'force-dynamic';

const input = window().and(
  z.object({
    at: time(),
    direction: choice(ADJACENT_DIRECTIONS),
    kind: choice(ADJACENT_KINDS).default('any'),
  }),
);

export const GET = apiRoute(input, (q, { signal }) =>
  fetchAdjacentEvent({ at: q.at, direction: q.direction, kind: q.kind, from: q.from, to: q.to }, signal),
);
