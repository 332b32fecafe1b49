import { offerView } from '../../core/catalog/offer-view.ts';
import { DomainError } from '../../core/errors.ts';
import { presentLandedCost } from '../../core/landed-cost/present.ts';
import { landedCostService } from '../../core/landed-cost/service.ts';
import { withinCuration } from '../../core/tenants/curation.ts';
import { offerPage } from '../../storefront/pages/offer.ts';
import { implement } from '../http/route.ts';
import { asPage, htmlAnswer, pageContext } from './page-kit.ts';

/**
 * GET /offers/{offerId}: the offer as the API's offer view shows it (same core, same price book),
 * the Chinese original title, and the landed-cost estimate per lane for the MOQ of the first SKU
 * in stock (priced like a quote).
 */
export const handler = implement('page-offer', async (request) => {
  const input = asPage(request);
  const { tenant, locale, params, services } = input;
  const ctx = pageContext(input);
  const [offer, override, book] = await Promise.all([
    services.offers.get(params.offerId),
    services.offers.getOverride(tenant.id, params.offerId),
    services.priceBooks.forTenant(tenant, locale),
  ]);
  if (!offer || !withinCuration(offer, tenant))
    throw new DomainError('OFFER_NOT_FOUND', { params: { offerId: params.offerId } });
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
  const body = offerPage(ctx, {
    offer: view,
    ...(view.title.lang !== 'zh-CN' && { original: offer.title.source }),
    ...(landed && { landed: { quantity: offer.moq, estimates: landed.estimates } }),
  });
  return htmlAnswer(ctx, input.event, body);
});
