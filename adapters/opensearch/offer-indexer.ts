import type { Client } from '@opensearch-project/opensearch';
import type { OfferDocument } from './offer-document.ts';

export type IndexOutcome = 'indexed' | 'not_newer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MAX_ATTEMPTS = 6;

/**
 * Bulk-indexes offer documents through the alias with external versioning: OpenSearch keeps
 * a document only when its version is higher than the stored one, so replaying a feed or
 * importing an older one never moves the index backwards (a 409 means "already as new").
 * Items refused with 429 (queue full) are resent with backoff; any other failure throws.
 */
export async function bulkIndexOffers(
  client: Client,
  alias: string,
  docs: OfferDocument[],
  options: { refresh?: boolean } = {},
): Promise<Map<string, IndexOutcome>> {
  const outcomes = new Map<string, IndexOutcome>();
  let pending = docs;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new Error(`bulk index: ${pending.length} documents still refused`);
    if (attempt > 0) await sleep(100 * 2 ** attempt);
    const { body } = await client.bulk({
      index: alias,
      ...(options.refresh && { refresh: 'wait_for' as const }),
      body: pending.flatMap((doc) => [
        { index: { _id: doc.offerId, version: doc.version, version_type: 'external' } },
        doc,
      ]),
    });
    const retry: OfferDocument[] = [];
    const failures: string[] = [];
    body.items.forEach((item, i) => {
      const result = item.index!;
      const doc = pending[i]!;
      if (result.status < 300) outcomes.set(doc.offerId, 'indexed');
      else if (result.status === 409) outcomes.set(doc.offerId, 'not_newer');
      else if (result.status === 429) retry.push(doc);
      else failures.push(`${doc.offerId}: ${result.status} ${JSON.stringify(result.error)}`);
    });
    if (failures.length > 0)
      throw new Error(`bulk index failed for ${failures.length}: ${failures.slice(0, 3).join('; ')}`);
    pending = retry;
  }
  return outcomes;
}
