/**
 * `npm run bench:search [-- --offers 100000 --rounds 20]`
 *
 * 1. Generates offers (seed 42) and imports them through the real import (validation, DynamoDB
 *    conditional transactions, OpenSearch bulk through the alias) into a table and alias of
 *    its own on the local servers; reports the ingest rate.
 * 2. Runs a fixed mix of vi, ko, en and zh searches (with filters, facets and sorts) through
 *    the local API gateway, and the very same OpenSearch bodies straight against the node,
 *    one request at a time; prints p50/p95/p99 of both and the API/raw ratio.
 * 3. Deletes its table and index.
 * Timings live here, never in tests.
 */
import { parseArgs } from 'node:util';
import { importIntoCatalog } from '../adapters/catalog-import.ts';
import { FULL_MATCHES_ENOUGH, searchBodies } from '../adapters/opensearch/offer-query.ts';
import { searchCriteria, searchParamsSchema } from '../core/catalog/search-query.ts';
import { priceBuckets } from '../core/catalog/search-results.ts';
import { createGateway, listen } from '../local/gateway.ts';
import { bootLocalPlatform } from '../local/platform.ts';
import { generateOffer } from '../local/seed/generator/generate.ts';
import { progressBar } from '../scripts/progress.ts';
import { benchServers, gatewayGetter, percentile, removeBenchCatalog } from './kit.ts';
import { searchMix as mix } from './search-mix.ts';

const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '20' },
    seed: { type: 'string', default: '42' },
    /** Use the shared DynamoDB Local (disk-backed, shared with tests) instead of a private in-memory one. */
    'shared-dynamodb': { type: 'boolean', default: false },
    'dynamodb-port': { type: 'string', default: '8011' },
  },
});
const OFFERS = Number(values.offers);
const ROUNDS = Number(values.rounds);
const SEED = Number(values.seed);

const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
};

const http = gatewayGetter(1);
const httpGet = http.get;

async function* generated(n: number) {
  for (let i = 0; i < n; i++) yield JSON.stringify(generateOffer(SEED, i));
}

const bench = await benchServers({
  sharedDynamodb: values['shared-dynamodb'],
  dynamodbPort: Number(values['dynamodb-port']),
});
const { servers } = bench;
const stamp = Date.now().toString(36);
const names = { tableName: `bench-${stamp}`, offersAlias: `bench-offers-${stamp}` };
const services = await bootLocalPlatform(servers, names);
const gateway = createGateway();
const port = await listen(gateway, 0, '127.0.0.1');
const fmt = new Intl.NumberFormat('en');

