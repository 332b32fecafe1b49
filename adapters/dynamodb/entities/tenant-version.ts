import type { Tenant } from '../../../core/tenants/tenant.ts';
import { defineEntity, type TableKey } from './keys.ts';
import { tenantPartition } from './tenant-config.ts';

/** Every config version a tenant had, kept (sort key zero-padded so versions sort in order). */
export const tenantVersion = defineEntity({
  name: 'tenantVersion',
  scope: 'tenant',
  key: ({ tenantId, version }: { tenantId: string; version: number }) => ({
    pk: tenantPartition(tenantId),
    sk: `VERSION#${String(version).padStart(10, '0')}`,
  }),
  example: { tenantId: 'vn', version: 3 },
});

export interface TenantVersionItem extends TableKey {
  tenant: Tenant;
  version: number;
  at: string;
  actor: string;
}
