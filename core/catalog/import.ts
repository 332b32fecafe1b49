import { parseFeedLine } from './feed.ts';
import type { Offer } from './model.ts';
import { type StaleTranslation, staleTranslations } from './translation.ts';

/**
 * Feed import: every line validated, valid offers saved then indexed, each invalid line
 * reported with its number and reason. Idempotent by offer id + version: a version equal to
 * the stored one is "unchanged", an older one is "older" and never written anywhere.
 */
export interface OfferStore {
  versions(offerIds: string[]): Promise<Map<string, { version: number }>>;
  save(offers: { offer: Offer }[]): Promise<Map<string, 'written' | 'conflict'>>;
  enqueueTranslations(items: (StaleTranslation & { offerId: string })[]): Promise<void>;
}

/** Where searchable offers go: keeps an offer only when its version is newer than the one it has. */
export interface OfferIndex {
  index(offers: Offer[]): Promise<unknown>;
}

export interface ImportStats {
  lines: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** Lines carrying an older version than the stored one: ignored. */
  older: number;
  rejected: number;
  translationsQueued: number;
}

export interface Reject {
  line: number;
  reason: string;
}

export interface ImportOptions {
  store: OfferStore;
  index: OfferIndex;
  onReject: (reject: Reject) => void | Promise<void>;
  onProgress?: (stats: ImportStats) => void;
  /** Offers per chunk (one BatchGet of versions, one bulk request). */
  chunkSize?: number;
  /** Chunks in flight at once. */
  parallelChunks?: number;
  /** Stops reading lines when aborted; the chunks already started finish in both stores. */
  signal?: AbortSignal;
}

export const emptyStats = (): ImportStats => ({
  lines: 0,
  imported: 0,
  updated: 0,
  unchanged: 0,
  older: 0,
  rejected: 0,
  translationsQueued: 0,
});

export async function importFeed(lines: AsyncIterable<string>, options: ImportOptions): Promise<ImportStats> {
  const stats = emptyStats();
  const chunkSize = options.chunkSize ?? 250;
  const parallel = options.parallelChunks ?? 3;
  const inFlight = new Set<Promise<void>>();
  let chunk: Offer[] = [];
  let failure: unknown;

  const launch = (offers: Offer[]) => {
    const job: Promise<void> = importChunk(offers, options, stats)
      .catch((error) => {
        failure ??= error;
      })
      .finally(() => {
        inFlight.delete(job);
        options.onProgress?.(stats);
      });
    inFlight.add(job);
  };

  let lineNumber = 0;
  for await (const raw of lines) {
    if (failure || options.signal?.aborted) break;
    lineNumber++;
    const line = raw.trim();
    if (line === '') continue;
    stats.lines++;
    const parsed = parseFeedLine(line);
    if (!parsed.ok) {
      stats.rejected++;
      await options.onReject({ line: lineNumber, reason: parsed.reason });
      continue;
    }
    chunk.push(parsed.offer);
    if (chunk.length >= chunkSize) {
      launch(chunk);
      chunk = [];
      while (inFlight.size >= parallel) await Promise.race(inFlight);
    }
  }
  // Lines already read are finished even when aborted: every line counted is written.
  if (chunk.length > 0 && !failure) launch(chunk);
  await Promise.all(inFlight);
  if (failure) throw failure;
  return stats;
}

/** Within a chunk, the highest version of each offer id wins; the others count as older. */
function latestPerOffer(offers: Offer[], stats: ImportStats): Offer[] {
  const latest = new Map<string, Offer>();
  for (const offer of offers) {
    const seen = latest.get(offer.offerId);
    if (!seen || offer.version > seen.version) {
      if (seen) stats.older++;
      latest.set(offer.offerId, offer);
    } else if (offer.version === seen.version) stats.unchanged++;
    else stats.older++;
  }
  return [...latest.values()];
}

async function importChunk(offers: Offer[], options: ImportOptions, stats: ImportStats): Promise<void> {
  const unique = latestPerOffer(offers, stats);
  const stored = await options.store.versions(unique.map((o) => o.offerId));
  const toWrite: { offer: Offer; isNew: boolean }[] = [];
  const unchanged: Offer[] = [];
  for (const offer of unique) {
    const current = stored.get(offer.offerId);
    if (!current) toWrite.push({ offer, isNew: true });
    else if (offer.version > current.version) toWrite.push({ offer, isNew: false });
    else if (offer.version === current.version) unchanged.push(offer);
    else stats.older++;
  }
  stats.unchanged += unchanged.length;
  const outcomes = toWrite.length > 0 ? await options.store.save(toWrite) : new Map();
  const written = toWrite.filter((w) => outcomes.get(w.offer.offerId) === 'written');
  // Lost to a concurrent writer of an equal or newer version: nothing of ours was committed.
  stats.unchanged += toWrite.length - written.length;
  for (const w of written) w.isNew ? stats.imported++ : stats.updated++;

  const stale = written.flatMap((w) =>
    staleTranslations(w.offer).map((s) => ({ ...s, offerId: w.offer.offerId })),
  );
  if (stale.length > 0) {
    await options.store.enqueueTranslations(stale);
    stats.translationsQueued += stale.length;
  }
  // Unchanged offers are sent too: the index ignores them when already current (external
  // versions) and catches up when an earlier run stopped between the table and the index.
  const toIndex = [...written.map((w) => w.offer), ...unchanged];
  if (toIndex.length > 0) await options.index.index(toIndex);
}
