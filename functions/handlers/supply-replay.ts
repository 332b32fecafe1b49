import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/admin/supply/dead-letters/replay: dead letters sent again, once each. */
export const handler = implement('supply-replay', async ({ body, services }) => ({
  headers: noStore,
  body: {
    replayed: (await services.handoff.replay(body.poIds)) as {
      poId: string;
      state: 'pending' | 'delivered' | 'dead_letter' | 'missing';
    }[],
  },
}));
