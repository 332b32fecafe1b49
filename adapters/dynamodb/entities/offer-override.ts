import type { OfferOverride } from '../../../core/catalog/model.ts';
import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';
import { tenantPartition } from './tenant-config.ts';

/**
 * A tenant's own wording of one offer's translated fields. One partition per tenant and
 * offer (`T#<tenantId>#OFFER#<offerId>`), so a page of results reads its overrides in one
 * BatchGet, load spreads over many partitions, and later per-tenant data about an offer can
 * join the same partition.
 */
export const offerOverride = defineEntity({
  name: 'offerOverride',
  scope: 'tenant',
  key: ({ tenantId, offerId }: { tenantId: string; offerId: string }) => ({
    pk: `${tenantPrefix(tenantId)}OFFER#${offerId}`,
    sk: 'OVERRIDE',
  }),
  example: { tenantId: 'vn', offerId: 'yw-1001' },
});

export interface OfferOverrideItem extends TableKey {
  offerId: string;
  override: OfferOverride;
  /** field → digest of the field's zh-CN source when its wording was saved (core/catalog/overrides.ts). */
  sources?: Record<string, string>;
}

/**
 * Marks a tenant that has saved an override at least once. Written with every override save
 * (in the same transaction) and never removed: a tenant whose overrides were all deleted only
 * keeps reading them. A search page reads the mark alongside the search and skips the page's
 * overrides BatchGet for a tenant without one (most tenants, most of the time).
 */
export const tenantOverridesMark = defineEntity({
  name: 'tenantOverridesMark',
  scope: 'tenant',
  key: ({ tenantId }: { tenantId: string }) => ({ pk: tenantPartition(tenantId), sk: 'OVERRIDES' }),
  example: { tenantId: 'vn' },
});

export interface TenantOverridesMarkItem extends TableKey {
  /** When the tenant's first override was saved. */
  since: string;
}
