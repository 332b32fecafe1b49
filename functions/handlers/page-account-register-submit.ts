import { href } from '../../storefront/context.ts';
import { registerPage } from '../../storefront/pages/account.ts';
import { enforceRateLimit } from '../http/auth.ts';
import { sessionCookie } from '../http/buyer-session.ts';
import { implement, routeById } from '../http/route.ts';
import { registrationBody } from '../schemas/buyers.ts';
import {
  accountContext,
  attempt,
  checkCsrf,
  formAgain,
  formOf,
  redirect,
  safeNext,
  typed,
  validated,
} from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

const fields = ['companyName', 'taxId', 'contactName', 'email', 'phone', 'password'] as const;

/**
 * POST /account/register: the API's registration (its schema, its rate limit and bucket, core's
 * rules); on success the session cookie and a 303 to `next`.
 */
export const handler = implement('page-account-register-submit', async (request) => {
  const input = asPage(request);
  const values = formOf(input.event);
  const next = safeNext(values.next);
  const { ctx, header } = await accountContext(input);
  return attempt(
    ctx,
    input.event,
    async () => {
      await checkCsrf(input.services, input.shopper, values.csrf);
      await enforceRateLimit(input.services, routeById('buyer-register'), input.tenant.id, input.clientIp);
      const body = validated(registrationBody, typed(values, fields));
      const { token } = await input.services.buyers.register(input.tenant, body);
      return redirect(ctx, next ?? href(ctx, '/account'), [sessionCookie(token)]);
    },
    async (failure) =>
      registerPage(
        ctx,
        header,
        await formAgain(
          input,
          values,
          failure,
          fields.filter((f) => f !== 'password'),
        ),
        next,
      ),
  );
});
