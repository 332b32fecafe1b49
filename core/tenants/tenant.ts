import { z } from 'zod';
import { supportedLocales } from '../../locales/index.ts';

/**
 * What a partner sells: every search and offer request is filtered by this on the server,
 * never by the client. An empty list means "no restriction" for that dimension.
 */
export const curationSchema = z.object({
  /** Category ids (level 1 or level 2) the site sells. */
  categories: z.array(z.string()).default([]),
  /** Supplier tiers allowed (e.g. super_factory, strict_selection). */
  supplierTiers: z.array(z.string()).default([]),
  /** Badges every offer must carry (e.g. ship_48h). */
  requiredBadges: z.array(z.string()).default([]),
  /** Origin industrial belts allowed (e.g. yiwu, guangzhou). */
  belts: z.array(z.string()).default([]),
});
export type Curation = z.infer<typeof curationSchema>;

/** A partner storefront as the request path needs it: who it is and how it speaks. */
export const tenantSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
  name: z.string().min(1).max(80),
  domains: z.array(z.string().min(1)).min(1),
  defaultLocale: z.enum(supportedLocales),
  locales: z.array(z.enum(supportedLocales)).min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  curation: curationSchema.default({ categories: [], supplierTiers: [], requiredBadges: [], belts: [] }),
});
export type Tenant = z.infer<typeof tenantSchema>;
/** A tenant as written by a person or a seed: defaults not yet applied. */
export type TenantInput = z.input<typeof tenantSchema>;

/** Finds the tenant a request belongs to from its Host; the port is ignored. */
export interface TenantDirectory {
  byHost(host: string | undefined): Promise<Tenant | undefined>;
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** Caches lookups (hits and misses) for `ttlMs`, so a warm Lambda reads a tenant once a minute at most. */
export function cachedDirectory(
  source: TenantDirectory,
  ttlMs: number,
  now: () => number = Date.now,
): TenantDirectory {
  const cache = new Map<string, { tenant: Tenant | undefined; expires: number }>();
  return {
    async byHost(host) {
      if (!host) return undefined;
      const key = normalizeHost(host);
      const hit = cache.get(key);
      if (hit && hit.expires > now()) return hit.tenant;
      const tenant = await source.byHost(key);
      cache.set(key, { tenant, expires: now() + ttlMs });
      return tenant;
    },
  };
}
