import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Offer, OfferOverride, Sku } from '../../core/catalog/model.ts';
import { offerOverrideSchema } from '../../core/catalog/model.ts';
import type { StaleTranslation } from '../../core/catalog/translation.ts';
import { batchGetAll, batchWriteAll, inParallel } from './batch.ts';

/**
 * Offers in the single table. The catalog is shared by all tenants (supply is global); what a
 * tenant changes for its own site lives under its `T#<tenantId>` key.
 *
 * Access patterns
 * | pattern                                   | key                                                  |
 * | ----------------------------------------- | ---------------------------------------------------- |
 * | offer by id with its SKUs (one Query)     | pk = OFFER#<offerId>  (sk OFFER, sk SKU#<skuId> …)   |
 * | current versions of many offers (import)  | BatchGet pk = OFFER#<id>, sk = OFFER (version only)   |
 * | a tenant's overrides of one offer         | pk = T#<tenantId>, sk = OVERRIDE#OFFER#<offerId>      |
 * | translation queue of a locale, oldest 1st | pk = TRANSLATE#<locale>, sk = <queuedAt>#<offer>#<f>  |
 *
 * The offer item (sk OFFER) is the commit point of an import: it is written last, with the
 * condition `version < :new`, so an older or equal version never replaces a newer one. It
 * lists the SKU ids of its version; SKU items of other versions are ignored on read.
 */
export const offerKeys = {
  offer: (offerId: string) => ({ pk: `OFFER#${offerId}`, sk: 'OFFER' }),
  sku: (offerId: string, skuId: string) => ({ pk: `OFFER#${offerId}`, sk: `SKU#${skuId}` }),
  override: (tenantId: string, offerId: string) => ({ pk: `T#${tenantId}`, sk: `OVERRIDE#OFFER#${offerId}` }),
  translationQueue: (locale: string, queuedAt: string, offerId: string, field: string) => ({
    pk: `TRANSLATE#${locale}`,
    sk: `${queuedAt}#${offerId}#${field}`,
  }),
};

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

  /** The offer with the SKUs of its current version, in one Query. */
  async get(offerId: string): Promise<Offer | undefined> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': offerKeys.offer(offerId).pk },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const head = items.find((i) => i.sk === 'OFFER');
    if (!head) return undefined;
    const skuIds = head.skuIds as string[];
    const skus = new Map(
      items.filter((i) => String(i.sk).startsWith('SKU#')).map((i) => [(i.sku as Sku).skuId, i.sku as Sku]),
    );
    return {
      ...(head.offer as Omit<Offer, 'skus'>),
      skus: skuIds.map((id) => skus.get(id)).filter((s): s is Sku => s !== undefined),
    };
  }

  /** Current version and SKU ids of each stored offer among `offerIds`. */
  async versions(offerIds: string[]): Promise<Map<string, StoredVersion>> {
    const items = await batchGetAll(this.db, this.tableName, [...new Set(offerIds)].map(offerKeys.offer), {
      expression: '#id, #v, #s',
      names: { '#id': 'offerId', '#v': 'version', '#s': 'skuIds' },
    });
    return new Map(
      items.map((i) => [String(i.offerId), { version: Number(i.version), skuIds: i.skuIds as string[] }]),
    );
  }

  /**
   * Saves offers: first their SKU items (batched), then each offer item conditionally (the
   * commit point). SKUs a new version dropped are deleted. Returns, per offer id, whether it
   * was written or lost to a newer or equal version written in the meantime.
   */
  async save(
    offers: { offer: Offer; previousSkuIds?: string[] }[],
    concurrency = 8,
  ): Promise<Map<string, SaveOutcome>> {
    const skuWrites = offers.flatMap(({ offer, previousSkuIds = [] }) => {
      const keep = new Set(offer.skus.map((s) => s.skuId));
      return [
        ...offer.skus.map((sku) => ({
          PutRequest: { Item: { ...offerKeys.sku(offer.offerId, sku.skuId), version: offer.version, sku } },
        })),
        ...previousSkuIds
          .filter((id) => !keep.has(id))
          .map((id) => ({ DeleteRequest: { Key: offerKeys.sku(offer.offerId, id) } })),
      ];
    });
    await batchWriteAll(this.db, this.tableName, skuWrites, concurrency);
    const outcomes = new Map<string, SaveOutcome>();
    await inParallel(offers, concurrency, async ({ offer }) => {
      const { skus, ...head } = offer;
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...offerKeys.offer(offer.offerId),
              offerId: offer.offerId,
              version: offer.version,
              listed: offer.listed,
              skuIds: skus.map((s) => s.skuId),
              offer: head,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR #v < :v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':v': offer.version },
          }),
        );
        outcomes.set(offer.offerId, 'written');
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        outcomes.set(offer.offerId, 'conflict');
      }
    });
    return outcomes;
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
            ...offerKeys.translationQueue(item.locale, queuedAt, item.offerId, item.field),
            offerId: item.offerId,
            field: item.field,
            locale: item.locale,
            sourceDigest: item.sourceDigest,
          },
        },
      })),
    );
  }

  /** The oldest queued translations of a locale. */
  async translationQueue(locale: string, limit = 100): Promise<(StaleTranslation & { offerId: string })[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `TRANSLATE#${locale}` },
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

  async putOverride(tenantId: string, offerId: string, override: OfferOverride): Promise<void> {
    const valid = offerOverrideSchema.parse(override);
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...offerKeys.override(tenantId, offerId), override: valid },
      }),
    );
  }

  async getOverride(tenantId: string, offerId: string): Promise<OfferOverride | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: offerKeys.override(tenantId, offerId) }),
    );
    return Item ? (Item.override as OfferOverride) : undefined;
  }

  /** Overrides of a tenant for several offers (a search page), in one BatchGet. */
  async overridesFor(tenantId: string, offerIds: string[]): Promise<Map<string, OfferOverride>> {
    if (offerIds.length === 0) return new Map();
    const items = await batchGetAll(
      this.db,
      this.tableName,
      offerIds.map((id) => offerKeys.override(tenantId, id)),
    );
    return new Map(
      items.map((i) => [String(i.sk).slice('OVERRIDE#OFFER#'.length), i.override as OfferOverride]),
    );
  }
}
