import { gunzipSync, gzipSync } from 'node:zlib';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Offer, OfferOverride } from '../../core/catalog/model.ts';
import { offerOverrideSchema } from '../../core/catalog/model.ts';
import type { OverrideRecord } from '../../core/catalog/overrides.ts';
import type { StaleTranslation } from '../../core/catalog/translation.ts';
import type { AuditRecord } from '../../core/tenants/admin-service.ts';
import { backoff, batchGetAll, batchWriteAll, forEachLimited } from './batch.ts';
import { type AuditRecordItem, auditRecord } from './entities/audit-record.ts';
import { type OfferItem, offer as offerEntity } from './entities/offer.ts';
import { type OfferOverrideItem, offerOverride, tenantOverridesMark } from './entities/offer-override.ts';
import { type OfferStockItem, offerStock } from './entities/sku-stock.ts';
import { type TranslationTaskItem, translationTask } from './entities/translation-task.ts';

/** Offers per import transaction: one conditional Put each (the offer item holds its stock). */
const MAX_TRANSACTION = 100;
/** Rounds of resending a transaction cancelled only by conflicts with other transactions. */
const CONFLICT_ROUNDS = 8;

/**
 * Offers in the single table. The catalog is shared by all tenants (supply is global, platform
 * data); what a tenant changes for its own site lives under its `T#<tenantId>#` prefix. Keys
 * are declared in entities/offer.ts, offer-override.ts and translation-task.ts.
 *
 * Access patterns
 * | pattern                                   | key                                                   |
 * | ----------------------------------------- | ----------------------------------------------------- |
 * | offer by id with its SKUs (one Query)     | Query pk = OFFER#<offerId>  (sk OFFER holds the SKUs) |
 * | current versions of many offers (import)  | BatchGet pk = OFFER#<id>, sk = OFFER (version only)   |
 * | save offers, newer versions only (import) | TransactWrite of conditional Puts, 100 at a time      |
 * | a tenant's override of one offer          | GetItem pk = T#<tenantId>#OFFER#<offerId>, sk = OVERRIDE |
 * | an offer and a tenant's override (page)   | BatchGet of the offer's key and the override's key    |
 * | overrides of a page of offers (search)    | BatchGet of the keys above                            |
 * | has the tenant ever saved an override?    | GetItem pk = T#<tenantId>#TENANT, sk = OVERRIDES (consistent) |
 * | save or delete an override, audited       | TransactWrite: Put/Delete of the key above + audit Put under T#<tenantId>#TENANT (+ the tenant's overrides mark on a save) |
 * | translation queue of a locale, oldest 1st | Query pk = TRANSLATE#<locale>, sk = <queuedAt>#<offer>#<field> |
 * | an offer's stock (cart, offer page)       | the offer item's `stock` map (pk = OFFER#<offerId>, sk = OFFER) |
 * | stock of some SKUs (checkout's check)     | GetItem of that item, `stock` only (`stockOf`)         |
 * | set stock to the feed's (import)          | in the offer's own conditional Put (newer versions only) |
 *
 * An offer and its SKUs are one item: an offer's SKUs are read and replaced together (a
 * feed line carries them all), one item keeps the version check atomic, and DynamoDB Local
 * writes items one by one (a few hundred a second), so one item per offer is what makes a
 * 100k-offer import take minutes rather than most of an hour. Stock is in the same item too:
 * a `stock` map, a count per SKU (entities/sku-stock.ts), which checkout decrements with one
 * conditional update per offer. (One stock item per SKU made the import six times slower, one
 * stock item per offer 2.3 times: DynamoDB Local's cost is per item.) The import's Put is
 * conditional on `version < :new`: an older or equal version never replaces a newer one, even
 * with two imports racing, so stock is reset to the feed's counts only by a newer version.
 *
 * A key value no stored item can have (over DynamoDB's key limits, or with a `#`) is never
 * sent: reads find nothing, a write answers NOT_FOUND (entities/keys.ts).
 */
/**
 * The offer itself is stored as gzip-compressed JSON in one binary attribute: a 1688 offer with
 * four languages and its SKUs is 4–5 KB as a DynamoDB map and about a third of that
 * compressed, which is a third of the write capacity (and of the stream record) per import,
 * and DynamoDB Local writes it several times faster. Keys and the version stay plain
 * attributes for conditions and BatchGet projections.
 */
