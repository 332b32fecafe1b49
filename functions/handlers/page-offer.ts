import type { TFunction } from 'i18next';
import { addressForm } from '../../core/addresses/address.ts';
import { offerView } from '../../core/catalog/offer-view.ts';
import { DomainError } from '../../core/errors.ts';
import { presentLandedCost } from '../../core/landed-cost/present.ts';
import { landedCostService } from '../../core/landed-cost/service.ts';
import { withinCuration } from '../../core/tenants/curation.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import type { PageContext } from '../../storefront/context.ts';
import { type OfferPageData, offerPage } from '../../storefront/pages/offer.ts';
import type { Services } from '../composition.ts';
import { implement } from '../http/route.ts';
import { asPage, htmlAnswer, pageContext } from './page-kit.ts';

/**
 * The offer page's HTML: the offer as the API's offer view shows it (same core, same price book),
 * the Chinese original title, and the landed-cost estimate per lane for the MOQ of the first SKU
 * in stock (priced like a quote), the sample limit and the destination's address form (dropship).
 * `form` is one of its forms sent back with its errors (POST /cart/lines).
 */
export async function renderOfferPage(
  input: { tenant: Tenant; locale: Locale; services: Services },
  ctx: PageContext & { t: TFunction },
  offerId: string,
  form?: OfferPageData['form'],
): Promise<string> {
  const { tenant, locale, services } = input;
  // The offer and the site's override in one read (one request, not two at once).
  const [{ offer, override }, book] = await Promise.all([
    services.offers.getWithOverride(tenant.id, offerId),
    services.priceBooks.forTenant(tenant, locale),
  ]);
  if (!offer || !withinCuration(offer, tenant))
    throw new DomainError('OFFER_NOT_FOUND', { params: { offerId } });
  const view = offerView(offer, { locale, book, t: ctx.t, override });
  const sku = offer.skus.find((s) => s.stock >= offer.moq);
  // Priced from the offer just read: the estimate used to read it again, after the first read.
  const landedCost = landedCostService({
    offers: { get: async (id) => (id === offer.offerId ? offer : services.offers.get(id)) },
    priceBooks: services.priceBooks,
  });
  const landed =
    sku && tenant.landedCost && tenant.shippingLanes.length > 0
      ? presentLandedCost(
          await landedCost.estimate(tenant, locale, {
            lines: [{ offerId: offer.offerId, skuId: sku.skuId, quantity: offer.moq }],
          }),
          locale,
          ctx.t,
        )
      : undefined;
  return offerPage(ctx, {
    offer: view,
    sampleLimit: offer.sample.maxQuantity,
    addressFields: offer.dropship ? addressForm(tenant.country ?? '') : [],
    ...(view.title.lang !== 'zh-CN' && { original: offer.title.source }),
    ...(landed && { landed: { quantity: offer.moq, estimates: landed.estimates } }),
    ...(form && { form }),
  });
}

/** GET /offers/{offerId}. */
export const handler = implement('page-offer', async (request) => {
  const input = asPage(request);
  const ctx = pageContext(input);
  return htmlAnswer(ctx, input.event, await renderOfferPage(input, ctx, input.params.offerId));
});
