import { href } from '../../storefront/context.ts';
import { clearedSessionCookie } from '../http/buyer-session.ts';
import { implement } from '../http/route.ts';
import { profilePage } from './page-account.ts';
import { accountContext, attempt, checkCsrf, formOf, redirect, toSignIn } from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

/** POST /account/sign-out-everywhere: ends every session of the account on every device, 303 to the sign-in page saying so. */
export const handler = implement('page-account-sign-out-everywhere', async (request) => {
  const input = asPage(request);
  const page = await accountContext(input);
  const { buyer } = input.shopper;
  if (!buyer) return toSignIn(page.ctx, input.event);
  const values = formOf(input.event);
  return attempt(
    page.ctx,
    input.event,
    async () => {
      await checkCsrf(input.services, input.shopper, values.csrf);
      await input.services.buyers.signOutEverywhere(input.tenant.id, buyer.buyerId);
      return redirect(page.ctx, href(page.ctx, '/account/sign-in', { signedOutEverywhere: '1' }), [
        clearedSessionCookie(),
      ]);
    },
    (failure) => profilePage(input, buyer.buyerId, page, { posted: {}, failure }),
  );
});