try {
  // 1. Ingest.
  const bar = progressBar('ingest');
  const started = Date.now();
  const spent = { table: 0, index: 0 };
  const stats = await importIntoCatalog(
    { db: services.db, tableName: names.tableName, search: services.search, offersAlias: names.offersAlias },
    generated(OFFERS),
    {
      onReject: (r) => console.error(`rejected line ${r.line}: ${r.reason}`),
      onTiming: (phase, ms) => {
        spent[phase] += ms;
      },
      onProgress: (s) => {
        const done = s.imported + s.updated + s.unchanged;
        const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
        bar.update(s.lines / OFFERS, `${fmt.format(done)} offers  ${fmt.format(Math.round(rate))} offers/s`);
      },
    },
  );
  const ingestSeconds = bar.done();
  await services.search.indices.refresh({ index: names.offersAlias });
  const ingestRate = stats.imported / ingestSeconds;

  // 2. Queries: the same requests at the API and raw. Raw sends OpenSearch the bodies the search
  // port sends (offer-query.ts searchBodies), in order, stopping where the port stops.
  const raw = await Promise.all(
    mix.map(async (m) => {
      const t = (await services.tenants.byHost(m.host))!;
      const book = await services.priceBooks.forTenant(t, m.locale);
      const params = searchParamsSchema.parse(m.params);
      const criteria = searchCriteria(params, {
        locale: m.locale,
        curation: t.curation,
        priceFen: book.cnyBounds(params.priceMin, params.priceMax),
        priceRanges: priceBuckets(book),
      });
      return searchBodies(criteria);
    }),
  );
  const api: number[] = [];
  const direct: number[] = [];
  let hits = 0;
  const runApi = async (i: number) => {
    const m = mix[i]!;
    const t0 = performance.now();
    const { status, text } = await httpGet(port, `/api/v1/search?${new URLSearchParams(m.params)}`, m.host);
    if (status !== 200) throw new Error(`search ${JSON.stringify(m.params)} → ${status} ${text}`);
    const body = JSON.parse(text) as { total: number };
    hits += body.total > 0 ? 1 : 0;
    return performance.now() - t0;
  };
  const runRaw = async (i: number) => {
    const t0 = performance.now();
    const bodies = raw[i]!;
    for (const [step, request] of bodies.entries()) {
      const { body } = await services.search.search({ index: names.offersAlias, body: request as never });
      if (step < bodies.length - 1 && (body.hits.total as { value: number }).value >= FULL_MATCHES_ENOUGH)
        break;
    }
    return performance.now() - t0;
  };
  for (let i = 0; i < mix.length; i++) {
    await runApi(i);
    await runRaw(i);
  }
  hits = 0;
  const queryBar = progressBar('queries');
  const perQuery = mix.map(() => ({ api: [] as number[], raw: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < mix.length; i++) {
      const a = await runApi(i);
      const r = await runRaw(i);
      api.push(a);
      direct.push(r);
      perQuery[i]!.api.push(a);
      perQuery[i]!.raw.push(r);
    }
    queryBar.update((round + 1) / ROUNDS, `${fmt.format(api.length)} API + ${fmt.format(direct.length)} raw`);
  }
  queryBar.done();

  const a = summary(api);
  const r = summary(direct);
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  console.log(
    [
      '',
      `${bench.dynamodbLabel}; OpenSearch: the shared local node`,
      `Search bench: ${fmt.format(stats.imported)} offers, ${mix.length} queries (vi, ko, en, zh, filtered) × ${ROUNDS} rounds, one at a time`,
      `  ingest        ${fmt.format(Math.round(ingestRate))} offers/s (${ingestSeconds.toFixed(0)} s, ${stats.rejected} rejected)`,
      `  ingest time in calls: DynamoDB ${Math.round((100 * spent.table) / (spent.table + spent.index))} %, OpenSearch bulk ${Math.round((100 * spent.index) / (spent.table + spent.index))} % (${fmt.format(Math.round(spent.table / 1000))} s and ${fmt.format(Math.round(spent.index / 1000))} s summed over parallel chunks)`,
      `  queries with results  ${hits} of ${api.length}`,
      '                   p50       p95       p99',
      `  API          ${ms(a.p50)} ${ms(a.p95)} ${ms(a.p99)}`,
      `  OpenSearch   ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)}`,
      `  API/raw      ${(a.p50 / r.p50).toFixed(2).padStart(7)}x  ${(a.p95 / r.p95).toFixed(2).padStart(7)}x  ${(a.p99 / r.p99).toFixed(2).padStart(7)}x`,
      '  slowest queries by API p95 (API / OpenSearch p95):',
      ...perQuery
        .map((q, i) => ({ params: mix[i]!.params, api: summary(q.api).p95, raw: summary(q.raw).p95 }))
        .sort((x, y) => y.api - x.api)
        .slice(0, 5)
        .map((q) => `    ${JSON.stringify(q.params).padEnd(62)} ${ms(q.api)} ${ms(q.raw)}`),
      `  budget: search p95 ≤ 30 ms at the API → ${a.p95 <= 30 ? 'met' : 'NOT met'}; API/raw p95 ≤ 1.3x → ${a.p95 / r.p95 <= 1.3 ? 'met' : 'NOT met'}; ingest ≥ 2,000 offers/s → ${ingestRate >= 2000 ? 'met' : 'NOT met'}`,
    ].join('\n'),
  );
} finally {
  http.close();
  gateway.closeAllConnections();
  await new Promise((resolve) => gateway.close(resolve));
  await removeBenchCatalog(services, names);
  await bench.stop();
}
