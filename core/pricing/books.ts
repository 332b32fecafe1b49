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

export interface TenantPricingSource {
  pricingOf(tenantId: string): Promise<TenantPricing | undefined>;
}

/**
 * The PriceBooks service: a tenant's terms plus the latest rate of its currency, refused when
 * the rate is older than the tenant allows. Tenant terms and rates are cached for `cacheTtlMs`
 * (a warm function reads the store at most that often; the refresh job runs a few times a day).
 */
export function createPriceBooks(deps: {
  tenants: TenantPricingSource;
  rates: Pick<FxRateStore, 'latest'>;
  now?: () => Date;
  cacheTtlMs?: number;
}): PriceBooks {
  const now = deps.now ?? (() => new Date());
  const ttl = deps.cacheTtlMs ?? 60_000;
  const cache = new Map<string, { rate: FxRate | undefined; expires: number }>();
  const tenantCache = new Map<string, { tenant: TenantPricing | undefined; expires: number }>();

  async function pricingOf(tenantId: string): Promise<TenantPricing | undefined> {
    const at = now().getTime();
    const hit = tenantCache.get(tenantId);
    if (hit && hit.expires > at) return hit.tenant;
    const tenant = await deps.tenants.pricingOf(tenantId);
    tenantCache.set(tenantId, { tenant, expires: at + ttl });
    return tenant;
  }

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
    async forTenant(tenantId: string, locale: string): Promise<PriceBook> {
      const tenant = await pricingOf(tenantId);
      if (!tenant) throw new DomainError('TENANT_NOT_FOUND', { params: { host: tenantId } });
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
