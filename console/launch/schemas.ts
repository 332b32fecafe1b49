import * as z from 'zod';
import { draftStepSchema } from '../../core/tenants/drafts.ts';

/** The launch routes' path schemas and the previews' answers (the route table imports them). */
const tenantId = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/);
export const launchParams = z.object({ tenantId });
export const launchStepParams = z.object({ tenantId, step: draftStepSchema });

const localPrice = z.object({ amountMinor: z.int(), currency: z.string(), formatted: z.string() });

export const pricePreviewView = z.object({
  currency: z.string(),
  fx: z.object({ rate: z.string(), asOf: z.string(), source: z.string() }),
  fxLine: z.string(),
  offers: z.array(
    z.object({
      offerId: z.string(),
      title: z.string(),
      sentence: z.string(),
      tiers: z.array(z.object({ minQuantity: z.int(), unitPrice: localPrice })),
    }),
  ),
});

export const curationCountView = z.object({
  total: z.int(),
  sentence: z.string(),
  samplesLabel: z.string(),
  samples: z.array(
    z.object({ offerId: z.string(), title: z.string(), priceFrom: localPrice, priceLine: z.string() }),
  ),
});
