import { presentBuyer } from '../../core/buyers/accounts.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** PATCH /api/v1/me: company, contact, phone or tax id. */
export const handler = implement('buyer-profile-update', async ({ tenant, buyer, body, services }) => ({
  headers: noStore,
  body: presentBuyer(await services.buyers.updateProfile(tenant.id, buyer.buyerId, body)),
}));
