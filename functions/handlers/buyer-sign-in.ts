import { presentBuyer } from '../../core/buyers/accounts.ts';
import { sessionCookie } from '../http/buyer-session.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/sessions: email and password → a session cookie (failures throttled in core). */
export const handler = implement('buyer-sign-in', async ({ tenant, body, clientIp, services }) => {
  const { buyer, token } = await services.buyers.signIn(tenant, body, clientIp);
  return { headers: noStore, cookies: [sessionCookie(token)], body: presentBuyer(buyer) };
});
