import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/supply/webhooks: a signed supply-side event (the signature was checked before the body was read). */
export const handler = implement('supply-webhook', async ({ body, services }) => ({
  headers: noStore,
  body: { received: true as const, outcome: await services.handoff.receiveEvent(body) },
}));
