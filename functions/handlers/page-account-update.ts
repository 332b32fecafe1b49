import { href } from '../../storefront/context.ts';
import { implement } from '../http/route.ts';
import { profileUpdateBody } from '../schemas/buyers.ts';
import { profilePage } from './page-account.ts';
import {
  accountContext,
  attempt,
  checkCsrf,
  formOf,
  redirect,
  toSignIn,
  typed,
  validated,
} from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

const fields = ['companyName', 'contactName', 'phone', 'taxId'] as const;

/** POST /account: the API's profile update (an empty tax id removes it); a 303 back with a notice. */
export const handler = implement('page-account-update', async (request) => {
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
      const given = typed(values, fields);
      const body = validated(profileUpdateBody, { ...given, taxId: given.taxId ?? null });
      await input.services.buyers.updateProfile(input.tenant.id, buyer.buyerId, body);
      return redirect(page.ctx, href(page.ctx, '/account', { saved: '1' }));
    },
    (failure) => profilePage(input, buyer.buyerId, page, { posted: typed(values, fields), failure }),
  );
});
