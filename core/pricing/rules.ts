import * as z from 'zod';
import { exponentOf } from '../money/currencies.ts';
import { divRound, type Fraction, parseDecimal } from '../money/decimal.ts';
import { toSafeMinor } from '../money/money.ts';

/**
 * A tenant's pricing rule, applied after conversion: e.g. VND up to the next 1,000
 * (`{ increment: 1000, mode: 'up' }`), KRW up to the next 10. `increment` is in minor units
 * of the tenant's currency.
 */
export const roundingRuleSchema = z.object({
  increment: z.number().int().min(1).max(1_000_000),
  mode: z.enum(['up', 'nearest', 'down']).default('up'),
});
export type RoundingRule = z.infer<typeof roundingRuleSchema>;

/** Everything conversion needs, frozen for one PriceBook. */
export interface ConversionTerms {
  currency: string;
  /** Units of `currency` per 1 CNY, the decimal string from the rate store. */
  rate: string;
  /** Markup in basis points (1500 = 15 %). */
  markupBps: number;
  rounding: RoundingRule;
}

const CNY_EXPONENT = 2;

/** The exact local amount (in minor units) before rounding: fen × rate × (1 + markup) × 10^(exp − 2). */
export function exactLocalMinor(cnyFen: number, terms: ConversionTerms): Fraction {
  if (!Number.isSafeInteger(cnyFen) || cnyFen < 0) throw new RangeError(`Not a CNY amount in fen: ${cnyFen}`);
  const rate = parseDecimal(terms.rate);
  const exponent = exponentOf(terms.currency);
  const scaleUp = 10n ** BigInt(Math.max(0, exponent - CNY_EXPONENT));
  const scaleDown = 10n ** BigInt(Math.max(0, CNY_EXPONENT - exponent));
  return {
    n: BigInt(cnyFen) * rate.n * BigInt(10_000 + terms.markupBps) * scaleUp,
    d: rate.d * 10_000n * scaleDown,
  };
}

/** Rounds an exact amount to the rule's increment in the rule's direction. */
export function applyRounding(exact: Fraction, rule: RoundingRule): bigint {
  const increment = BigInt(rule.increment);
  return divRound(exact.n, exact.d * increment, rule.mode) * increment;
}

/** CNY fen → the tenant's price in integer minor units: rate, markup, then the rounding rule. */
export function convertFen(cnyFen: number, terms: ConversionTerms): number {
  return toSafeMinor(applyRounding(exactLocalMinor(cnyFen, terms), terms.rounding));
}
