import { href } from '../../storefront/context.ts';
import { signInPage } from '../../storefront/pages/account.ts';
import { implement } from '../http/route.ts';
import { accountAnswer, accountContext, freshForm, redirect, safeNext } from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

/** After a sign-out (functions/handlers/page-account-sign-out*.ts): the page says so. */
const signedOutNotices = ['signedOut', 'signedOutEverywhere'] as const;

/** GET /account/sign-in: the sign-in form (a buyer already signed in goes on to `next`). */
export const handler = implement('page-account-sign-in', async (request) => {
  const input = asPage(request);
  const { ctx, header } = await accountContext(input);
  const next = safeNext(input.event.queryStringParameters?.next);
  if (input.shopper.buyer) return redirect(ctx, next ?? href(ctx, '/account'));
  const query = input.event.queryStringParameters ?? {};
  const shown = signedOutNotices.find((flag) => query[flag] === '1');
  const form = { ...(await freshForm(input)), ...(shown && { notice: ctx.t(`account-pages:${shown}`) }) };
  return accountAnswer(ctx, input.event, signInPage(ctx, header, form, next));
});
