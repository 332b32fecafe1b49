import { presentBuyer } from '../../core/buyers/accounts.ts';
import { sessionCookie } from '../http/buyer-session.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/password-resets/confirm: a valid code sets the password, ends all sessions, signs in. */
export const handler = implement(
  'buyer-password-reset-confirm',
  async ({ tenant, body, clientIp, services }) => {
    const { buyer, token } = await services.buyers.confirmReset(tenant, body, clientIp);
    return { headers: noStore, cookies: [sessionCookie(token)], body: presentBuyer(buyer) };
  },
);
