/**
 * `npm run catalog:import -- <feed.jsonl> [--rejects <file>]`
 * Imports a supply feed into the local platform's table and offers index (or wherever
 * TABLE_NAME / OFFERS_ALIAS / DYNAMODB_ENDPOINT / OPENSEARCH_ENDPOINT point). It first
 * reconciles the index with the table (`npm run catalog:reconcile`), so a run that was killed
 * between the two is repaired. Invalid lines go to the rejects file (default:
 * <feed>.rejects.jsonl) as {"line": n, "reason": "…"}. Ctrl-C stops reading the feed, lets
 * the chunks under way finish in both stores and prints what was written.
 * Exit code 0 when every line imported, 1 when some were rejected, 2 on a usage error,
 * 130 when interrupted.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { importIntoCatalog } from '../adapters/catalog-import.ts';
import { connectCatalog } from './local-catalog.ts';
import { progressBar } from './progress.ts';
import { reconcileWithProgress } from './reconcile-run.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rejects: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run catalog:import -- <feed.jsonl> [--rejects <file>]');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`No feed at ${file} (make one with: npm run catalog:generate -- --offers 1000 --seed 42)`);
  process.exit(2);
}
const targets = await connectCatalog();
console.log((await reconcileWithProgress(targets)).summary);

// The first Ctrl-C stops reading the feed and lets the chunks under way finish; a second one
// leaves at once (the next import or reconcile repairs what that leaves half-written).
const stop = new AbortController();
const size = statSync(file).size;
const input = createReadStream(file);
const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
process.on('SIGINT', () => {
  if (stop.signal.aborted) process.exit(130);
  stop.abort();
  lines.close();
  console.error('\nInterrupted: finishing the offers under way (Ctrl-C again to leave now)…');
});

let bytes = 0;
input.on('data', (chunk) => {
  bytes += chunk.length;
});
const rejectsPath = values.rejects ?? file.replace(/(\.jsonl)?$/, '.rejects.jsonl');
const rejects = createWriteStream(rejectsPath);
const bar = progressBar('import');
const fmt = new Intl.NumberFormat('en');
const started = Date.now();
console.error(`importing ${file}…`);

const stats = await importIntoCatalog(
  targets,
  createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }),
  {
    signal: stop.signal,
    onReject: (reject) => {
      rejects.write(`${JSON.stringify(reject)}\n`);
    },
    onProgress: (s) => {
      const rate =
        (s.imported + s.updated + s.unchanged + s.older) / Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(
        bytes / Math.max(1, size),
        `${fmt.format(s.lines)} lines  ${fmt.format(Math.round(rate))} offers/s  ${fmt.format(s.rejected)} rejected`,
      );
    },
  },
);
input.destroy();
await new Promise((resolve) => rejects.end(resolve));
const seconds = bar.done();
const processed = stats.imported + stats.updated + stats.unchanged + stats.older;
const interrupted = stop.signal.aborted;
console.log(
  [
    interrupted
      ? `Interrupted after ${fmt.format(stats.lines)} lines of ${file} (${seconds.toFixed(1)} s); written to ${targets.tableName} and ${targets.offersAlias} so far:`
      : `Imported ${file} into ${targets.tableName} / ${targets.offersAlias} in ${seconds.toFixed(1)} s`,
    `  imported   ${fmt.format(stats.imported)}`,
    `  updated    ${fmt.format(stats.updated)}`,
    `  unchanged  ${fmt.format(stats.unchanged)}`,
    `  older      ${fmt.format(stats.older)} (an older version than the stored one: ignored)`,
    `  rejected   ${fmt.format(stats.rejected)}${stats.rejected > 0 ? ` → ${rejectsPath}` : ''}`,
    `  translations queued  ${fmt.format(stats.translationsQueued)}`,
    `  rate       ${fmt.format(Math.round(processed / Math.max(seconds, 0.001)))} offers/s`,
    ...(interrupted ? ['Both stores hold every offer counted above; run the import again to continue.'] : []),
  ].join('\n'),
);
process.exit(interrupted ? 130 : stats.rejected > 0 ? 1 : 0);