function encodeOffer(offer: Offer): Uint8Array {
  return gzipSync(JSON.stringify(offer));
}

function decodeOffer(item: Record<string, unknown>): Offer {
  // Items written before the compressed body kept the offer as a map.
  if (item.offer) return item.offer as Offer;
  return JSON.parse(gunzipSync(item.body as Uint8Array).toString('utf8')) as Offer;
}

/** Offers in the order given, in groups of one transaction each. */
function packTransactions(offers: Offer[]): Offer[][] {
  return Array.from({ length: Math.ceil(offers.length / MAX_TRANSACTION) }, (_, i) =>
    offers.slice(i * MAX_TRANSACTION, (i + 1) * MAX_TRANSACTION),
  );
}

/**
 * The offer with each SKU's stock from the item's `stock` map (the feed's count until checkout
 * decrements it); an SKU the map does not count (an offer stored before stock counts) keeps the
 * count its body holds.
 */
function withLiveStock(offer: Offer, item: Record<string, unknown>): Offer {
  const live = (item as Partial<OfferStockItem>).stock;
  if (!live) return offer;
  return {
    ...offer,
    skus: offer.skus.map((sku) => {
      const stock = live[sku.skuId];
      return typeof stock === 'number' ? { ...sku, stock } : sku;
    }),
  };
}

export interface StoredVersion {
  version: number;
  skuIds: string[];
}

export type SaveOutcome = 'written' | 'conflict';

