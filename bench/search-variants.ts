/**
 * `node bench/search-variants.ts --alias <offers alias> [--rounds 15 --variants a,b]`
 *
 * OpenSearch's own time for variants of the search bodies, interleaved in one run on an index
 * that already exists (one kept by `bench/search-steps.ts --keep`): for each query of the mix
 * and each variant, the variant's bodies are sent as the search port sends them (full matches
 * first, stopping where the port stops) and both the wall time and `took` are recorded. Tenants
 * and price books come from a private in-memory DynamoDB Local; the index is left as it was.
 * Timings live here, never in tests.
 */
import { parseArgs } from 'node:util';
import { curationFilters, FULL_MATCHES_ENOUGH, searchBodies } from '../adapters/opensearch/offer-query.ts';
import { createSearchTransport } from '../adapters/opensearch/transport.ts';
import type { OfferSearchCriteria } from '../core/catalog/search.ts';
import { searchCriteria, searchParamsSchema } from '../core/catalog/search-query.ts';
import { priceBuckets } from '../core/catalog/search-results.ts';
import { categoriesL1 } from '../core/catalog/taxonomy.ts';
import { connectionOf } from '../functions/search-client.ts';
import { bootLocalPlatform } from '../local/platform.ts';
import { benchServers, percentile } from './kit.ts';
import { searchMix } from './search-mix.ts';

const { values } = parseArgs({
  options: {
    alias: { type: 'string' },
    rounds: { type: 'string', default: '15' },
    variants: { type: 'string' },
    'dynamodb-port': { type: 'string', default: '8072' },
    /** Print each query's took per variant (means), to see which queries a variant moves. */
    'per-query': { type: 'boolean', default: false },
    /** Only the mix's queries whose parameters (as JSON) match this regular expression. */
    queries: { type: 'string' },
  },
});
if (!values.alias) throw new Error('--alias <offers alias> is required');
const ROUNDS = Number(values.rounds);

type Body = Record<string, unknown>;

/** A variant: the requests it sends for a criteria, in order, and when it stops. */
interface Variant {
  steps(criteria: OfferSearchCriteria): Body[];
  /** Both bodies in one _msearch (executed in parallel by the node). */
  msearch?: boolean;
  split?: boolean;
  noCache?: boolean;
}

const clone = <T>(x: T): T => structuredClone(x);

/** The bodies with `f` applied to each (on a copy). */
const mapBodies =
  (f: (body: Body, c: OfferSearchCriteria) => void) =>
  (c: OfferSearchCriteria): Body[] =>
    searchBodies(c).map((b) => {
      const copy = clone(b);
      f(copy, c);
      return copy;
    });

