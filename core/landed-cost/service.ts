import { DomainError } from '../errors.ts';
import { priceRequest, type QuoteDeps, type QuoteRequest } from '../quotes/quote.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { estimateLandedCost } from './estimate.ts';

/**
 * Landed-cost estimates for lines a buyer is considering: priced like a quote (server-side,
 * same PriceBook), then one estimate per shipping lane of the tenant (or the one asked for).
 */
export function landedCostService(deps: Pick<QuoteDeps, 'offers' | 'priceBooks'>) {
  return {
    async estimate(tenant: Tenant, locale: string, request: QuoteRequest, laneId?: string) {
      const table = tenant.landedCost;
      if (!table || tenant.shippingLanes.length === 0) throw new DomainError('LANDED_COST_UNAVAILABLE');
      const lanes = laneId ? tenant.shippingLanes.filter((l) => l.id === laneId) : tenant.shippingLanes;
      if (lanes.length === 0) {
        throw new DomainError('VALIDATION_FAILED', {
          fields: [{ path: 'body.laneId', rule: 'not_offered' }],
        });
      }
      const { book, offers, priced } = await priceRequest(deps, tenant, locale, request);
      const items = priced.lines.map((line) => {
        const offer = offers.get(line.offerId)!;
        return {
          quantity: line.quantity,
          weightGrams: offer.weightGrams,
          dimensionsMm: offer.dimensionsMm,
          hsCode: offer.hsCode,
          valueMinor: line.totalMinor,
        };
      });
      const terms = { currency: book.currency, rate: book.fx.rate, rounding: tenant.pricing.rounding };
      return {
        currency: book.currency,
        fx: book.fx,
        table,
        estimates: lanes.map((lane) => estimateLandedCost({ items, lane, table, terms })),
      };
    },
  };
}
