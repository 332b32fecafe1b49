import type { Tenant } from '../../../core/tenants/tenant.ts';
import { defineEntity, type TableKey } from './keys.ts';
import { tenantPartition } from './tenant-config.ts';

/** A tenant's one draft of its config (the console's launch flow), kept until published or discarded. */
export const tenantDraft = defineEntity({
  name: 'tenantDraft',
  scope: 'tenant',
  key: ({ tenantId }: { tenantId: string }) => ({ pk: tenantPartition(tenantId), sk: 'DRAFT' }),
  example: { tenantId: 'vn' },
});

export interface TenantDraftItem extends TableKey {
  tenantId: string;
  baseVersion: number;
  revision: number;
  config: Tenant;
  updatedAt: string;
  updatedBy: string;
}
