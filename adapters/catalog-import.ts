import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Client } from '@opensearch-project/opensearch';
import { type ImportOptions, type ImportStats, importFeed } from '../core/catalog/import.ts';
import { DynamoOfferRepository } from './dynamodb/offer-repository.ts';
import { toOfferDocument } from './opensearch/offer-document.ts';
import { bulkIndexOffers } from './opensearch/offer-indexer.ts';

export interface CatalogTargets {
  db: DynamoDBDocumentClient;
  tableName: string;
  search: Client;
  offersAlias: string;
}

/** Imports feed lines into the table and the offers index (through its alias). */
export function importIntoCatalog(
  targets: CatalogTargets,
  lines: AsyncIterable<string>,
  options: Omit<ImportOptions, 'store' | 'index'> & { refresh?: boolean },
): Promise<ImportStats> {
  const repository = new DynamoOfferRepository(targets.db, targets.tableName);
  return importFeed(lines, {
    ...options,
    store: repository,
    index: {
      index: (offers) =>
        bulkIndexOffers(targets.search, targets.offersAlias, offers.map(toOfferDocument), {
          refresh: options.refresh,
        }),
    },
  });
}