const variants: Record<string, Variant> = {
  base: { steps: searchBodies },
  /** Hits and facets as two searches of one _msearch: the facets' one in filter context, size 0, cacheable. */
  split: {
    split: true,
    steps: searchBodies,
  },
  splitNoCache: {
    split: true,
    noCache: true,
    steps: searchBodies,
  },
  /** Multi-word synonyms as conjunctions of their words, not phrase queries. */
  noSynPhrase: {
    steps: mapBodies((b) => {
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          for (const [k, v] of Object.entries(x)) {
            if (k === 'multi_match') (v as Body).auto_generate_synonyms_phrase_query = false;
            else if (k === 'match')
              for (const f of Object.values(v as Body))
                (f as Body).auto_generate_synonyms_phrase_query = false;
            walk(v);
          }
        }
      };
      walk(b.query);
    }),
  },
  /** Without the split-analyser clause where the word delimiter would not split the text. */
  noSplit: {
    steps: mapBodies((b, c) => {
      if (!c.text || /\p{L}\p{N}|\p{N}\p{L}|[^\p{L}\p{N}\s]/u.test(c.text)) return;
      const must = (b.query as { function_score: { query: { bool: { must: Body[] } } } }).function_score.query
        .bool.must;
      const recall = must[0] as { bool?: { should: Body[] } };
      if (recall.bool)
        recall.bool.should = recall.bool.should.filter(
          (x) =>
            !(
              x.match &&
              Object.values(x.match as Body).some((m) => String((m as Body).analyzer).endsWith('_split'))
            ),
        );
    }),
  },
  /** Browsing as before: buyer filters in post_filter, facets under filter aggregations. */
  postFilterBrowse: {
    steps: mapBodies((b, c) => {
      if (c.text) return;
      const bool = (b.query as { function_score: { query: { bool: { filter: Body[] } } } }).function_score
        .query.bool;
      const n = curationFilters(c.curation).length;
      const buyer = bool.filter.slice(n);
      bool.filter = bool.filter.slice(0, n);
      b.post_filter = { bool: { filter: buyer } };
      const aggs = b.aggs as Record<string, Body>;
      for (const [k, a] of Object.entries(aggs)) {
        if ('global' in a) {
          const inner = (a.aggs as { values: { filter: { bool: { filter: Body[] } }; aggs: Body } }).values;
          const under = inner.filter.bool.filter.slice(n);
          aggs[k] =
            under.length === 0
              ? (inner.aggs.values as Body)
              : { filter: { bool: { filter: under } }, aggs: inner.aggs };
        } else if (buyer.length > 0) aggs[k] = { filter: { bool: { filter: buyer } }, aggs: { values: a } };
      }
    }),
  },
  noCross: {
    steps: mapBodies((b) => {
      const q = (b.query as { function_score: { query: { bool: { should: Body[] } } } }).function_score.query
        .bool;
      q.should = q.should.filter((c) => (c.multi_match as Body | undefined)?.type !== 'cross_fields');
    }),
  },
  noAnd: {
    steps: mapBodies((b) => {
      const q = (b.query as { function_score: { query: { bool: { should: Body[] } } } }).function_score.query
        .bool;
      q.should = q.should.filter((c) => !(c.multi_match && !(c.multi_match as Body).type));
    }),
  },
  /** The body before schema 5: ten ranking functions, every facet under a filter, a level-1 facet. */
  schema4: {
    steps: (c) =>
      variants.tenSignals!.steps(c).map((b) => {
        const aggs = b.aggs as Record<string, Body>;
        for (const [k, a] of Object.entries(aggs))
          if (!('filter' in a)) aggs[k] = { filter: { bool: { filter: [] } }, aggs: { values: a } };
        const l2 = aggs.categoryL2 as { filter: Body };
        aggs.categoryL1 = {
          filter: l2.filter,
          aggs: { values: { terms: { field: 'categoryL1', size: categoriesL1.length } } },
        };
        return b;
      }),
  },
  /** The ten functions of schema 4 (one filter per signal) instead of the stored rankSignal. */
  tenSignals: {
    steps: mapBodies((b) => {
      const fs = (b.query as { function_score: { functions: unknown[] } }).function_score;
      fs.functions = [
        { filter: { match_all: {} }, weight: 1 },
        { filter: { term: { supplierTier: 'super_factory' } }, weight: 0.05 },
        { filter: { term: { supplierTier: 'strict_selection' } }, weight: 0.025 },
        { filter: { term: { inStock: true } }, weight: 0.04 },
        { filter: { range: { responseRatePct: { gte: 95 } } }, weight: 0.02 },
        ...['ship_48h', 'return_7d', 'free_domestic_shipping', 'fast_response'].map((badge) => ({
          filter: { term: { badges: badge } },
          weight: 0.005,
        })),
        { gauss: { createdAt: { origin: 'now', scale: '180d', decay: 0.5 } }, weight: 0.02 },
      ];
    }),
  },
  noSignals: {
    steps: mapBodies((b) => {
      const fs = (b.query as { function_score: { query: unknown } }).function_score;
      b.query = fs.query;
    }),
  },
  noAggs: {
    steps: mapBodies((b) => {
      delete b.aggs;
    }),
  },
  noPriceAgg: {
    steps: mapBodies((b) => {
      delete (b.aggs as Body).price;
    }),
  },
  onlyPriceAgg: {
    steps: mapBodies((b) => {
      const aggs = b.aggs as Body;
      b.aggs = { price: aggs.price };
    }),
  },
  noTotal: {
    steps: mapBodies((b) => {
      delete b.aggs;
      b.track_total_hits = FULL_MATCHES_ENOUGH;
    }),
  },
  noRank: {
    steps: mapBodies((b) => {
      const q = (b.query as { function_score: { query: { bool: { should: unknown[] } } } }).function_score
        .query.bool;
      q.should = [];
    }),
  },
  msearch: { steps: searchBodies, msearch: true },
  noL1: {
    steps: mapBodies((b) => {
      delete (b.aggs as Body).categoryL1;
    }),
  },
  flatAggs: {
    steps: mapBodies((b) => {
      const aggs = b.aggs as Record<
        string,
        { filter: { bool: { filter: unknown[] } }; aggs: { values: Body } }
      >;
      for (const [k, a] of Object.entries(aggs))
        if (a.filter.bool.filter.length === 0) aggs[k] = a.aggs.values as never;
    }),
  },
  phraseOnly: {
    steps: mapBodies((b) => {
      const q = (b.query as { function_score: { query: { bool: { should: Body[] } } } }).function_score.query
        .bool;
      q.should = q.should.filter((c) => 'match_phrase' in c);
    }),
  },
};

const chosen = values.variants ? values.variants.split(',') : Object.keys(variants);

