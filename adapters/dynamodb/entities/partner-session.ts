import type { ConsoleSessionRecord } from '../../../core/partners/users.ts';
import { defineEntity, type TableKey } from './keys.ts';
import { partnerPartition } from './partner-user.ts';

/**
 * A console session, in its user's partition, keyed by the SHA-256 of the cookie's secret.
 * Expires through the table's TTL; reads check `expiresAt` too.
 */
export const partnerSession = defineEntity({
  name: 'partnerSession',
  scope: 'platform',
  key: ({ userKey, sessionId }: { userKey: string; sessionId: string }) => ({
    pk: partnerPartition(userKey),
    sk: `SESSION#${sessionId}`,
  }),
  query: ({ userKey }: { userKey: string }) => ({ pk: partnerPartition(userKey), skPrefix: 'SESSION#' }),
  example: {
    userKey: '0123456789abcdef0123456789abcdef01234567',
    sessionId: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  },
});

export type PartnerSessionItem = TableKey & { session: ConsoleSessionRecord; ttl: number };
