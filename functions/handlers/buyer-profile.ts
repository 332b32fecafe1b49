import { presentBuyer } from '../../core/buyers/accounts.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/me: the signed-in buyer's account. */
export const handler = implement('buyer-profile', async ({ tenant, buyer, services }) => ({
  headers: noStore,
  body: presentBuyer(await services.buyers.profile(tenant.id, buyer.buyerId)),
}));
