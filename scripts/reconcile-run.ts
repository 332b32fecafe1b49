import type { CatalogTargets } from '../adapters/catalog-import.ts';
import { reconcileCatalog } from '../adapters/catalog-reconcile.ts';
import type { ReconcileStats } from '../core/catalog/reconcile.ts';
import { progressBar } from './progress.ts';

const fmt = new Intl.NumberFormat('en');

/** Reconciles the index with the table, with a progress line on stderr; returns the stats and a summary. */
export async function reconcileWithProgress(
  targets: CatalogTargets,
): Promise<{ stats: ReconcileStats; summary: string }> {
  const bar = progressBar('reconcile');
  const stats = await reconcileCatalog(targets, {
    onProgress: (phase, done, total) =>
      bar.update(
        phase === 'repairing' && total ? done / Math.max(1, total) : 0,
        `${phase}: ${fmt.format(done)}${total !== undefined ? ` of ${fmt.format(total)}` : ''}`,
      ),
  });
  const seconds = bar.done();
  const summary = [
    `Reconciled ${targets.tableName} with ${targets.offersAlias} in ${seconds.toFixed(1)} s: ${fmt.format(stats.stored)} offers in the table, ${fmt.format(stats.indexed)} in the index`,
    `  missing from the index   ${fmt.format(stats.missing)} (indexed)`,
    `  older in the index       ${fmt.format(stats.behind)} (indexed again)`,
    `  only in the index        ${fmt.format(stats.orphaned)} (removed from the index)`,
    `  newer in the index       ${fmt.format(stats.ahead)} (replaced by the table's version)`,
    `  repaired                 ${fmt.format(stats.repaired)}`,
    ...(stats.pending > 0
      ? [
          `  pending                  ${fmt.format(stats.pending)} (the index still remembers the removed newer version: run npm run catalog:reconcile again in a minute)`,
        ]
      : []),
  ].join('\n');
  return { stats, summary };
}
