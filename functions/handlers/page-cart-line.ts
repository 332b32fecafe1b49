import { addressForm } from '../../core/addresses/address.ts';
import { endCustomerFormValues } from '../../core/cart/end-customer.ts';
import { type UpdateLine, updateLineSchema } from '../../core/cart/model.ts';
import { customisationKinds } from '../../core/catalog/taxonomy.ts';
import { DomainError } from '../../core/errors.ts';
import { href } from '../../storefront/context.ts';
import type { CartLineForm } from '../../storefront/pages/cart.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';
import { renderCartPage } from './page-cart.ts';
import { checkForm, formOf, intField, seeOther } from './page-cart-forms.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';
import { addressFields, readEndCustomer } from './page-offer-forms.ts';

/**
 * POST /cart/lines/{lineId}, a cart line's forms, through the cart service (as PATCH / DELETE
 * /api/v1/cart/lines/{lineId}): `action=update` with a new quantity, `action=remove`,
 * `action=options` with a customised line's options (from its offer's list), `action=parcel` with
 * a dropship line's end customer (the destination's address form and checkout's rules) and blind
 * packaging. The answer is 303 to the cart, whose problems show what the change means (a line gone
 * already is no error: the cart shows it gone). Options or a parcel the rules refuse bring the cart
 * back (422) with each message beside its field and what was typed, and the line unchanged.
 */
export const handler = implement('page-cart-line', async (request) => {
  const input = asPage(request);
  const { tenant, locale, shopper, services, event, params } = input;
  const ctx = pageContext(input);
  const { t } = ctx;
  const form = formOf(event);
  await checkForm(services, shopper, form, event);
  const owner = cartOwner(shopper);
  const action = form.get('action');
  const lineId = params.lineId;
  if (action === 'remove') {
    await services.carts.remove(tenant, locale, owner, lineId);
    return seeOther(href(ctx, '/cart', { done: 'removed' }));
  }

  const again = async (lineForm: CartLineForm) =>
    htmlAnswer(ctx, event, await renderCartPage(input, ctx, { lineForm }), {
      status: 422,
      cache: privateCache,
    });
  const apply = async (update: UpdateLine, refused?: () => CartLineForm) => {
    try {
      await services.carts.update(tenant, locale, owner, lineId, update);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'NOT_FOUND') return seeOther(href(ctx, '/cart'));
      if (refused && ['CART_LINE_UNAVAILABLE', 'VALIDATION_FAILED'].includes(error.code))
        return again(refused());
      throw error;
    }
    return seeOther(href(ctx, '/cart', { done: 'updated' }));
  };

  if (action === 'options') {
    const options = form.getAll('options');
    const values = new Map([['options', options.join(' ')]]);
    const known = options.filter((o): o is (typeof customisationKinds)[number] =>
      (customisationKinds as readonly string[]).includes(o),
    );
    const update = updateLineSchema.safeParse({ options: known });
    const refused = (): CartLineForm => ({
      lineId,
      action: 'options',
      values,
      errors: new Map([['options', [t('storefront:kinds.chooseOption')]]]),
    });
    if (!update.success || known.length !== options.length) return again(refused());
    return apply(update.data, refused);
  }

  if (action === 'parcel') {
    const country = tenant.country ?? '';
    const values = new Map<string, string>(
      addressForm(country).map((f) => [`address.${f.name}`, form.get(`address.${f.name}`) ?? ''] as const),
    );
    const blindPackaging = form.get('blindPackaging') === '1';
    values.set('blindPackaging', blindPackaging ? '1' : '');
    const read = readEndCustomer(form, country, t);
    if ('errors' in read) return again({ lineId, action: 'parcel', values, errors: read.errors });
    // Shown again as the cart keeps it, should the cart refuse it.
    const kept = new Map([
      ...Object.entries(endCustomerFormValues(read.address)).map(([k, v]) => [`address.${k}`, v] as const),
      ['blindPackaging', values.get('blindPackaging')!] as const,
    ]);
    // The cart service checks the end customer with the same rules as it stores it.
    const update = updateLineSchema.safeParse({ address: addressFields(form, country), blindPackaging });
    if (!update.success)
      return again({
        lineId,
        action: 'parcel',
        values,
        errors: new Map(),
        error: t('storefront:kinds.refused'),
      });
    return apply(update.data, () => ({
      lineId,
      action: 'parcel',
      values: kept,
      errors: new Map(),
      error: t('storefront:kinds.refused'),
    }));
  }

  const quantity = intField(form, 'quantity');
  // Zero is how some people remove a line; a field that is not a count changes nothing.
  if (quantity === 0) {
    await services.carts.remove(tenant, locale, owner, lineId);
    return seeOther(href(ctx, '/cart', { done: 'removed' }));
  }
  const update = updateLineSchema.safeParse({ quantity });
  if (!update.success) return seeOther(href(ctx, '/cart'));
  return apply(update.data);
});
