import { href } from '../../storefront/context.ts';
import { resetRequestPage } from '../../storefront/pages/account.ts';
import { enforceRateLimit } from '../http/auth.ts';
import { implement, routeById } from '../http/route.ts';
import { resetRequestBody } from '../schemas/buyers.ts';
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
 * POST /account/reset: the API's reset request (its rate limit and bucket); core mails a code
 * when the address has an account here, and the answer is alike either way: a 303 to the code form.
 */
export const handler = implement('page-account-reset-submit', async (request) => {
  const input = asPage(request);
  const values = formOf(input.event);
  const { ctx, header } = await accountContext(input);
  return attempt(
    ctx,
    input.event,
    async () => {
      await checkCsrf(input.services, input.shopper, values.csrf);
      await enforceRateLimit(
        input.services,
        routeById('buyer-password-reset'),
        input.tenant.id,
        input.clientIp,
      );
      const body = validated(resetRequestBody, typed(values, ['email']));
      await input.services.buyers.requestReset(input.tenant, body.email, input.locale);
      return redirect(ctx, href(ctx, '/account/reset/confirm', { sent: '1' }));
    },
    async (failure) => resetRequestPage(ctx, header, await formAgain(input, values, failure, ['email'])),
  );
});
