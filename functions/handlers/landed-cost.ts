import * as z from 'zod';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentLandedCost } from '../../core/landed-cost/present.ts';
import { quoteRequestSchema } from '../../core/quotes/quote.ts';
import { services } from '../composition.ts';
import { httpRoute } from '../http/route.ts';

const body = quoteRequestSchema.extend({ laneId: z.string().min(1).max(32).optional() });

/**
 * POST /api/v1/landed-cost `{lines, laneId?}`: per shipping lane, goods + freight by chargeable
 * weight + duty by HS chapter + VAT for the tenant's country, each component with its rate date.
 */
export const handler = httpRoute(
  { name: 'landed-cost', tenant: 'required', body },
  async ({ tenant, locale, body }) => {
    const { lines, laneId } = body;
    const result = await services().landedCost.estimate(tenant!, locale, { lines }, laneId);
    return {
      headers: { 'cache-control': 'no-store' },
      body: presentLandedCost(result, locale, translatorFor(locale)),
    };
  },
);
