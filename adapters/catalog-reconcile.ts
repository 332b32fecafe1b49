import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Offer } from '../core/catalog/model.ts';
import { type ReconcileOptions, type ReconcileStats, reconcileIndex } from '../core/catalog/reconcile.ts';
import type { CatalogTargets } from './catalog-import.ts';
import { offer as offerEntity } from './dynamodb/entities/offer.ts';
import { DynamoOfferRepository } from './dynamodb/offer-repository.ts';
import { toOfferDocument } from './opensearch/offer-document.ts';
import { bulkIndexOffers } from './opensearch/offer-indexer.ts';
import { indexedVersions, removeIndexedOffers } from './opensearch/offer-versions.ts';

const SCAN_SEGMENTS = 4;

/**
 * offer id → version of every offer in the table: a parallel Scan projecting the key and the
 * version of offer items only. A maintenance read (reconcile), never on a request path.
 */
async function storedVersions(
  db: DynamoDBDocumentClient,
  tableName: string,
  onProgress: (seen: number) => void,
): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  const { pk: samplePk, sk } = offerEntity.key({ offerId: 'x' });
  const prefix = samplePk.slice(0, -1);
  await Promise.all(
    Array.from({ length: SCAN_SEGMENTS }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: SCAN_SEGMENTS,
            FilterExpression: 'sk = :sk AND begins_with(pk, :prefix)',
            ProjectionExpression: 'offerId, #v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':sk': sk, ':prefix': prefix },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) versions.set(String(item.offerId), Number(item.version));
        onProgress(versions.size);
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  return versions;
}

/** Brings the offers index in step with the table (core/catalog/reconcile.ts). */
export function reconcileCatalog(
  targets: CatalogTargets,
  options: ReconcileOptions = {},
): Promise<ReconcileStats> {
  const repository = new DynamoOfferRepository(targets.db, targets.tableName);
  return reconcileIndex(
    {
      storedVersions: (onProgress) => storedVersions(targets.db, targets.tableName, onProgress),
      indexedVersions: (onProgress) => indexedVersions(targets.search, targets.offersAlias, onProgress),
      async load(ids) {
        const offers: Offer[] = [];
        for (let i = 0; i < ids.length; i += 25) {
          const read = await Promise.all(ids.slice(i, i + 25).map((id) => repository.get(id)));
          for (const offer of read) if (offer) offers.push(offer);
        }
        return offers;
      },
      index: (offers) =>
        bulkIndexOffers(targets.search, targets.offersAlias, offers.map(toOfferDocument), { refresh: true }),
      remove: (ids) => removeIndexedOffers(targets.search, targets.offersAlias, ids),
    },
    options,
  );
}
