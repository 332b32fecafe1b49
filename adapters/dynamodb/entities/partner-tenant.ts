import { defineEntity, type TableKey } from './keys.ts';

/** The operator console's list of tenants (one small partition of pointers: id only). */
export const partnerTenant = defineEntity({
  name: 'partnerTenant',
  scope: 'platform',
  key: ({ tenantId }: { tenantId: string }) => ({ pk: 'PARTNER-TENANTS', sk: `TENANT#${tenantId}` }),
  query: () => ({ pk: 'PARTNER-TENANTS', skPrefix: 'TENANT#' }),
  example: { tenantId: 'vn' },
});

export type PartnerTenantItem = TableKey & { tenantId: string };
