import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { BuyerProfile, BuyerRecord, BuyerStore, PasswordReset } from '../../core/buyers/accounts.ts';
import type { SessionRecord } from '../../core/buyers/sessions.ts';
import { type BuyerItem, buyer as buyerEntity } from './entities/buyer.ts';
import { type BuyerEmailItem, buyerEmail } from './entities/buyer-email.ts';
import { type BuyerSessionItem, buyerSession } from './entities/buyer-session.ts';
import { type PasswordResetItem, passwordReset } from './entities/password-reset.ts';
import { deleteSessionItems, touchSessionItem } from './session-items.ts';

/**
 * Access patterns (keys in entities/buyer.ts, buyer-email.ts, buyer-session.ts, password-reset.ts)
 * | pattern                               | key                                                             |
 * | ------------------------------------- | --------------------------------------------------------------- |
 * | register (email unique per tenant)    | TransactWrite: Put T#<t>#BUYER-EMAIL#<email>/EMAIL if absent + Put T#<t>#BUYER#<id>/PROFILE if absent |
 * | buyer by email (sign-in, reset)       | GetItem the email claim, then GetItem the profile                |
 * | buyer by id (me)                      | GetItem pk = T#<t>#BUYER#<id>, sk = PROFILE                      |
 * | session by cookie (every request)     | GetItem pk = T#<t>#BUYER#<id>, sk = SESSION#<sha256 of secret>   |
 * | record a session's use (hourly)       | UpdateItem, same key, if it still exists                         |
 * | sign out everywhere                   | Query pk = T#<t>#BUYER#<id>, sk begins_with SESSION#, then BatchWrite deletes |
 * | pending password reset                | Get / Put / conditional Delete pk = T#<t>#BUYER#<id>, sk = RESET |
 * Sessions and resets expire through the table's TTL attribute; reads check their expiry too.
 * Every key starts with the tenant: a session or email of another site is simply not found.
 */
export class DynamoBuyerStore implements BuyerStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async create(buyer: BuyerRecord): Promise<'created' | 'email-taken'> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...buyerEmail.key({ tenantId: buyer.tenantId, email: buyer.email }),
                  buyerId: buyer.buyerId,
                } satisfies BuyerEmailItem,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...buyerEntity.key({ tenantId: buyer.tenantId, buyerId: buyer.buyerId }),
                  buyer,
                } satisfies BuyerItem,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return 'created';
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        return 'email-taken';
      }
      throw error;
    }
  }

  async byId(tenantId: string, buyerId: string): Promise<BuyerRecord | undefined> {
    const key = buyerEntity.lookupKey({ tenantId, buyerId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return (Item as BuyerItem | undefined)?.buyer;
  }

  async byEmail(tenantId: string, email: string): Promise<BuyerRecord | undefined> {
    const key = buyerEmail.lookupKey({ tenantId, email });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    const claim = Item as BuyerEmailItem | undefined;
    return claim ? this.byId(tenantId, claim.buyerId) : undefined;
  }

  async updateProfile(
    tenantId: string,
    buyerId: string,
    changes: Partial<BuyerProfile>,
    remove: readonly (keyof BuyerProfile)[],
    updatedAt: string,
  ): Promise<BuyerRecord | undefined> {
    const key = buyerEntity.lookupKey({ tenantId, buyerId });
    if (!key) return undefined;
    const names: Record<string, string> = { '#buyer': 'buyer', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':updatedAt': updatedAt };
    const sets = ['#buyer.#updatedAt = :updatedAt'];
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#buyer.#${field} = :${field}`);
    }
    for (const field of remove) names[`#${field}`] = field;
    const removes = remove.map((field) => `#buyer.#${field}`);
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return (Attributes as BuyerItem | undefined)?.buyer;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async setPasswordHash(tenantId: string, buyerId: string, passwordHash: string, updatedAt: string) {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: buyerEntity.key({ tenantId, buyerId }),
        UpdateExpression: 'SET #buyer.#hash = :hash, #buyer.#updatedAt = :updatedAt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#buyer': 'buyer', '#hash': 'passwordHash', '#updatedAt': 'updatedAt' },
        ExpressionAttributeValues: { ':hash': passwordHash, ':updatedAt': updatedAt },
      }),
    );
  }

  async saveSession(session: SessionRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: this.sessionItem(session),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async session(tenantId: string, buyerId: string, sessionId: string): Promise<SessionRecord | undefined> {
    const key = buyerSession.lookupKey({ tenantId, buyerId, sessionId });
    if (!key) return undefined;
    // Strongly consistent: a session ended a moment ago must not be accepted by another request.
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return (Item as BuyerSessionItem | undefined)?.session;
  }

  async touchSession(session: SessionRecord): Promise<void> {
    // Signed out between the read and this write: it stays signed out.
    await touchSessionItem(this.db, this.tableName, this.sessionItem(session));
  }

  async deleteSession(tenantId: string, buyerId: string, sessionId: string): Promise<void> {
    const key = buyerSession.lookupKey({ tenantId, buyerId, sessionId });
    if (key) await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
  }

  async deleteSessions(tenantId: string, buyerId: string): Promise<number> {
    const query = buyerSession.lookupQuery({ tenantId, buyerId });
    return query ? deleteSessionItems(this.db, this.tableName, query) : 0;
  }

  async saveReset(reset: PasswordReset): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...passwordReset.key({ tenantId: reset.tenantId, buyerId: reset.buyerId }),
          ...reset,
          ttl: Math.ceil(Date.parse(reset.expiresAt) / 1000),
        } satisfies PasswordResetItem,
      }),
    );
  }

  async reset(tenantId: string, buyerId: string): Promise<PasswordReset | undefined> {
    const key = passwordReset.lookupKey({ tenantId, buyerId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { tenantId: t, buyerId: b, codeHash, expiresAt, attempts } = Item as PasswordResetItem;
    return { tenantId: t, buyerId: b, codeHash, expiresAt, attempts: Number(attempts) };
  }

  async consumeReset(tenantId: string, buyerId: string, codeHash: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: passwordReset.key({ tenantId, buyerId }),
          ConditionExpression: 'codeHash = :hash',
          ExpressionAttributeValues: { ':hash': codeHash },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async countResetFailure(tenantId: string, buyerId: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: passwordReset.key({ tenantId, buyerId }),
          UpdateExpression: 'ADD attempts :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private sessionItem(session: SessionRecord): BuyerSessionItem {
    return {
      ...buyerSession.key({
        tenantId: session.tenantId,
        buyerId: session.buyerId,
        sessionId: session.sessionId,
      }),
      session,
      ttl: Math.ceil(Date.parse(session.expiresAt) / 1000),
    };
  }
}
