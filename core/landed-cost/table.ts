import * as z from 'zod';

const bps = z.int().min(0).max(100_000);
const hsChapter = z.string().regex(/^\d{2}$/);

/**
 * Import taxes of one destination country, as the landed-cost estimate applies them:
 * duty by HS chapter (a simplification of the tariff line: the chapter's typical MFN or
 * preferential rate for goods of Chinese origin), then VAT on (customs value + duty).
 * Rates are basis points (1000 = 10 %). `asOf` is the date the table was checked against its
 * sources, shown with every estimate.
 */
export const landedCostTableSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  asOf: z.iso.date(),
  /** Which tariff schedule the duty rates are taken from (e.g. ACFTA preferential). */
  dutyBasis: z.string().min(1).max(200),
  defaultDutyBps: bps,
  dutyByHsChapter: z.record(hsChapter, bps).default({}),
  vatBps: bps,
  /** Whether duty is added to the VAT base (true in VN and KR, as in most countries). */
  vatOnDuty: z.boolean().default(true),
  /** Where each rate comes from. */
  sources: z.array(z.string().min(1)).min(1),
});
export type LandedCostTable = z.infer<typeof landedCostTableSchema>;
