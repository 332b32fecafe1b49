/**
 * `npm run catalog:import -- <feed.jsonl> [--rejects <file>]`
 * Imports a supply feed into the local platform's table and offers index (or wherever
 * TABLE_NAME / OFFERS_ALIAS / DYNAMODB_ENDPOINT / OPENSEARCH_ENDPOINT point). Invalid lines
 * go to the rejects file (default: <feed>.rejects.jsonl) as {"line": n, "reason": "…"}.
 * Exit code 0 when every line imported, 1 when some were rejected, 2 on a usage error.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { importIntoCatalog } from '../adapters/catalog-import.ts';
import { loadConfig } from '../functions/config.ts';
import { connectLocal, localPlatformNames } from '../local/platform.ts';
import { serverOptionsFromEnv } from '../local/servers/index.ts';
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
if (!existsSync(file)) {
  console.error(`No feed at ${file} (make one with: npm run catalog:generate -- --offers 1000 --seed 42)`);
  process.exit(2);
}
// The same servers and names as `npm start` (DYNAMODB_PORT / OPENSEARCH_PORT included).
const ports = serverOptionsFromEnv();
const config = loadConfig({
  TABLE_NAME: localPlatformNames.tableName,
  OFFERS_ALIAS: localPlatformNames.offersAlias,
  OPENSEARCH_ENDPOINT: `http://127.0.0.1:${ports.opensearchPort}`,
  OPENSEARCH_AUTH: 'none',
  DYNAMODB_ENDPOINT: `http://127.0.0.1:${ports.dynamodbPort}`,
  AWS_REGION: 'local',
  ...process.env,
});
const services = await connectLocal(config).catch((error: unknown) => {
  console.error(
    `The local servers are not reachable (DynamoDB ${config.DYNAMODB_ENDPOINT}, OpenSearch ${config.OPENSEARCH_ENDPOINT}): start them with \`npm start\` or \`npm run servers\` first. (${(error as Error).message})`,
  );
  process.exit(2);
});

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
