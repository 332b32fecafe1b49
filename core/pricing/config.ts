import * as z from 'zod';
import { roundingRuleSchema } from './rules.ts';

/** A tenant's pricing terms (part of its versioned config). */
export const pricingConfigSchema = z.object({
  /** Markup over the converted CNY price, in basis points (1500 = 15 %); 0–500 %. */
  markupBps: z.number().int().min(0).max(50_000),
  rounding: roundingRuleSchema,
  /**
   * Prices are refused when the latest rate is older than this (ECB skips weekends and holidays).
   * Up to a year, for demo and sandbox sites priced from saved rate documents.
   */
  maxRateAgeHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .default(96),
});
export type PricingConfig = z.infer<typeof pricingConfigSchema>;
