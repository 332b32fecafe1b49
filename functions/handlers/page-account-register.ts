import { href } from '../../storefront/context.ts';
import { registerPage } from '../../storefront/pages/account.ts';
import { implement } from '../http/route.ts';
import { accountAnswer, accountContext, freshForm, redirect, safeNext } from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

/** GET /account/register: a business buyer's account form (a buyer already signed in goes on). */
export const handler = implement('page-account-register', async (request) => {
  const input = asPage(request);
  const { ctx, header } = await accountContext(input);
  const next = safeNext(input.event.queryStringParameters?.next);
  if (input.shopper.buyer) return redirect(ctx, next ?? href(ctx, '/account'));
  return accountAnswer(ctx, input.event, registerPage(ctx, header, await freshForm(input), next));
});
