import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Offer, OfferOverride, Sku } from '../../core/catalog/model.ts';
import { offerOverrideSchema } from '../../core/catalog/model.ts';
import type { StaleTranslation } from '../../core/catalog/translation.ts';
import { backoff, batchGetAll, batchWriteAll, forEachLimited } from './batch.ts';
import { type OfferItem, offer as offerEntity } from './entities/offer.ts';
import { type OfferOverrideItem, offerOverride } from './entities/offer-override.ts';
import { type SkuStockItem, skuStock } from './entities/sku-stock.ts';
import { type TranslationTaskItem, translationTask } from './entities/translation-task.ts';

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
 * | overrides of a page of offers (search)    | BatchGet of the keys above                            |
 * | translation queue of a locale, oldest 1st | Query pk = TRANSLATE#<locale>, sk = <queuedAt>#<offer>#<field> |
 * | an SKU's stock (cart, offer page)         | in the offer's Query: pk = OFFER#<offerId>, sk = STOCK#<skuId> |
 * | stock of some SKUs (checkout's check)     | BatchGet of the keys above (`stockOf`)                |
 * | set stock to the feed's (import)          | a Put per SKU in the offer's own conditional transaction |
 *
 * An offer and its SKUs are one item: an offer's SKUs are read and replaced together (a
 * feed line carries them all), one item keeps the version check atomic, and DynamoDB Local
 * writes items one by one (a few hundred a second), so one item per offer is what makes a
 * 100k-offer import take minutes rather than most of an hour. Stock is the exception: one
 * small item per SKU (entities/sku-stock.ts) in the offer's partition, so checkout decrements
 * each SKU with its own condition and the offer's Query still reads them with it.
 * Writes are conditional on `version < :new`: an older or equal version never replaces a
 * newer one, even with two imports racing.
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

/** The SKUs whose stock records ride in the offer's own transaction (the rest follow it). */
function inlineStock(offer: Offer): Sku[] {
  return offer.skus.slice(0, MAX_TRANSACTION - 1);
}

