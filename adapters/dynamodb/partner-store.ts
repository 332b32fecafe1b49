import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PartnerInvite, PartnerStore } from '../../core/partners/accounts.ts';
import { type ConsoleSessionRecord, type PartnerUser, userKeyOf } from '../../core/partners/users.ts';
import { type PartnerInviteItem, partnerInvite } from './entities/partner-invite.ts';
import { type PartnerMemberItem, partnerMember } from './entities/partner-member.ts';
import { type PartnerSessionItem, partnerSession } from './entities/partner-session.ts';
import { type PartnerTenantItem, partnerTenant } from './entities/partner-tenant.ts';
import { type PartnerUserItem, partnerUser } from './entities/partner-user.ts';
import { deleteSessionItems, touchSessionItem } from './session-items.ts';

/**
 * Access patterns (keys in entities/partner-*.ts); `<u>` is the SHA-256 of the email (40 hex)
 * | pattern                          | key                                                                |
 * | -------------------------------- | ------------------------------------------------------------------ |
 * | create user (email unique)       | TransactWrite: Put PARTNER#<u>/PROFILE if absent (+ Put T#<t>#PARTNERS/USER#<u>) |
 * | user by email / by cookie        | GetItem pk = PARTNER#<u>, sk = PROFILE                             |
 * | a tenant's users                 | Query pk = T#<t>#PARTNERS, then BatchGet the profiles               |
 * | session by cookie                | GetItem pk = PARTNER#<u>, sk = SESSION#<sha256 of secret>           |
 * | end every session                | Query pk = PARTNER#<u>, sk begins_with SESSION#, BatchWrite deletes |
 * | the operator's tenant list     | Put / Query pk = PARTNER-TENANTS, sk = TENANT#<t>                  |
 * | invite by link                   | GetItem / conditional Delete pk = PARTNER-INVITE#<sha256>, sk = INVITE |
 * Sessions and invites expire through the table's TTL attribute; reads check expiry too.
 */
export class DynamoPartnerStore implements PartnerStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async create(user: PartnerUser): Promise<'created' | 'email-taken'> {
    const userKey = userKeyOf(user.email);
    const items = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...partnerUser.key({ userKey }), user } satisfies PartnerUserItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...(user.tenantId
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...partnerMember.key({ tenantId: user.tenantId, userKey }),
                  email: user.email,
                  role: user.role,
                  createdAt: user.createdAt,
                } satisfies PartnerMemberItem,
              },
            },
          ]
        : []),
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return 'created';
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      )
        return 'email-taken';
      throw error;
    }
  }

  byEmail(email: string): Promise<PartnerUser | undefined> {
    return this.byKey(userKeyOf(email));
  }

  async byKey(userKey: string): Promise<PartnerUser | undefined> {
    const key = partnerUser.lookupKey({ userKey });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return (Item as PartnerUserItem | undefined)?.user;
  }

  async ofTenant(tenantId: string): Promise<PartnerUser[]> {
    const query = partnerMember.lookupQuery({ tenantId });
    if (!query) return [];
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': query.pk, ':prefix': query.skPrefix },
        ConsistentRead: true,
      }),
    );
    const members = (Items ?? []) as PartnerMemberItem[];
    if (members.length === 0) return [];
    const users: PartnerUser[] = [];
    for (let i = 0; i < members.length; i += 100) {
      const keys = members.slice(i, i + 100).map((m) => partnerUser.key({ userKey: userKeyOf(m.email) }));
      const { Responses } = await this.db.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of (Responses?.[this.tableName] ?? []) as PartnerUserItem[]) users.push(item.user);
    }
    return users.sort((a, b) => a.email.localeCompare(b.email));
  }

  async setPasswordHash(email: string, passwordHash: string, updatedAt: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: partnerUser.key({ userKey: userKeyOf(email) }),
        UpdateExpression: 'SET #user.#hash = :hash, #user.#updatedAt = :updatedAt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#user': 'user', '#hash': 'passwordHash', '#updatedAt': 'updatedAt' },
        ExpressionAttributeValues: { ':hash': passwordHash, ':updatedAt': updatedAt },
      }),
    );
  }

  async saveSession(session: ConsoleSessionRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: this.sessionItem(session),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async session(userKey: string, sessionId: string): Promise<ConsoleSessionRecord | undefined> {
    const key = partnerSession.lookupKey({ userKey, sessionId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return (Item as PartnerSessionItem | undefined)?.session;
  }

  async touchSession(session: ConsoleSessionRecord): Promise<void> {
    // Signed out between the read and this write: it stays signed out.
    await touchSessionItem(this.db, this.tableName, this.sessionItem(session));
  }

  async deleteSession(userKey: string, sessionId: string): Promise<void> {
    const key = partnerSession.lookupKey({ userKey, sessionId });
    if (key) await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
  }

  async deleteSessions(userKey: string): Promise<number> {
    const query = partnerSession.lookupQuery({ userKey });
    return query ? deleteSessionItems(this.db, this.tableName, query) : 0;
  }

  async saveInvite(invite: PartnerInvite): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...partnerInvite.key({ inviteId: invite.inviteId }),
          invite,
          ttl: Math.ceil(Date.parse(invite.expiresAt) / 1000),
        } satisfies PartnerInviteItem,
      }),
    );
  }

  async invite(inviteId: string): Promise<PartnerInvite | undefined> {
    const key = partnerInvite.lookupKey({ inviteId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return (Item as PartnerInviteItem | undefined)?.invite;
  }

  async consumeInvite(inviteId: string): Promise<boolean> {
    const key = partnerInvite.lookupKey({ inviteId });
    if (!key) return false;
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async recordTenant(tenantId: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...partnerTenant.key({ tenantId }), tenantId } satisfies PartnerTenantItem,
      }),
    );
  }

  async knownTenants(): Promise<string[]> {
    const query = partnerTenant.lookupQuery({});
    if (!query) return [];
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': query.pk, ':prefix': query.skPrefix },
          ...(start && { ExclusiveStartKey: start }),
        }),
      );
      for (const item of (page.Items ?? []) as PartnerTenantItem[]) ids.push(item.tenantId);
      start = page.LastEvaluatedKey;
    } while (start);
    return ids;
  }

  private sessionItem(session: ConsoleSessionRecord): PartnerSessionItem {
    return {
      ...partnerSession.key({ userKey: session.userKey, sessionId: session.sessionId }),
      session,
      ttl: Math.ceil(Date.parse(session.expiresAt) / 1000),
    };
  }
}
