import { addLineSchema } from '../../core/cart/model.ts';
import { DomainError } from '../../core/errors.ts';
import { withinCuration } from '../../core/tenants/curation.ts';
import { href } from '../../storefront/context.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';
import { checkForm, formOf, intField, seeOther } from './page-cart-forms.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';
import { renderOfferPage } from './page-offer.ts';

/** Refusals the buyer can mend on the offer page (anything else is the site's error page). */
const mendable = new Set(['CART_LINE_UNAVAILABLE', 'CART_FULL', 'VALIDATION_FAILED']);

/**
 * POST /cart/lines, the offer page's buy form: the SKU is added through the cart service (as
 * POST /api/v1/cart/lines does) and the answer is 303 to the cart. Below the offer's MOQ — the
 * units of the offer already in the cart counted, as the cart prices its tier band — or for a line
 * the cart refuses, the offer page comes back (422) with the localized error and what the buyer
 * chose and typed. The add-to-cart island asks for JSON: the cart's count and the same messages.
 */
export const handler = implement('page-cart-add', async (request) => {
  const input = asPage(request);
  const { tenant, locale, shopper, services, event } = input;
  const ctx = pageContext(input);
  const form = formOf(event);
  await checkForm(services, shopper, form, event, { sameOriginSuffices: true });
  const json = /application\/json/.test(event.headers.accept ?? '');
  const offerId = form.get('offerId') ?? '';
  const skuId = form.get('skuId') ?? '';
  const typed = form.get('quantity') ?? '';
  const owner = cartOwner(shopper);

  const refuse = async (error: string) =>
    json
      ? { status: 422, headers: privateCache, body: { error } }
      : htmlAnswer(
          ctx,
          event,
          await renderOfferPage(input, ctx, offerId, { ...(skuId && { skuId }), quantity: typed, error }),
          { status: 422, cache: privateCache },
        );

  const offer = offerId ? await services.offers.get(offerId) : undefined;
  if (!offer || !withinCuration(offer, tenant))
    throw new DomainError('OFFER_NOT_FOUND', { params: { offerId } });
  const belowMoq = ctx.t('storefront:belowMoq', {
    qty: offer.moq,
    unit: ctx.t(`catalog:unit_${offer.unit}`),
  });
  const quantity = intField(form, 'quantity');
  const add = addLineSchema.safeParse({ kind: 'bulk', offerId, skuId, quantity });
  if (!add.success || quantity === undefined) return refuse(belowMoq);
  const current = await services.carts.view(tenant, locale, owner);
  const inCart =
    current.suppliers.flatMap((s) => s.offers).find((o) => o.offerId === offerId)?.bandQuantity ?? 0;
  if (inCart + quantity < offer.moq) return refuse(belowMoq);

  let cart: Awaited<ReturnType<typeof services.carts.add>>;
  try {
    cart = await services.carts.add(tenant, locale, owner, add.data);
  } catch (error) {
    if (error instanceof DomainError && mendable.has(error.code))
      return refuse(ctx.t(`errors:${error.code}`, error.params));
    throw error;
  }
  if (json) {
    return {
      headers: privateCache,
      body: {
        count: ctx.t('buyer-pages:header.cartCount', { count: cart.lineCount }),
        message: ctx.t('buyer-pages:cart.notice.added'),
      },
    };
  }
  return seeOther(href(ctx, '/cart', { done: 'added' }));
});