/** Offers in the order given, grouped so that each group's actions fit one transaction. */
function packTransactions(offers: Offer[]): Offer[][] {
  const groups: Offer[][] = [];
  let current: Offer[] = [];
  let actions = 0;
  for (const offer of offers) {
    const size = 1 + inlineStock(offer).length;
    if (actions + size > MAX_TRANSACTION && current.length > 0) {
      groups.push(current);
      current = [];
      actions = 0;
    }
    current.push(offer);
    actions += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The offer with each SKU's stock from its stock record (the feed's count until checkout
 * decrements it); an SKU without a record (an offer stored before stock records) keeps the
 * count its body holds.
 */
function withLiveStock(offer: Offer, items: Record<string, unknown>[]): Offer {
  const live = new Map(
    items
      .filter((i) => typeof i.skuId === 'string' && typeof i.stock === 'number')
      .map((i) => [i.skuId, i.stock]),
  );
  if (live.size === 0) return offer;
  return {
    ...offer,
    skus: offer.skus.map((sku) => {
      const stock = live.get(sku.skuId) as number | undefined;
      return stock === undefined ? sku : { ...sku, stock };
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

  /** The offer with its SKUs, in one Query of its partition. */
  async get(offerId: string): Promise<Offer | undefined> {
    const key = offerEntity.lookupKey({ offerId });
    if (!key) return undefined;
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key.pk },
      }),
    );
    const head = Items.find((i) => i.sk === key.sk);
    if (!head) return undefined;
    return withLiveStock(decodeOffer(head), Items as Record<string, unknown>[]);
  }

  /**
   * The units in stock of some SKUs of an offer (the stock records, one BatchGet); an SKU with
   * no record is absent. Stock is checked here, not reserved: checkout decrements each record
   * with `ConditionExpression: stock >= :q` (keys from `stockKey`, entities/sku-stock.ts).
   */
  async stockOf(offerId: string, skuIds: string[]): Promise<Map<string, number>> {
    const keys = [...new Set(skuIds)]
      .map((skuId) => skuStock.lookupKey({ offerId, skuId }))
      .filter((k) => k !== undefined);
    if (keys.length === 0) return new Map();
    const items = await batchGetAll(this.db, this.tableName, keys, {
      expression: '#sku, #stock',
      names: { '#sku': 'skuId', '#stock': 'stock' },
    });
    return new Map(items.map((i) => [String(i.skuId), Number(i.stock)]));
  }

  /** Current version and SKU ids of each stored offer among `offerIds`. */
  async versions(offerIds: string[]): Promise<Map<string, StoredVersion>> {
    const keys = [...new Set(offerIds)].map((offerId) => offerEntity.key({ offerId }));
    const items = await batchGetAll(this.db, this.tableName, keys, {
      expression: '#id, #v, #s',
      names: { '#id': 'offerId', '#v': 'version', '#s': 'skuIds' },
    });
    return new Map(
      items.map((i) => [String(i.offerId), { version: Number(i.version), skuIds: i.skuIds as string[] }]),
    );
  }

  /**
   * Saves offers, each with its SKUs' stock records, in transactions of up to 100 actions: the
   * offer's put is conditional on a newer version, and its stock puts ride in the same
   * transaction, so stock is set to the feed's value exactly when that version is written (an
   * older or equal version, or a checkout's decrements, are never overwritten by a replay).
   * When some condition fails (a newer or equal version was stored in the meantime) DynamoDB
   * cancels the transaction and names the actions; their offers are marked `conflict` and the
   * rest is written again. An offer with more SKUs than one transaction holds writes the rest of
   * its stock records right after, each conditional on not being from a newer version.
   */
  async save(offers: { offer: Offer }[], concurrency = 2): Promise<Map<string, SaveOutcome>> {
    const outcomes = new Map<string, SaveOutcome>();
    await forEachLimited(packTransactions(offers.map((o) => o.offer)), concurrency, async (group) => {
      let pending = group;
      for (let round = 0; pending.length > 0; round++) {
        if (round >= CONFLICT_ROUNDS)
          throw new Error(`offer transaction still conflicting after ${round} rounds`);
        const actions = pending.flatMap((offer) => [
          { offerId: offer.offerId, action: this.putOffer(offer) },
          ...inlineStock(offer).map((sku) => ({ offerId: offer.offerId, action: this.putStock(offer, sku) })),
        ]);
        try {
          await this.db.send(new TransactWriteCommand({ TransactItems: actions.map((a) => a.action) }));
          for (const offer of pending) outcomes.set(offer.offerId, 'written');
          pending = [];
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          const failed = new Set(
            actions.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((a) => a.offerId),
          );
          for (const id of failed) outcomes.set(id, 'conflict');
          pending = pending.filter((o) => !failed.has(o.offerId));
          // Only conflicts with other transactions (TransactionConflict) remain: not a failed
          // call the SDK would retry, but a cancelled one; back off and send it again.
          if (failed.size === 0) await backoff(round + 1);
        }
      }
      for (const offer of group) {
        if (outcomes.get(offer.offerId) === 'written') await this.putOverflowStock(offer);
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
          body: encodeOffer(offer),
        } satisfies OfferItem,
        ConditionExpression: 'attribute_not_exists(pk) OR #v < :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': offer.version },
      },
    };
  }

  private putStock(offer: Offer, sku: Sku) {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...skuStock.key({ offerId: offer.offerId, skuId: sku.skuId }),
          offerId: offer.offerId,
          skuId: sku.skuId,
          stock: sku.stock,
          feedVersion: offer.version,
        } satisfies SkuStockItem,
      },
    };
  }

  /** The stock records of an offer's SKUs beyond the first transaction's room. */
  private async putOverflowStock(offer: Offer): Promise<void> {
    const rest = offer.skus.slice(MAX_TRANSACTION - 1);
    await forEachLimited(rest, 4, async (sku) => {
      try {
        await this.db.send(
          new PutCommand({
            ...this.putStock(offer, sku).Put,
            ConditionExpression: 'attribute_not_exists(pk) OR #fv <= :v',
            ExpressionAttributeNames: { '#fv': 'feedVersion' },
            ExpressionAttributeValues: { ':v': offer.version },
          }),
        );
      } catch (error) {
        // A newer version of the offer was written meanwhile, with its own stock.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    });
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
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key, offerId, override: valid } satisfies OfferOverrideItem,
      }),
    );
  }

  async getOverride(tenantId: string, offerId: string): Promise<OfferOverride | undefined> {
    const key = offerOverride.lookupKey({ tenantId, offerId });
    if (!key) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return Item ? (Item as OfferOverrideItem).override : undefined;
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
