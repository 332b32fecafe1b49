import { updateLineSchema } from '../../core/cart/model.ts';
import { DomainError } from '../../core/errors.ts';
import { href } from '../../storefront/context.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';
import { checkForm, formOf, intField, seeOther } from './page-cart-forms.ts';
import { asPage, pageContext } from './page-kit.ts';

/**
 * POST /cart/lines/{lineId}, a cart line's form: `action=update` with a new quantity, or
 * `action=remove`, through the cart service (as PATCH / DELETE /api/v1/cart/lines/{lineId});
 * the answer is 303 to the cart, whose problems show what the change means (a line gone already
 * is no error: the cart shows it gone).
 */
export const handler = implement('page-cart-line', async (request) => {
  const input = asPage(request);
  const { tenant, locale, shopper, services, event, params } = input;
  const ctx = pageContext(input);
  const form = formOf(event);
  await checkForm(services, shopper, form, event);
  const owner = cartOwner(shopper);
  if (form.get('action') === 'remove') {
    await services.carts.remove(tenant, locale, owner, params.lineId);
    return seeOther(href(ctx, '/cart', { done: 'removed' }));
  }
  const quantity = intField(form, 'quantity');
  // Zero is how some people remove a line; a field that is not a count changes nothing.
  if (quantity === 0) {
    await services.carts.remove(tenant, locale, owner, params.lineId);
    return seeOther(href(ctx, '/cart', { done: 'removed' }));
  }
  const update = updateLineSchema.safeParse({ quantity });
  if (!update.success) return seeOther(href(ctx, '/cart'));
  try {
    await services.carts.update(tenant, locale, owner, params.lineId, update.data);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
  }
  return seeOther(href(ctx, '/cart', { done: 'updated' }));
});