export class DynamoOfferRepository {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  /** The offer with its SKUs and their live stock: one GetItem of its item. */
  async get(offerId: string): Promise<Offer | undefined> {
    const key = offerEntity.lookupKey({ offerId });
    if (!key) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key }));
    // An item holding stock counts but no offer (never imported) is no offer.
    if (!Item || (Item.body === undefined && Item.offer === undefined)) return undefined;
    return withLiveStock(decodeOffer(Item), Item);
  }

  /**
   * The offer (with its live stock) and one tenant's override of it, in one BatchGetItem (the
   * offer page): one request where two GetItems at once cost two signatures, two round trips and
   * the slower of two reads (bench/storefront-steps.ts: p95 of the pair about halved).
   */
  async getWithOverride(
    tenantId: string,
    offerId: string,
  ): Promise<{ offer: Offer | undefined; override: OfferOverride | undefined }> {
    const offerKey = offerEntity.lookupKey({ offerId });
    const overrideKey = offerOverride.lookupKey({ tenantId, offerId });
    if (!offerKey) return { offer: undefined, override: undefined };
    const items = await batchGetAll(
      this.db,
      this.tableName,
      overrideKey ? [offerKey, overrideKey] : [offerKey],
    );
    const item = items.find((i) => i.pk === offerKey.pk && i.sk === offerKey.sk);
    const overrideItem = overrideKey && items.find((i) => i.pk === overrideKey.pk && i.sk === overrideKey.sk);
    return {
      offer:
        item && (item.body !== undefined || item.offer !== undefined)
          ? withLiveStock(decodeOffer(item), item)
          : undefined,
      override: overrideItem ? (overrideItem as unknown as OfferOverrideItem).override : undefined,
    };
  }

  /**
   * The stored offers among `offerIds`, with their live stock, in BatchGetItem calls of 100
   * (unprocessed keys resent, batch.ts); an id the table does not hold is left out.
   */
  async getMany(offerIds: string[]): Promise<Offer[]> {
    const keys = [...new Set(offerIds)].flatMap((offerId) => offerEntity.lookupKey({ offerId }) ?? []);
    const items = await batchGetAll(this.db, this.tableName, keys);
    return items
      .filter((item) => item.body !== undefined || item.offer !== undefined)
      .map((item) => withLiveStock(decodeOffer(item), item));
  }

  /**
   * The units in stock of some SKUs of an offer (its item's stock map, one GetItem); an SKU with no
   * count is absent. Stock is checked here, not reserved: checkout decrements the counts with
   * `stock.<skuId> >= :q` conditions (`stockUpdate`, entities/sku-stock.ts).
   */
  async stockOf(offerId: string, skuIds: string[]): Promise<Map<string, number>> {
    const key = offerStock.lookupKey({ offerId });
    if (!key || skuIds.length === 0) return new Map();
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ProjectionExpression: 'stock' }),
    );
    const counts = (Item as Pick<OfferStockItem, 'stock'> | undefined)?.stock ?? {};
    return new Map(
      [...new Set(skuIds)].flatMap((skuId) =>
        typeof counts[skuId] === 'number' ? [[skuId, counts[skuId]] as const] : [],
      ),
    );
  }

  /** Current version and SKU ids of each stored offer among `offerIds`. */
  async versions(offerIds: string[]): Promise<Map<string, StoredVersion>> {
    const keys = [...new Set(offerIds)].map((offerId) => offerEntity.key({ offerId }));
    const items = await batchGetAll(this.db, this.tableName, keys, {
      expression: '#id, #v, #s',
      names: { '#id': 'offerId', '#v': 'version', '#s': 'skuIds' },
    });
    return new Map(
      items
        .filter((i) => typeof i.version === 'number')
        .map((i) => [String(i.offerId), { version: Number(i.version), skuIds: i.skuIds as string[] }]),
    );
  }

  /**
   * Saves offers in transactions of up to 100 conditional Puts, one item per offer with its
   * stock map: each Put is conditional on a newer version, so stock is set to the feed's counts
   * exactly when that version is written (an older or equal version, or a replay, never
   * overwrites it or a checkout's decrements). One transaction of 100 rather than 100 calls:
   * DynamoDB Local's cost per call is several times its cost per item. When some condition
   * fails (a newer or equal version was stored in the meantime) DynamoDB cancels the transaction
   * and names the actions; their offers are marked `conflict` and the rest is written again.
   */
  async save(offers: { offer: Offer }[], concurrency = 2): Promise<Map<string, SaveOutcome>> {
    const outcomes = new Map<string, SaveOutcome>();
    await forEachLimited(packTransactions(offers.map((o) => o.offer)), concurrency, async (group) => {
      let pending = group;
      for (let round = 0; pending.length > 0; round++) {
        if (round >= CONFLICT_ROUNDS)
          throw new Error(`offer transaction still conflicting after ${round} rounds`);
        try {
          await this.db.send(
            new TransactWriteCommand({ TransactItems: pending.map((offer) => this.putOffer(offer)) }),
          );
          for (const offer of pending) outcomes.set(offer.offerId, 'written');
          pending = [];
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          const failed = new Set(
            pending.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((o) => o.offerId),
          );
          for (const id of failed) outcomes.set(id, 'conflict');
          pending = pending.filter((o) => !failed.has(o.offerId));
          // Only conflicts with other transactions (TransactionConflict) remain: not a failed
          // call the SDK would retry, but a cancelled one; back off and send it again.
          if (failed.size === 0) await backoff(round + 1);
        }
      }
    });
    return outcomes;
  }

  private putOffer(offer: Offer) {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...offerEntity.key({ offerId: offer.offerId }),
          offerId: offer.offerId,
          version: offer.version,
          listed: offer.listed,
          skuIds: offer.skus.map((s) => s.skuId),
          stock: Object.fromEntries(offer.skus.map((sku) => [sku.skuId, sku.stock])),
          body: encodeOffer(offer),
        } satisfies OfferItem,
        // An item with stock counts but no version yet (set before any import) is replaced too.
        ConditionExpression: 'attribute_not_exists(#v) OR #v < :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': offer.version },
      },
    };
  }

  /** Queues translations that are missing or made from an older source. */
  async enqueueTranslations(
    items: (StaleTranslation & { offerId: string })[],
    queuedAt = new Date().toISOString(),
  ): Promise<void> {
    await batchWriteAll(
      this.db,
      this.tableName,
      items.map((item) => ({
        PutRequest: {
          Item: {
            ...translationTask.key({
              locale: item.locale,
              queuedAt,
              offerId: item.offerId,
              field: item.field,
            }),
            offerId: item.offerId,
            field: item.field,
            locale: item.locale,
            sourceDigest: item.sourceDigest,
          } satisfies TranslationTaskItem,
        },
      })),
    );
  }

  /** The oldest queued translations of a locale. */
  async translationQueue(locale: string, limit = 100): Promise<(StaleTranslation & { offerId: string })[]> {
    const query = translationTask.lookupQuery({ locale });
    if (!query) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': query.pk },
        Limit: limit,
      }),
    );
    return Items.map((i) => ({
      offerId: String(i.offerId),
      field: String(i.field),
      locale: i.locale as StaleTranslation['locale'],
      sourceDigest: String(i.sourceDigest),
    }));
  }

  /** Replaces the tenant's override of an offer; NOT_FOUND for ids no tenant or offer can have. */
  async putOverride(tenantId: string, offerId: string, override: OfferOverride): Promise<void> {
    const key = offerOverride.key({ tenantId, offerId });
    const valid = offerOverrideSchema.parse(override);
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...key, offerId, override: valid } satisfies OfferOverrideItem,
            },
          },
          this.markOverrides(tenantId),
        ],
      }),
    );
  }

  async getOverride(tenantId: string, offerId: string): Promise<OfferOverride | undefined> {
    const key = offerOverride.lookupKey({ tenantId, offerId });
    if (!key) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return Item ? (Item as OfferOverrideItem).override : undefined;
  }

  /**
   * Replaces (or, with `undefined`, deletes) a tenant's override of an offer with the source
   * digests it was written against, and appends its audit record: one transaction.
   */
  async saveOverride(
    tenantId: string,
    offerId: string,
    record: OverrideRecord | undefined,
    audit: AuditRecord,
  ): Promise<void> {
    const key = offerOverride.key({ tenantId, offerId });
    const change = record
      ? {
          Put: {
            TableName: this.tableName,
            Item: {
              ...key,
              offerId,
              override: offerOverrideSchema.parse(record.override),
              ...(record.sources && { sources: record.sources }),
            } satisfies OfferOverrideItem,
          },
        }
      : { Delete: { TableName: this.tableName, Key: key } };
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          change,
          ...(record ? [this.markOverrides(tenantId)] : []),
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...auditRecord.key({ tenantId, at: audit.at, suffix: `override-${offerId}` }),
                ...audit,
              } satisfies AuditRecordItem,
            },
          },
        ],
      }),
    );
  }

  /** The tenant's overrides mark, set once (its first save's time kept). */
  private markOverrides(tenantId: string) {
    return {
      Update: {
        TableName: this.tableName,
        Key: tenantOverridesMark.key({ tenantId }),
        UpdateExpression: 'SET since = if_not_exists(since, :now)',
        ExpressionAttributeValues: { ':now': new Date().toISOString() },
      },
    };
  }

  /** True when the tenant has ever saved an override (its mark, read strongly consistent). */
  async hasOverrides(tenantId: string): Promise<boolean> {
    const key = tenantOverridesMark.lookupKey({ tenantId });
    if (!key) return false;
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: true,
        ProjectionExpression: 'pk',
      }),
    );
    return Item !== undefined;
  }

  /** Overrides of a tenant for several offers with the sources their wording was written against. */
  async overrideRecordsFor(tenantId: string, offerIds: string[]): Promise<Map<string, OverrideRecord>> {
    const keys = [...new Set(offerIds)]
      .map((offerId) => offerOverride.lookupKey({ tenantId, offerId }))
      .filter((key) => key !== undefined);
    if (keys.length === 0) return new Map();
    const items = (await batchGetAll(this.db, this.tableName, keys)) as unknown as OfferOverrideItem[];
    return new Map(
      items.map((i) => [i.offerId, { override: i.override, ...(i.sources && { sources: i.sources }) }]),
    );
  }

  /** Overrides of a tenant for several offers (a search page), in one BatchGet. */
  async overridesFor(tenantId: string, offerIds: string[]): Promise<Map<string, OfferOverride>> {
    const keys = [...new Set(offerIds)]
      .map((offerId) => offerOverride.lookupKey({ tenantId, offerId }))
      .filter((key) => key !== undefined);
    if (keys.length === 0) return new Map();
    const items = (await batchGetAll(this.db, this.tableName, keys)) as unknown as OfferOverrideItem[];
    return new Map(items.map((i) => [i.offerId, i.override]));
  }
}
