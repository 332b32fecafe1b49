import type { Client } from '@opensearch-project/opensearch';
import type { OfferDocument } from './offer-document.ts';
import { OFFERS_INDEX_SCHEMA_VERSION, offersIndexBody, synonymFilters } from './offers-index.ts';

/**
 * The current documents of some offers, built from the offer store (toOfferDocument over the
 * stored offers); an id the store does not hold is left out. A reindex uses it so documents
 * written under an older schema get the fields the new one adds.
 */
export type RebuildDocuments = (offerIds: string[]) => Promise<OfferDocument[]>;

export interface ReindexOptions {
  /** Rebuild each document from the offer store; without it, documents are copied as they are. */
  rebuild?: RebuildDocuments;
}

/** The concrete index behind an alias: `<alias>-v<schema>-<timestamp>`. */
export function newIndexName(alias: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17);
  return `${alias}-v${OFFERS_INDEX_SCHEMA_VERSION}-${stamp}`;
}

/** The schema version an index was created with, from its name (0 when unknown). */
export function schemaVersionOf(index: string): number {
  return Number(/-v(\d+)-\d+$/.exec(index)?.[1] ?? 0);
}

async function indicesBehind(client: Client, alias: string): Promise<string[]> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists.body) return [];
  const { body } = await client.indices.getAlias({ name: alias });
  return Object.keys(body);
}

async function createIndex(client: Client, index: string, aliases: Record<string, unknown> = {}) {
  await client.indices.create({ index, body: { ...offersIndexBody, aliases } as never });
  await client.cluster.health({ index, wait_for_status: 'yellow', timeout: '30s' });
}

/**
 * Creates the offers index and points the alias at it when the alias is absent; when the
 * index behind it was built from an older schema version, reindexes into a new one.
 * `replicas` (a deployed domain's: 1 across zones, 0 on a single node) is applied to the
 * index behind the alias; the definition itself says 0, which suits the local node.
 */
export async function ensureOffersIndex(
  client: Client,
  alias: string,
  options: { replicas?: number } & ReindexOptions = {},
): Promise<string> {
  const index = await currentOrNewIndex(client, alias, options);
  await updateSynonyms(client, index);
  if (options.replicas !== undefined) {
    await client.indices.putSettings({ index, body: { index: { number_of_replicas: options.replicas } } });
  }
  return index;
}

async function currentOrNewIndex(client: Client, alias: string, options: ReindexOptions): Promise<string> {
  const current = await indicesBehind(client, alias);
  if (current.length === 0) {
    const index = newIndexName(alias);
    await createIndex(client, index, { [alias]: { is_write_index: true } });
    return index;
  }
  const index = current[0]!;
  if (schemaVersionOf(index) < OFFERS_INDEX_SCHEMA_VERSION)
    return reindexOffers(client, alias, new Date(), options);
  return index;
}

/**
 * A document copied as it was, less the fields the current mapping no longer has: the mapping is
 * strict, so a field a later schema dropped would fail the whole copy.
 */
const mappedFields = new Set(Object.keys(offersIndexBody.mappings.properties));
function withMappedFields(source: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([field]) => mappedFields.has(field)));
}

/**
 * Copies every document of `source` into `target` in pages ordered by offer id, keeping each
 * document's external version; with `rebuild`, each page's documents are built anew from the
 * offer store (with its version), and only those the store does not hold are copied as they
 * are (less the fields the mapping dropped). (The stock `_reindex` API lives in the reindex module, which not every distribution
 * carries; this needs only search and bulk.)
 */
