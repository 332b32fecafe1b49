import { href } from '../../storefront/context.ts';
import { signInPage } from '../../storefront/pages/account.ts';
import { sessionCookie } from '../http/buyer-session.ts';
import { implement } from '../http/route.ts';
import { signInBody } from '../schemas/buyers.ts';
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

/**
 * POST /account/sign-in: the API's sign-in (same schema, same throttling in core); on success
 * the session cookie and a 303 to `next`. The visitor's cart joins the buyer's on its next read.
 */
export const handler = implement('page-account-sign-in-submit', async (request) => {
  const input = asPage(request);
  const values = formOf(input.event);
  const next = safeNext(values.next);
  const { ctx, header } = await accountContext(input);
  return attempt(
    ctx,
    input.event,
    async () => {
      await checkCsrf(input.services, input.shopper, values.csrf);
      const body = validated(signInBody, typed(values, ['email', 'password']));
      const { token } = await input.services.buyers.signIn(input.tenant, body, input.clientIp);
      return redirect(ctx, next ?? href(ctx, '/account'), [sessionCookie(token)]);
    },
    async (failure) => signInPage(ctx, header, await formAgain(input, values, failure, ['email']), next),
  );
});
