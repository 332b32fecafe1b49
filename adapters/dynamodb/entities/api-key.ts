import type { ApiKeyRecord } from '../../../core/tenants/admin-service.ts';
import { defineEntity, type TableKey } from './keys.ts';
import { tenantPartition } from './tenant-config.ts';

/** A tenant API key's hash and state (the secret itself is never stored). */
export const apiKey = defineEntity({
  name: 'apiKey',
  scope: 'tenant',
  key: ({ tenantId, keyId }: { tenantId: string; keyId: string }) => ({
    pk: tenantPartition(tenantId),
    sk: `KEY#${keyId}`,
  }),
  query: ({ tenantId }: { tenantId: string }) => ({ pk: tenantPartition(tenantId), skPrefix: 'KEY#' }),
  example: { tenantId: 'vn', keyId: '0123456789abcdef' },
});

export type ApiKeyItem = TableKey & ApiKeyRecord & { revokedBy?: string };
