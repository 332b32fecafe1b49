import { presentBuyer } from '../../core/buyers/accounts.ts';
import { sessionCookie } from '../http/buyer-session.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/buyers: a new account on the Host's site, signed in. */
export const handler = implement('buyer-register', async ({ tenant, body, services }) => {
  const { buyer, token } = await services.buyers.register(tenant, body);
  return { status: 201, headers: noStore, cookies: [sessionCookie(token)], body: presentBuyer(buyer) };
});
