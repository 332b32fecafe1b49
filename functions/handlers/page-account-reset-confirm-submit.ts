import { href } from '../../storefront/context.ts';
import { resetConfirmPage } from '../../storefront/pages/account.ts';
import { sessionCookie } from '../http/buyer-session.ts';
import { implement } from '../http/route.ts';
import { resetConfirmBody } from '../schemas/buyers.ts';
import {
  accountContext,
  attempt,
  checkCsrf,
  formAgain,
  formOf,
  redirect,
  typed,
  validated,
} from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

/**
 * POST /account/reset/confirm: the API's confirmation (wrong codes throttled in core like
 * sign-ins); the new password ends every session and signs in here: the cookie and a 303.
 */
export const handler = implement('page-account-reset-confirm-submit', async (request) => {
  const input = asPage(request);
  const values = formOf(input.event);
  const { ctx, header } = await accountContext(input);
  return attempt(
    ctx,
    input.event,
    async () => {
      await checkCsrf(input.services, input.shopper, values.csrf);
      const body = validated(resetConfirmBody, typed(values, ['email', 'code', 'password']));
      const { token } = await input.services.buyers.confirmReset(input.tenant, body, input.clientIp);
      return redirect(ctx, href(ctx, '/account', { reset: '1' }), [sessionCookie(token)]);
    },
    async (failure) => resetConfirmPage(ctx, header, await formAgain(input, values, failure, ['email'])),
  );
});
