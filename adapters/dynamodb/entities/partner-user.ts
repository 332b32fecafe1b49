import type { PartnerUser } from '../../../core/partners/users.ts';
import { defineEntity, type TableKey } from './keys.ts';

/**
 * A console user's partition holds the user (by the hash of its email: sign-in comes before any
 * tenant is known) and its sessions (partner-session.ts), so one Query ends them all.
 */
export const partnerPartition = (userKey: string) => `PARTNER#${userKey}`;

/** A console user (operator, or a tenant's owner or staff), keyed by a hash of the email. */
export const partnerUser = defineEntity({
  name: 'partnerUser',
  scope: 'platform',
  key: ({ userKey }: { userKey: string }) => ({ pk: partnerPartition(userKey), sk: 'PROFILE' }),
  example: { userKey: '0123456789abcdef0123456789abcdef01234567' },
});

export type PartnerUserItem = TableKey & { user: PartnerUser };
