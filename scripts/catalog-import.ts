/**
 * `npm run catalog:import -- <feed.jsonl> [--rejects <file>]`
 * Imports a supply feed into the local platform's table and offers index (or wherever
 * TABLE_NAME / OFFERS_ALIAS / DYNAMODB_ENDPOINT / OPENSEARCH_ENDPOINT point). Invalid lines
 * go to the rejects file (default: <feed>.rejects.jsonl) as {"line": n, "reason": "…"}.
 * Exit code 0 when every line imported, 1 when some were rejected, 2 on a usage error.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { importIntoCatalog } from '../adapters/catalog-import.ts';
import { ensureTable } from '../adapters/dynamodb/bootstrap.ts';
import { ensureOffersIndex } from '../adapters/opensearch/bootstrap.ts';
import { createSearchClient } from '../adapters/opensearch/client.ts';
import { buildServices } from '../functions/composition.ts';
import { loadConfig } from '../functions/config.ts';
import { connectionOf } from '../functions/search-client.ts';
import { progressBar } from './progress.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rejects: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run catalog:import -- <feed.jsonl> [--rejects <file>]');
  process.exit(2);
}
const config = loadConfig({
  TABLE_NAME: 'sourcefront-local',
  OFFERS_ALIAS: 'offers',
  OPENSEARCH_ENDPOINT: 'http://127.0.0.1:9200',
  OPENSEARCH_AUTH: 'none',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
  AWS_REGION: 'local',
  ...process.env,
});
const services = { ...buildServices(config), search: createSearchClient(connectionOf(config)) };
await ensureTable(services.dynamo, config.TABLE_NAME);
await ensureOffersIndex(services.search, config.OFFERS_ALIAS);

const size = statSync(file).size;
const input = createReadStream(file);
let bytes = 0;
input.on('data', (chunk) => {
  bytes += chunk.length;
});
const rejectsPath = values.rejects ?? file.replace(/(\.jsonl)?$/, '.rejects.jsonl');
const rejects = createWriteStream(rejectsPath);
const bar = progressBar('import');
const fmt = new Intl.NumberFormat('en');
const started = Date.now();

const stats = await importIntoCatalog(
  {
    db: services.db,
    tableName: config.TABLE_NAME,
    search: services.search,
    offersAlias: config.OFFERS_ALIAS,
  },
  createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }),
  {
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
await new Promise((resolve) => rejects.end(resolve));
const seconds = bar.done();
const processed = stats.imported + stats.updated + stats.unchanged + stats.older;
console.log(
  [
    `Imported ${file} into ${config.TABLE_NAME} / ${config.OFFERS_ALIAS} in ${seconds.toFixed(1)} s`,
    `  imported   ${fmt.format(stats.imported)}`,
    `  updated    ${fmt.format(stats.updated)}`,
    `  unchanged  ${fmt.format(stats.unchanged)}`,
    `  older      ${fmt.format(stats.older)} (an older version than the stored one: ignored)`,
    `  rejected   ${fmt.format(stats.rejected)}${stats.rejected > 0 ? ` → ${rejectsPath}` : ''}`,
    `  translations queued  ${fmt.format(stats.translationsQueued)}`,
    `  rate       ${fmt.format(Math.round(processed / Math.max(seconds, 0.001)))} offers/s`,
  ].join('\n'),
);
process.exit(stats.rejected > 0 ? 1 : 0);
