import type { PartnerInvite } from '../../../core/partners/accounts.ts';
import { defineEntity, type TableKey } from './keys.ts';

/**
 * A pending console invitation, keyed by the SHA-256 of the link's secret (found from the link
 * alone, before any session or tenant is known). Expires through the table's TTL; reads check it.
 */
export const partnerInvite = defineEntity({
  name: 'partnerInvite',
  scope: 'platform',
  key: ({ inviteId }: { inviteId: string }) => ({ pk: `PARTNER-INVITE#${inviteId}`, sk: 'INVITE' }),
  example: { inviteId: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
});

export type PartnerInviteItem = TableKey & { invite: PartnerInvite; ttl: number };
