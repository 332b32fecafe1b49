import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mirrorImages } from '../../adapters/assets/mirror.ts';
import { services } from '../composition.ts';
import { jobLogger } from '../http/telemetry.ts';

const log = jobLogger('mirror-images');

/** Offer ids of the stream batch whose item was written (the offer items: `OFFER#<id>` / `OFFER`). */
export function changedOfferIds(event: DynamoDBStreamEvent): string[] {
  const ids = new Set<string>();
  for (const record of event.Records) {
    if (record.eventName === 'REMOVE') continue;
    const keys = record.dynamodb?.Keys;
    const pk = keys?.pk?.S;
    if (pk?.startsWith('OFFER#') && keys?.sk?.S === 'OFFER') ids.add(pk.slice('OFFER#'.length));
  }
  return [...ids];
}

/**
 * On the table stream: the images of offers that were imported or changed are mirrored into the
 * asset store (every variant the storefront's srcset names), so buyers never load a supplier
 * host. An image that fails is logged and retried with the offer's next change; it never fails
 * the batch (the page shows no picture for it meanwhile).
 */
export async function handler(event: DynamoDBStreamEvent) {
  const { offers, assets: store } = services();
  // The batch's offers read together, not one after another (each is one Query of its partition).
  const changed = await Promise.all(changedOfferIds(event).map((offerId) => offers.get(offerId)));
  const urls = changed.flatMap((offer) => offer?.images ?? []);
  const outcomes = await mirrorImages(urls, { store });
  const failed = outcomes.filter((o) => o.status === 'failed');
  for (const f of failed) log.warn('image not mirrored', f);
  log.info('images mirrored', {
    mirrored: outcomes.filter((o) => o.status === 'mirrored').length,
    already: outcomes.filter((o) => o.status === 'already').length,
    failed: failed.length,
  });
  return { mirrored: outcomes.length - failed.length, failed: failed.length };
}
