import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/** A tenant's list of console users (owners, staff): one Query lists them. */
export const partnerMember = defineEntity({
  name: 'partnerMember',
  scope: 'tenant',
  key: ({ tenantId, userKey }: { tenantId: string; userKey: string }) => ({
    pk: `${tenantPrefix(tenantId)}PARTNERS`,
    sk: `USER#${userKey}`,
  }),
  query: ({ tenantId }: { tenantId: string }) => ({
    pk: `${tenantPrefix(tenantId)}PARTNERS`,
    skPrefix: 'USER#',
  }),
  example: { tenantId: 'vn', userKey: '0123456789abcdef0123456789abcdef01234567' },
});

export type PartnerMemberItem = TableKey & { email: string; role: string; createdAt: string };
