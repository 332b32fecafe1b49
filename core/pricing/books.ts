import { DomainError } from '../errors.ts';
import { BASE_CURRENCY, type FxRate, type FxRateStore, isStale } from '../fx/rates.ts';
import { createPriceBook } from './book.ts';
import type { PricingConfig } from './config.ts';
import type { PriceBook, PriceBooks } from './price-book.ts';

/** What PriceBooks needs to know about a tenant. */
export interface TenantPricing {
  currency: string;
  pricing: PricingConfig;
}

/**
 * The PriceBooks service: the tenant's terms (as the request resolved them, so a quote records
 * the very markup it was priced with) plus the latest rate of its currency, refused when the
 * rate is older than the tenant allows. Rates are cached for `cacheTtlMs` (a warm function
 * reads the store at most that often; the refresh job runs a few times a day).
 */
export function createPriceBooks(deps: {
  rates: Pick<FxRateStore, 'latest'>;
  now?: () => Date;
  cacheTtlMs?: number;
}): PriceBooks {
  const now = deps.now ?? (() => new Date());
  const ttl = deps.cacheTtlMs ?? 60_000;
  const cache = new Map<string, { rate: FxRate | undefined; expires: number }>();

  async function latest(currency: string): Promise<FxRate | undefined> {
    if (currency === BASE_CURRENCY) {
      return { base: BASE_CURRENCY, currency, rate: '1', asOf: now().toISOString(), source: 'identity' };
    }
    const at = now().getTime();
    const hit = cache.get(currency);
    if (hit && hit.expires > at) return hit.rate;
    const rate = await deps.rates.latest(currency);
    cache.set(currency, { rate, expires: at + ttl });
    return rate;
  }

  return {
    async forTenant(tenant: TenantPricing, locale: string): Promise<PriceBook> {
      const rate = await latest(tenant.currency);
      if (!rate) throw new DomainError('FX_RATE_UNAVAILABLE', { params: { currency: tenant.currency } });
      if (isStale(rate, tenant.pricing.maxRateAgeHours, now())) {
        throw new DomainError('FX_RATE_STALE', {
          params: {
            currency: tenant.currency,
            asOf: new Date(rate.asOf),
            maxAgeHours: tenant.pricing.maxRateAgeHours,
          },
        });
      }
      return createPriceBook({
        currency: tenant.currency,
        locale,
        markupBps: tenant.pricing.markupBps,
        rounding: tenant.pricing.rounding,
        fx: rate,
      });
    },
  };
}
