import type { Tenant } from '../../../core/tenants/tenant.ts';
import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/** The tenant's own partition: its config, config versions, audit trail and API keys. */
export const tenantPartition = (tenantId: string) => `${tenantPrefix(tenantId)}TENANT`;

/** A tenant's current config (read on every request, through the tenant cache). */
export const tenantConfig = defineEntity({
  name: 'tenantConfig',
  scope: 'tenant',
  key: ({ tenantId }: { tenantId: string }) => ({ pk: tenantPartition(tenantId), sk: 'CONFIG' }),
  example: { tenantId: 'vn' },
});

export interface TenantConfigItem extends TableKey {
  tenant: Tenant;
  version: number;
  updatedAt: string;
  updatedBy: string;
}
