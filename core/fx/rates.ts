import * as z from 'zod';
import { isCurrency } from '../money/currencies.ts';
import { divideToDecimal, isDecimal, parseDecimal } from '../money/decimal.ts';

/**
 * FX rates are kept against one base, CNY (what the supply side prices in): `rate` is how many
 * units of `currency` one yuan buys, as the exact decimal string computed from the source.
 * Every rate carries its source and the time the source says it applies (`asOf`).
 */
export const BASE_CURRENCY = 'CNY';
/** Digits kept after the point when a cross rate is computed (ECB publishes 4-5 significant). */
export const CROSS_RATE_SCALE = 10;

export const fxRateSchema = z.object({
  base: z.literal(BASE_CURRENCY),
  currency: z.string().refine(isCurrency, 'unknown currency'),
  rate: z.string().refine((r) => isDecimal(r) && parseDecimal(r).n > 0n, 'positive decimal'),
  /** ISO 8601 instant the source states for the rate. */
  asOf: z.iso.datetime({ offset: true }),
  /** Who published it, e.g. `ecb` (cross via EUR) or `vietcombank`. */
  source: z.string().min(1),
});
export type FxRate = z.infer<typeof fxRateSchema>;

/** Rates as a source publishes them: units of each currency per one unit of `base`. */
export interface PublishedRates {
  source: string;
  base: string;
  asOf: string;
  rates: Record<string, string>;
}

/**
 * CNY-based rates from a table published against another base (ECB: EUR). The cross rate
 * X per CNY = (X per base) / (CNY per base), computed exactly and rounded to CROSS_RATE_SCALE.
 */
export function crossRatesToCny(published: PublishedRates): FxRate[] {
  const table: Record<string, string> = { ...published.rates, [published.base]: '1' };
  const cnyPerBase = table[BASE_CURRENCY];
  if (!cnyPerBase) throw new Error(`${published.source} publishes no ${BASE_CURRENCY} rate`);
  const cny = parseDecimal(cnyPerBase);
  return Object.entries(table)
    .filter(([currency]) => currency !== BASE_CURRENCY && isCurrency(currency))
    .map(([currency, perBase]) => ({
      base: BASE_CURRENCY,
      currency,
      rate: divideToDecimal(parseDecimal(perBase), cny, CROSS_RATE_SCALE),
      asOf: published.asOf,
      source: published.source,
    }));
}

/** Merges rate sets; for a currency published by several, the earlier set in `bySourcePriority` wins. */
export function mergeRates(bySourcePriority: readonly FxRate[][]): FxRate[] {
  const merged = new Map<string, FxRate>();
  for (const set of bySourcePriority) {
    for (const rate of set) if (!merged.has(rate.currency)) merged.set(rate.currency, rate);
  }
  return [...merged.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Age of a rate in whole milliseconds at `now`. */
export function rateAgeMs(rate: Pick<FxRate, 'asOf'>, now: Date): number {
  return now.getTime() - Date.parse(rate.asOf);
}

export function isStale(rate: Pick<FxRate, 'asOf'>, maxAgeHours: number, now: Date): boolean {
  return rateAgeMs(rate, now) > maxAgeHours * 3_600_000;
}

/** Where rates come from: one adapter per publisher (ECB XML, Vietcombank XML, a file). */
export interface FxProvider {
  readonly name: string;
  fetchRates(): Promise<FxRate[]>;
}

/** Latest and history of CNY-based rates (DynamoDB in every runtime). */
export interface FxRateStore {
  latest(currency: string): Promise<FxRate | undefined>;
  /** Saves a refresh: each rate becomes the latest (unless a newer one is stored) and joins the history. */
  saveAll(rates: readonly FxRate[], fetchedAt: Date): Promise<{ updated: string[]; unchanged: string[] }>;
  history(currency: string, limit: number): Promise<FxRate[]>;
}