async function copyDocuments(
  client: Client,
  source: string,
  target: string,
  rebuild?: RebuildDocuments,
): Promise<number> {
  let after: unknown[] | undefined;
  let copied = 0;
  for (;;) {
    const { body } = await client.search({
      index: source,
      body: {
        size: 1000,
        version: true,
        sort: [{ offerId: 'asc' }],
        ...(after && { search_after: after }),
      } as never,
    });
    const hits = body.hits.hits as { _id: string; _version?: number; _source?: unknown; sort?: unknown[] }[];
    if (hits.length === 0) return copied;
    const rebuilt = new Map(
      (rebuild ? await rebuild(hits.map((h) => h._id)) : []).map((d) => [d.offerId, d]),
    );
    const { body: result } = await client.bulk({
      index: target,
      body: hits.flatMap((h): Record<string, unknown>[] => {
        const doc = rebuilt.get(h._id) as Record<string, unknown> | undefined;
        return doc
          ? [{ index: { _id: h._id, version: doc.version, version_type: 'external' } }, doc]
          : [
              { index: { _id: h._id, version: h._version ?? 1, version_type: 'external' } },
              withMappedFields(h._source as Record<string, unknown>),
            ];
      }),
    });
    if (result.errors) {
      const failed = result.items.find((i) => (i.index?.status ?? 200) >= 300 && i.index?.status !== 409);
      if (failed) throw new Error(`reindex copy failed: ${JSON.stringify(failed.index?.error)}`);
    }
    copied += hits.length;
    after = hits[hits.length - 1]!.sort;
  }
}

/**
 * A full reindex with no downtime: builds a new index from the current definition, copies
 * every document into it (keeping each offer's external version; rebuilt from the offer store
 * when `rebuild` is given, so fields the new schema adds are filled), then swaps the alias in
 * one atomic call and deletes the old index. Queries keep hitting the old index until the
 * swap. Writers should pause during the copy (the import retries, versions keep it safe).
 */
export async function reindexOffers(
  client: Client,
  alias: string,
  now: Date = new Date(),
  options: ReindexOptions = {},
): Promise<string> {
  const old = await indicesBehind(client, alias);
  const target = newIndexName(alias, now);
  await createIndex(client, target);
  await client.indices.putSettings({ index: target, body: { index: { refresh_interval: '-1' } } });
  if (old.length > 0) await copyDocuments(client, old.join(','), target, options.rebuild);
  await client.indices.putSettings({
    index: target,
    body: { index: { refresh_interval: offersIndexBody.settings.index.refresh_interval } },
  });
  await client.indices.refresh({ index: target });
  await client.indices.updateAliases({
    body: {
      actions: [
        ...old.map((index) => ({ remove: { index, alias } })),
        { add: { index: target, alias, is_write_index: true } },
      ],
    },
  });
  if (old.length > 0) await client.indices.delete({ index: old.join(',') });
  return target;
}

/**
 * Brings the index's synonym filters up to the reviewed files (adapters/opensearch/synonyms/)
 * without a reindex: they are used at search time only, so the index is closed, its filters
 * replaced and reopened (a few seconds without search). Nothing happens when they are current.
 * Returns whether they changed.
 */
export async function updateSynonyms(client: Client, index: string): Promise<boolean> {
  const wanted = synonymFilters();
  const { body } = await client.indices.getSettings({ index, name: 'index.analysis.filter.*' });
  const current =
    (
      body as Record<
        string,
        { settings?: { index?: { analysis?: { filter?: Record<string, { synonyms?: string[] }> } } } }
      >
    )[index]?.settings?.index?.analysis?.filter ?? {};
  const same = Object.entries(wanted).every(
    ([name, f]) => JSON.stringify(current[name]?.synonyms ?? []) === JSON.stringify(f.synonyms),
  );
  if (same) return false;
  await client.indices.close({ index });
  try {
    await client.indices.putSettings({ index, body: { analysis: { filter: wanted } } as never });
  } finally {
    await client.indices.open({ index });
    await client.cluster.health({ index, wait_for_status: 'yellow', timeout: '30s' });
  }
  return true;
}

/** Deletes every index behind the alias (tests only). */
export async function deleteOffersIndex(client: Client, alias: string): Promise<void> {
  const indices = await indicesBehind(client, alias);
  if (indices.length > 0) await client.indices.delete({ index: indices.join(',') });
}
