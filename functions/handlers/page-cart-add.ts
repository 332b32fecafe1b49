import { DomainError } from '../../core/errors.ts';
import { withinCuration } from '../../core/tenants/curation.ts';
import { href } from '../../storefront/context.ts';
import type { OfferForm } from '../../storefront/pages/offer.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';
import { checkForm, formOf, seeOther } from './page-cart-forms.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';
import { renderOfferPage } from './page-offer.ts';
import { problemsForm, readOfferForm, refusalForm } from './page-offer-forms.ts';

/** The cart service's refusals the buyer can mend on the offer page (anything else is the site's error page). */
const mendable = new Set(['CART_LINE_UNAVAILABLE', 'CART_FULL', 'VALIDATION_FAILED']);

/**
 * POST /cart/lines, the offer page's forms: `kind` names which — the buy form (bulk), a sample,
 * a dropship parcel to the buyer's customer, a customised line — and the line is added through the
 * cart service, which prices the cart with it and adds it only when the line shows no problem
 * (core's rules: MOQ band, sample limit, each option's minimum, stock, with what the cart already
 * holds counted); the answer is 303 to the cart. A form that is not a line (page-offer-forms.ts),
 * a line with a problem, or one the cart refuses brings the offer page back (422) with each
 * message beside its field and what the buyer chose and typed, and nothing added. The
 * add-to-cart island asks for JSON: the cart's count and the same messages.
 */
export const handler = implement('page-cart-add', async (request) => {
  const input = asPage(request);
  const { tenant, locale, shopper, services, event } = input;
  const ctx = pageContext(input);
  const form = formOf(event);
  await checkForm(services, shopper, form, event, { sameOriginSuffices: true });
  const json = /application\/json/.test(event.headers.accept ?? '');
  const offerId = form.get('offerId') ?? '';
  const owner = cartOwner(shopper);

  const refuse = async (refused: OfferForm) =>
    json
      ? {
          status: 422,
          headers: privateCache,
          body: { error: refused.error ?? [...refused.errors.values()].flat().join(' ') },
        }
      : htmlAnswer(ctx, event, await renderOfferPage(input, ctx, offerId, refused), {
          status: 422,
          cache: privateCache,
        });

  const offer = offerId ? await services.offers.get(offerId) : undefined;
  if (!offer || !withinCuration(offer, tenant))
    throw new DomainError('OFFER_NOT_FOUND', { params: { offerId } });
  const read = readOfferForm(form, { offer, country: tenant.country ?? '', t: ctx.t });
  if (!read.add) return refuse(read);

  let added: Awaited<ReturnType<typeof services.carts.addIfClean>>;
  try {
    added = await services.carts.addIfClean(tenant, locale, owner, read.add);
  } catch (error) {
    if (error instanceof DomainError && mendable.has(error.code))
      return refuse(refusalForm(read, error, ctx.t));
    throw error;
  }
  if ('problems' in added) return refuse(problemsForm(read, added.problems, { offer, t: ctx.t }));
  const { cart } = added;
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
