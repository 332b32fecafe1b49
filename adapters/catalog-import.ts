import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Client } from '@opensearch-project/opensearch';
import { type ImportOptions, type ImportStats, importFeed, type OfferStore } from '../core/catalog/import.ts';
import { DynamoOfferRepository } from './dynamodb/offer-repository.ts';
import { type RebuildDocuments, reindexOffers } from './opensearch/bootstrap.ts';
import { toOfferDocument } from './opensearch/offer-document.ts';
import { bulkIndexOffers } from './opensearch/offer-indexer.ts';

export interface CatalogTargets {
  db: DynamoDBDocumentClient;
  tableName: string;
  search: Client;
  offersAlias: string;
}

/** Where an import's wall time goes: the table's reads and writes, and the index's bulk requests. */
export type ImportPhase = 'table' | 'index';

/** Imports feed lines into the table and the offers index (through its alias). */
export function importIntoCatalog(
  targets: CatalogTargets,
  lines: AsyncIterable<string>,
  options: Omit<ImportOptions, 'store' | 'index'> & {
    refresh?: boolean;
    /** Told how long each table or index call took (benches split the import's time with it). */
    onTiming?: (phase: ImportPhase, ms: number) => void;
  },
): Promise<ImportStats> {
  const repository = new DynamoOfferRepository(targets.db, targets.tableName);
  const timed = async <T>(phase: ImportPhase, work: Promise<T>): Promise<T> => {
    if (!options.onTiming) return work;
    const started = performance.now();
    try {
      return await work;
    } finally {
      options.onTiming(phase, performance.now() - started);
    }
  };
  const store: OfferStore = {
    versions: (ids) => timed('table', repository.versions(ids)),
    save: (offers) => timed('table', repository.save(offers)),
    enqueueTranslations: (items) => timed('table', repository.enqueueTranslations(items)),
  };
  return importFeed(lines, {
    ...options,
    store,
    index: {
      index: (offers) =>
        timed(
          'index',
          bulkIndexOffers(targets.search, targets.offersAlias, offers.map(toOfferDocument), {
            refresh: options.refresh,
          }),
        ),
    },
  });
}

/**
 * Documents rebuilt from the offers in the table (a reindex's `rebuild`): one page of ids is read
 * in BatchGetItem calls of 100 keys (the repository's getMany), not one GetItem per offer.
 */
export function documentsFromStore(targets: Pick<CatalogTargets, 'db' | 'tableName'>): RebuildDocuments {
  const repository = new DynamoOfferRepository(targets.db, targets.tableName);
  return async (offerIds) => (await repository.getMany(offerIds)).map(toOfferDocument);
}

/** A full reindex of the offers alias whose documents are rebuilt from the table. */
export function reindexCatalog(targets: CatalogTargets, now: Date = new Date()): Promise<string> {
  return reindexOffers(targets.search, targets.offersAlias, now, { rebuild: documentsFromStore(targets) });
}