const bench = await benchServers({ sharedDynamodb: false, dynamodbPort: Number(values['dynamodb-port']) });
const stamp = Date.now().toString(36);
const services = await bootLocalPlatform(bench.servers, {
  tableName: `variants-${stamp}`,
  offersAlias: values.alias,
});
try {
  const transport = createSearchTransport(connectionOf(services.config));
  const alias = encodeURIComponent(values.alias);
  const prepared = await Promise.all(
    searchMix
      .filter((m) => !values.queries || new RegExp(values.queries).test(JSON.stringify(m.params)))
      .map(async (m) => {
        const tenant = (await services.tenants.byHost(m.host))!;
        const book = await services.priceBooks.forTenant(tenant, m.locale);
        const params = searchParamsSchema.parse(m.params);
        return {
          m,
          criteria: searchCriteria(params, {
            locale: m.locale,
            curation: tenant.curation,
            priceFen: book.cnyBounds(params.priceMin, params.priceMax),
            priceRanges: priceBuckets(book),
          }),
        };
      }),
  );
  const wall: Record<string, number[]> = {};
  const took: Record<string, number[]> = {};
  const perQuery: Record<string, number[][]> = {};
  const second: Record<string, number> = {};
  const run = async (name: string, q: number, criteria: OfferSearchCriteria) => {
    const v = variants[name]!;
    const bodies = v.steps(criteria);
    const t0 = performance.now();
    let spent = 0;
    if (v.split) {
      for (const [i, b] of bodies.entries()) {
        const { aggs, ...hits } = b;
        const fs = (b.query as { function_score: { query: Body } }).function_score;
        const facets = { size: 0, track_total_hits: false, query: { bool: { filter: [fs.query] } }, aggs };
        const header = JSON.stringify(v.noCache ? {} : { request_cache: true });
        const ndjson = `{}\n${JSON.stringify(hits)}\n${header}\n${JSON.stringify(facets)}\n`;
        const { body } = await transport.request({
          method: 'POST',
          path: `/${alias}/_msearch`,
          bulkBody: ndjson,
        });
        const r = body as { took: number; responses: { took: number; hits: { total: { value: number } } }[] };
        spent += Math.max(r.responses[0]!.took, r.responses[1]!.took);
        if (i === 0 && bodies.length > 1 && r.responses[0]!.hits.total.value >= FULL_MATCHES_ENOUGH) break;
        if (i > 0) second[name] = (second[name] ?? 0) + 1;
      }
    } else if (v.msearch && bodies.length > 1) {
      const ndjson = `${bodies.flatMap((b) => ['{}', JSON.stringify(b)]).join('\n')}\n`;
      const { body } = await transport.request({
        method: 'POST',
        path: `/${alias}/_msearch`,
        bulkBody: ndjson,
      });
      spent = (body as { took: number }).took;
    } else {
      for (const [i, body] of bodies.entries()) {
        const { body: res } = await transport.request({ method: 'POST', path: `/${alias}/_search`, body });
        spent += (res as { took: number }).took;
        const total = (res as { hits: { total: { value: number } } }).hits.total.value;
        if (i === 0 && bodies.length > 1 && total >= FULL_MATCHES_ENOUGH) break;
        if (i > 0) second[name] = (second[name] ?? 0) + 1;
      }
    }
    const ms = performance.now() - t0;
    wall[name] = [...(wall[name] ?? []), ms];
    took[name] = [...(took[name] ?? []), spent];
    const mine = perQuery[name] ?? [];
    mine[q] = [...(mine[q] ?? []), spent];
    perQuery[name] = mine;
  };
  for (let round = -1; round < ROUNDS; round++) {
    for (const [q, p] of prepared.entries()) {
      // Rotate the order of the variants each round so none always runs first (warm caches).
      const order = chosen.map((_, i) => chosen[(i + round + q + chosen.length) % chosen.length]!);
      for (const name of order) await run(name, q, p.criteria);
    }
    if (round === -1) {
      for (const k of Object.keys(wall)) {
        wall[k] = [];
        took[k] = [];
        perQuery[k] = [];
        second[k] = 0;
      }
    }
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return {
      mean: s.reduce((a, b) => a + b, 0) / s.length,
      min: s[0]!,
      p50: percentile(s, 50),
      p95: percentile(s, 95),
    };
  };
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`${prepared.length} queries × ${ROUNDS} rounds on ${values.alias}`);
  console.log('variant          wall mean    p50    p95 | took  min   mean    p50    p95 | 2nd body');
  for (const name of chosen) {
    const w = stats(wall[name]!);
    const t = stats(took[name]!);
    console.log(
      `${name.padEnd(16)} ${f(w.mean)} ${f(w.p50)} ${f(w.p95)} | ${f(t.min)} ${f(t.mean)} ${f(t.p50)} ${f(t.p95)} | ${second[name] ?? 0}`,
    );
  }
  if (values['per-query']) {
    console.log(
      `\ntook per query, mean / p95: ${chosen.join(' | ')} (slowest p95 of the first variant first)`,
    );
    const rows = prepared.map((p, q) => ({
      p,
      s: chosen.map((n) => stats(perQuery[n]![q]!)),
    }));
    rows.sort((a, b) => b.s[0]!.p95 - a.s[0]!.p95);
    for (const { p, s } of rows)
      console.log(
        `  ${JSON.stringify(p.m.params).padEnd(60)} ${s.map((x) => `${f(x.min)} ${f(x.p50)} ${f(x.p95)}`).join(' |')}`,
      );
  }
} finally {
  await bench.stop();
}
