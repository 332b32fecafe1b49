import type { AuditRecord } from '../../../core/tenants/admin-service.ts';
import { defineEntity, type TableKey } from './keys.ts';
import { tenantPartition } from './tenant-config.ts';

/** One entry of a tenant's audit trail; sorted by time, read newest first. */
export const auditRecord = defineEntity({
  name: 'auditRecord',
  scope: 'tenant',
  key: ({ tenantId, at, suffix }: { tenantId: string; at: string; suffix: string }) => ({
    pk: tenantPartition(tenantId),
    sk: `AUDIT#${at}#${suffix}`,
  }),
  query: ({ tenantId }: { tenantId: string }) => ({ pk: tenantPartition(tenantId), skPrefix: 'AUDIT#' }),
  example: { tenantId: 'vn', at: '2026-12-01T10:00:00.000Z', suffix: 'v2' },
});

export type AuditRecordItem = TableKey & AuditRecord;
