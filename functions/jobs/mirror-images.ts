import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mirrorImages } from '../../adapters/assets/mirror.ts';
import { services } from '../composition.ts';
import { jobLogger } from '../http/telemetry.ts';

const log = jobLogger('mirror-images');

/**
 * Offer ids of the stream batch whose offer was written (the offer items: `OFFER#<id>` /
 * `OFFER`). A change that left the offer's body as it was (a checkout's stock update of the same
 * item) is not a new offer: its images are the ones already mirrored.
 */
export function changedOfferIds(event: DynamoDBStreamEvent): string[] {
  const ids = new Set<string>();
  for (const record of event.Records) {
    if (record.eventName === 'REMOVE') continue;
    const before = record.dynamodb?.OldImage?.body?.B;
    const after = record.dynamodb?.NewImage?.body?.B;
    if (
      record.eventName === 'MODIFY' &&
      before !== undefined &&
      after !== undefined &&
      sameBytes(before, after)
    )
      continue;
    const keys = record.dynamodb?.Keys;
    const pk = keys?.pk?.S;
    if (pk?.startsWith('OFFER#') && keys?.sk?.S === 'OFFER') ids.add(pk.slice('OFFER#'.length));
  }
  return [...ids];
}

function sameBytes(a: unknown, b: unknown): boolean {
  const bytes = (v: unknown) =>
    typeof v === 'string' ? Buffer.from(v, 'base64') : Buffer.from(v as Uint8Array);
  return bytes(a).equals(bytes(b));
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
