import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Cart, cartSchema } from '../../core/cart/model.ts';
import type { CartStore } from '../../core/cart/service.ts';
import { type CartItem, cart as cartEntity } from './entities/cart.ts';

/** A visitor's cart is deleted after this long without a change (DynamoDB's TTL). */
export const VISITOR_CART_IDLE_SECONDS = 30 * 24 * 3600;

/**
 * Carts in the single table (keys in entities/cart.ts).
 *
 * Access patterns
 * | pattern                                 | key                                                        |
 * | --------------------------------------- | ---------------------------------------------------------- |
 * | an owner's cart (every cart request)    | GetItem pk = T#<tenantId>#CART#<owner>, sk = CART (consistent) |
 * | store a change                          | Put, conditional on the version read (`version = :read`)   |
 * | merge a visitor's cart into the buyer's | TransactWrite: Put the buyer's (version check) + Delete the visitor's (version check) |
 *
 * Optimistic concurrency: every write names the version it read and stores the next; a write
 * that finds another version stored first is refused and the service re-reads and re-applies
 * its change, so two adds at once are both applied and none twice. A write whose answer was
 * lost (the SDK resent it and the resend found its own version) is recognised by its writeId.
 * Visitor carts carry a TTL, renewed on every write; an expired cart DynamoDB has not removed
 * yet reads as empty (its version kept, so the next write still checks it).
 */
export class DynamoCartStore implements CartStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly now: () => Date;

  constructor(db: DynamoDBDocumentClient, tableName: string, now: () => Date = () => new Date()) {
    this.db = db;
    this.tableName = tableName;
    this.now = now;
  }

  async get(tenantId: string, key: string): Promise<Cart> {
    const item = await this.read(tenantId, key);
    if (!item) return { lines: [], version: 0 };
    if (item.ttl !== undefined && item.ttl * 1000 <= this.now().getTime())
      return { lines: [], version: item.version };
    return cartSchema.parse({ lines: item.lines, version: item.version, updatedAt: item.updatedAt });
  }

  async put(
    tenantId: string,
    key: string,
    cart: Cart,
    expectedVersion: number,
    options: { visitor: boolean },
  ): Promise<boolean> {
    const writeId = randomUUID();
    try {
      await this.db.send(
        new PutCommand(this.putRequest(tenantId, key, cart, expectedVersion, options, writeId)),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.read(tenantId, key))?.writeId === writeId;
    }
  }

  async absorb(
    tenantId: string,
    buyer: { key: string; cart: Cart; expectedVersion: number },
    visitor: { key: string; expectedVersion: number },
  ): Promise<boolean> {
    const writeId = randomUUID();
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: this.putRequest(
                tenantId,
                buyer.key,
                buyer.cart,
                buyer.expectedVersion,
                { visitor: false },
                writeId,
              ),
            },
            {
              Delete: {
                TableName: this.tableName,
                Key: cartEntity.key({ tenantId, cartOwner: visitor.key }),
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': visitor.expectedVersion },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      return (await this.read(tenantId, buyer.key))?.writeId === writeId;
    }
  }

  private putRequest(
    tenantId: string,
    key: string,
    cart: Cart,
    expectedVersion: number,
    options: { visitor: boolean },
    writeId: string,
  ) {
    const now = this.now();
    const item: CartItem = {
      ...cartEntity.key({ tenantId, cartOwner: key }),
      lines: cart.lines,
      version: expectedVersion + 1,
      updatedAt: cart.updatedAt ?? now.toISOString(),
      writeId,
      ...(options.visitor && { ttl: Math.floor(now.getTime() / 1000) + VISITOR_CART_IDLE_SECONDS }),
    };
    return {
      TableName: this.tableName,
      Item: item,
      ...(expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':v': expectedVersion },
          }),
    };
  }

  private async read(tenantId: string, key: string): Promise<CartItem | undefined> {
    const lookup = cartEntity.lookupKey({ tenantId, cartOwner: key });
    if (!lookup) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: lookup, ConsistentRead: true }),
    );
    return Item as CartItem | undefined;
  }
}
