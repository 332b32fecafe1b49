/**
 * `node bench/search-steps.ts [-- --offers 20000 --rounds 10 --keep --reuse <stamp>]`
 *
 * Where the search API's time goes, step by step, interleaved in one run on one catalog: the
 * API through the gateway, the catalog service in-process (no gateway), the search port alone,
 * the raw OpenSearch request, OpenSearch's own `took`, the overrides read and the shaping.
 * `--keep` leaves the table and alias for a later `--reuse <stamp>` (the DynamoDB Local on
 * `--dynamodb-port` must then still be running). Timings live here, never in tests.
 */
import { parseArgs } from 'node:util';
import { FULL_MATCHES_ENOUGH, searchBodies } from '../adapters/opensearch/offer-query.ts';
import { openSearchOffers } from '../adapters/opensearch/offer-search.ts';
import { createSearchTransport } from '../adapters/opensearch/transport.ts';
import { catalogSearch } from '../core/catalog/catalog-service.ts';
import { searchCriteria, searchParamsSchema } from '../core/catalog/search-query.ts';
import { priceBuckets, shapeSearch } from '../core/catalog/search-results.ts';
import { translatorFor } from '../core/i18n/translator.ts';
import { connectionOf } from '../functions/search-client.ts';
import { benchPlatform, ingestGenerated, percentile } from './kit.ts';
import { searchMix } from './search-mix.ts';

const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    'dynamodb-port': { type: 'string', default: '8043' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    /** Only the API through the gateway (for a CPU profile of the request path). */
    'api-only': { type: 'boolean', default: false },
  },
});
const OFFERS = Number(values.offers);
const ROUNDS = Number(values.rounds);
const SEED = Number(values.seed);

const platform = await benchPlatform({
  prefix: 'bench',
  dynamodbPort: Number(values['dynamodb-port']),
  reuse: values.reuse,
});
const { names, services, port, http } = platform;

try {
  if (!values.reuse) await ingestGenerated(platform, OFFERS, SEED);
  const transport = createSearchTransport(connectionOf(services.config));
  const port_ = openSearchOffers(transport, names.offersAlias);
  const catalog = catalogSearch(
    { priceBooks: services.priceBooks, offers: services.offers, search: port_ },
    { tenantCacheTtlMs: services.config.TENANT_CACHE_TTL_MS },
  );
  const path = `/${names.offersAlias}/_search`;

  const prepared = await Promise.all(
    searchMix.map(async (m) => {
      const tenant = (await services.tenants.byHost(m.host))!;
      const book = await services.priceBooks.forTenant(tenant, m.locale);
      const params = searchParamsSchema.parse(m.params);
      const buckets = priceBuckets(book);
      const criteria = searchCriteria(params, {
        locale: m.locale,
        curation: tenant.curation,
        priceFen: book.cnyBounds(params.priceMin, params.priceMax),
        priceRanges: buckets,
      });
      return { m, tenant, book, params, buckets, criteria, bodies: searchBodies(criteria) };
    }),
  );

  const steps: Record<string, number[]> = {};
  const record = (name: string, ms: number) => {
    steps[name] = [...(steps[name] ?? []), ms];
  };
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    record(name, performance.now() - t0);
    return out;
  };

  for (let round = -1; round < ROUNDS; round++) {
    for (const p of prepared) {
      const q = new URLSearchParams(p.m.params);
      await time('1 API (gateway)', () => http.get(port, `/api/v1/search?${q}`, p.m.host));
      if (values['api-only']) continue;
      await time('2 catalog service', () =>
        catalog.search({ tenant: p.tenant, locale: p.m.locale }, p.params),
      );
      const page = await time('3 search port', () => port_.search(p.criteria));
      await time('4 raw (transport)', async () => {
        let took = 0;
        for (const [i, body] of p.bodies.entries()) {
          const { body: res } = await transport.request({ method: 'POST', path, body });
          took += (res as { took: number }).took;
          const total = (res as { hits: { total: { value: number } } }).hits.total.value;
          if (i === 0 && p.bodies.length > 1 && total >= FULL_MATCHES_ENOUGH) break;
        }
        record('5 OpenSearch took', took);
      });
      const overrides = await time('6 overrides', () =>
        services.offers.overridesFor(
          p.tenant.id,
          page.offers.map((o) => o.offerId),
        ),
      );
      await time('7 shape', async () =>
        JSON.stringify(
          shapeSearch(page, {
            locale: p.m.locale,
            book: p.book,
            t: translatorFor(p.m.locale),
            size: p.params.size,
            sort: p.params.sort,
            buckets: p.buckets,
            overrides,
          }),
        ),
      );
    }
    if (round === -1) for (const k of Object.keys(steps)) steps[k] = [];
  }
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  console.log(`${OFFERS} offers, ${searchMix.length} queries × ${ROUNDS} rounds`);
  console.log('                        mean       p50       p95');
  for (const [name, samples] of Object.entries(steps)) {
    const s = [...samples].sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    console.log(`  ${name.padEnd(20)} ${ms(mean)} ${ms(percentile(s, 50))} ${ms(percentile(s, 95))}`);
  }
} finally {
  await platform.close(values.keep);
}
