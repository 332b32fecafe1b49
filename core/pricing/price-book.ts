import type { PricingConfig } from './config.ts';

/**
 * The contract between pricing (tenants issue) and everything that shows a price (catalog
 * search, offer pages, quotes). A PriceBook converts CNY amounts into one tenant's currency
 * with one frozen FX rate, the tenant's markup and rounding rule, in integer minor units.
 *
 * Money is never a float: amounts are integer minor units (CNY fen, VND đồng, KRW won, USD
 * cents) as `number` when within Number.MAX_SAFE_INTEGER, which every price here is.
 */
export interface LocalPrice {
  /** Integer minor units of `currency` (ISO 4217 exponent). */
  amountMinor: number;
  currency: string;
  /** Formatted for the request's locale with Intl.NumberFormat (style: currency). */
  formatted: string;
}

/** One band of a tier ladder (阶梯价): from `minQuantity` units on, each unit costs `unitPrice`. */
export interface PriceTier<P> {
  minQuantity: number;
  unitPrice: P;
}

export interface PriceBook {
  currency: string;
  locale: string;
  fx: { rate: string; asOf: string; source: string };
  /** A CNY amount in fen → the tenant's price (rate × (1 + markup), then the rounding rule). */
  convert(cnyFen: number): LocalPrice;
  /** A CNY tier ladder → local ladder; unit price never rises with quantity. */
  convertLadder(tiers: readonly PriceTier<number>[]): PriceTier<LocalPrice>[];
  /**
   * Local-currency bounds of a buyer's price filter → CNY fen bounds for the search index,
   * chosen so that an offer is inside the CNY bounds exactly when its converted price is
   * inside the local bounds.
   */
  cnyBounds(localMin?: number, localMax?: number): { minFen?: number; maxFen?: number };
  /** Formats an amount already in local minor units. */
  format(amountMinor: number): string;
}

/** Gives the PriceBook of a tenant with its currency's latest FX rate; throws a localized
 * DomainError when the rate is older than the tenant's limit. */
export interface PriceBooks {
  forTenant(tenant: { currency: string; pricing: PricingConfig }, locale: string): Promise<PriceBook>;
}
