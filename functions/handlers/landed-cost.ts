import { translatorFor } from '../../core/i18n/translator.ts';
import { presentLandedCost } from '../../core/landed-cost/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/**
 * POST /api/v1/landed-cost `{lines, laneId?}`: per shipping lane, goods + freight by chargeable
 * weight + duty by HS chapter + VAT for the tenant's country, each component with its rate date.
 */
export const handler = implement('landed-cost', async ({ tenant, locale, body, services }) => {
  const { lines, laneId } = body;
  const result = await services.landedCost.estimate(tenant, locale, { lines }, laneId);
  return { headers: noStore, body: presentLandedCost(result, locale, translatorFor(locale)) };
});
