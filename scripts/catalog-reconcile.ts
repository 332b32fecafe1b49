/**
 * `npm run catalog:reconcile`
 * Brings the offers index in step with the table (the source of truth): indexes offers the
 * index lacks or holds at an older version, removes offers only the index has, replaces
 * offers the index holds at a newer version. Prints progress on stderr and a summary.
 * Exit code 0 when in step, 1 when some repairs are still pending, 2 when the servers are
 * not reachable. `npm run catalog:import` runs it before importing.
 */
import { connectCatalog } from './local-catalog.ts';
import { reconcileWithProgress } from './reconcile-run.ts';

const targets = await connectCatalog();
const { stats, summary } = await reconcileWithProgress(targets);
console.log(summary);
process.exit(stats.pending > 0 ? 1 : 0);
