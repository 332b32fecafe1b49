import type { Client } from '@opensearch-project/opensearch';

/**
 * offer id → version of every document behind the alias (external versions are the offers'
 * versions), read in pages ordered by offer id.
 */
export async function indexedVersions(
  client: Client,
  alias: string,
  onProgress: (seen: number) => void = () => {},
): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  let after: unknown[] | undefined;
  for (;;) {
    const { body } = await client.search({
      index: alias,
      body: {
        size: 5000,
        version: true,
        _source: false,
        sort: [{ offerId: 'asc' }],
        ...(after && { search_after: after }),
      } as never,
    });
    const hits = body.hits.hits as { _id: string; _version?: number; sort?: unknown[] }[];
    if (hits.length === 0) return versions;
    for (const hit of hits) versions.set(hit._id, hit._version ?? 0);
    onProgress(versions.size);
    after = hits[hits.length - 1]!.sort;
  }
}

/** Removes documents from the index behind the alias (absent ones are fine). */
export async function removeIndexedOffers(client: Client, alias: string, offerIds: string[]): Promise<void> {
  if (offerIds.length === 0) return;
  const { body } = await client.bulk({
    index: alias,
    refresh: 'wait_for',
    body: offerIds.map((id) => ({ delete: { _id: id } })),
  });
  const failed = body.items.filter((i) => (i.delete?.status ?? 200) >= 300 && i.delete?.status !== 404);
  if (failed.length > 0) throw new Error(`removing from the index failed: ${JSON.stringify(failed[0])}`);
}
