import type { Client } from '@opensearch-project/opensearch';
import { OFFERS_INDEX_SCHEMA_VERSION, offersIndexBody } from './offers-index.ts';

/** The concrete index behind an alias: `<alias>-v<schema>-<timestamp>`. */
export function newIndexName(alias: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17);
  return `${alias}-v${OFFERS_INDEX_SCHEMA_VERSION}-${stamp}`;
}

/** Creates the offers index and points the alias at it, unless the alias already exists. */
export async function ensureOffersIndex(client: Client, alias: string): Promise<string> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (exists.body) {
    const { body } = await client.indices.getAlias({ name: alias });
    return Object.keys(body)[0] ?? alias;
  }
  const index = newIndexName(alias);
  await client.indices.create({
    index,
    body: { ...offersIndexBody, aliases: { [alias]: { is_write_index: true } } } as never,
  });
  await client.cluster.health({ index, wait_for_status: 'yellow', timeout: '30s' });
  return index;
}

/** Deletes every index behind the alias (tests only). */
export async function deleteOffersIndex(client: Client, alias: string): Promise<void> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists.body) return;
  const { body } = await client.indices.getAlias({ name: alias });
  await client.indices.delete({ index: Object.keys(body).join(',') });
}
