import { resetPolicy } from '../../core/buyers/accounts.ts';
import { resetConfirmPage } from '../../storefront/pages/account.ts';
import { implement } from '../http/route.ts';
import { accountAnswer, accountContext, freshForm } from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

/** GET /account/reset/confirm: the mailed code and a new password (after a request: a notice). */
export const handler = implement('page-account-reset-confirm', async (request) => {
  const input = asPage(request);
  const { ctx, header } = await accountContext(input);
  const form = await freshForm(input);
  const sent = input.event.queryStringParameters?.sent === '1';
  const view = sent
    ? {
        ...form,
        notice: ctx.t('account-pages:codeSent', {
          site: input.tenant.name,
          minutes: resetPolicy.validMinutes,
        }),
      }
    : form;
  return accountAnswer(ctx, input.event, resetConfirmPage(ctx, header, view));
});
