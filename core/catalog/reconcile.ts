import type { Offer } from './model.ts';

/**
 * The offers index follows the offer store: the store is the source of truth (the import
 * writes it first), the index holds what search needs of each offer at the same version. An
 * import stopped between the two (a crash, a kill) leaves them out of step; reconciling
 * compares every offer's version in both and repairs the index:
 * - in the store, not in the index → indexed (`missing`);
 * - an older version in the index → indexed again (`behind`);
 * - in the index, not in the store → removed from the index (`orphaned`);
 * - a newer version in the index than in the store → removed and indexed at the store's
 *   version (`ahead`). The index remembers a removed document's version for a short while
 *   (a minute, `index.gc_deletes`): until then the older version is refused and counted as
 *   `pending`, and the next reconcile finishes the repair.
 */
export interface ReconcilePorts {
  /** offer id → version, of every offer in the store. */
  storedVersions(onProgress: (seen: number) => void): Promise<Map<string, number>>;
  /** offer id → version, of every offer in the index. */
  indexedVersions(onProgress: (seen: number) => void): Promise<Map<string, number>>;
  /** The stored offers among these ids. */
  load(offerIds: string[]): Promise<Offer[]>;
  /** Indexes offers at their version; `not_newer` when the index keeps a higher one. */
  index(offers: Offer[]): Promise<Map<string, 'indexed' | 'not_newer'>>;
  /** Removes offers from the index. */
  remove(offerIds: string[]): Promise<void>;
}

export interface ReconcileStats {
  stored: number;
  indexed: number;
  missing: number;
  behind: number;
  orphaned: number;
  ahead: number;
  /** Repairs the index refused for now (see `ahead`); the next reconcile completes them. */
  pending: number;
  /** Offers written to or removed from the index. */
  repaired: number;
}

export type ReconcilePhase = 'reading the store' | 'reading the index' | 'repairing';

export interface ReconcileOptions {
  onProgress?: (phase: ReconcilePhase, done: number, total?: number) => void;
  /** Offers per load and index request. */
  chunkSize?: number;
}

/** What differs between the store and the index (pure). */
export function differences(stored: Map<string, number>, indexed: Map<string, number>) {
  const missing: string[] = [];
  const behind: string[] = [];
  const ahead: string[] = [];
  const orphaned: string[] = [];
  for (const [id, version] of stored) {
    const inIndex = indexed.get(id);
    if (inIndex === undefined) missing.push(id);
    else if (inIndex < version) behind.push(id);
    else if (inIndex > version) ahead.push(id);
  }
  for (const id of indexed.keys()) if (!stored.has(id)) orphaned.push(id);
  return { missing, behind, ahead, orphaned };
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export async function reconcileIndex(
  ports: ReconcilePorts,
  options: ReconcileOptions = {},
): Promise<ReconcileStats> {
  const progress = options.onProgress ?? (() => {});
  const size = options.chunkSize ?? 250;
  const stored = await ports.storedVersions((n) => progress('reading the store', n));
  const indexed = await ports.indexedVersions((n) => progress('reading the index', n));
  const diff = differences(stored, indexed);
  const stats: ReconcileStats = {
    stored: stored.size,
    indexed: indexed.size,
    missing: diff.missing.length,
    behind: diff.behind.length,
    orphaned: diff.orphaned.length,
    ahead: diff.ahead.length,
    pending: 0,
    repaired: 0,
  };
  const total = diff.missing.length + diff.behind.length + diff.orphaned.length + diff.ahead.length;
  progress('repairing', 0, total);
  for (const ids of chunks(diff.orphaned, size)) {
    await ports.remove(ids);
    stats.repaired += ids.length;
    progress('repairing', stats.repaired + stats.pending, total);
  }
  const reindex = async (ids: string[]) => {
    const offers = await ports.load(ids);
    const outcomes = offers.length > 0 ? await ports.index(offers) : new Map();
    for (const offer of offers)
      outcomes.get(offer.offerId) === 'indexed' ? stats.repaired++ : stats.pending++;
    progress('repairing', stats.repaired + stats.pending, total);
  };
  for (const ids of chunks([...diff.missing, ...diff.behind], size)) await reindex(ids);
  for (const ids of chunks(diff.ahead, size)) {
    await ports.remove(ids);
    await reindex(ids);
  }
  return stats;
}
