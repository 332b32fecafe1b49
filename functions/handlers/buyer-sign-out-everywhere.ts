import { clearedSessionCookie } from '../http/buyer-session.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** DELETE /api/v1/sessions: every session of the account ends, on every device. */
export const handler = implement('buyer-sign-out-everywhere', async ({ tenant, buyer, services }) => ({
  headers: noStore,
  cookies: [clearedSessionCookie()],
  body: { sessionsEnded: await services.buyers.signOutEverywhere(tenant.id, buyer.buyerId) },
}));
