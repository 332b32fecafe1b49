import { clearedSessionCookie } from '../http/buyer-session.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** DELETE /api/v1/sessions/current: this session ends, the cookie is cleared. */
export const handler = implement('buyer-sign-out', async ({ tenant, buyer, services }) => ({
  headers: noStore,
  cookies: [clearedSessionCookie()],
  body: { sessionsEnded: await services.buyers.signOut(tenant.id, buyer) },
}));
