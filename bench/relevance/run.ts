/**
 * `npm run bench:relevance [-- --worst 15 --keep]`
 *
 * Imports the judged set's catalog (bench/relevance/catalog.json) through the platform's own
 * import (adapters/catalog-import.ts) into a table and offers alias of its own on the local
 * servers, asks every query of queries.tsv through the local API gateway as a buyer of that
 * language would (vi and ko on their partners' sites, en with ?lang=en, zh-CN on the Chinese
 * one), and prints nDCG@10 per language (vi split by diacritics) and per query type, the worst
 * queries, and a summary. Deletes its table and index unless --keep.
 */
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { importIntoCatalog } from '../../adapters/catalog-import.ts';
import { fold } from '../../core/catalog/catalog-service.ts';
import { benchPlatform } from '../kit.ts';
import { judgedQueries, ndcg, relevanceCatalog, relevanceOffer } from './catalog.ts';

const { values } = parseArgs({
  options: {
    worst: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    /** Use the shared DynamoDB Local (disk-backed, shared with tests) instead of a private in-memory one. */
    'shared-dynamodb': { type: 'boolean', default: false },
    'dynamodb-port': { type: 'string', default: '8012' },
  },
});

const siteOf = {
  vi: { host: 'vn.localhost' },
  ko: { host: 'kr.localhost' },
  en: { host: 'vn.localhost', lang: 'en' },
  'zh-CN': { host: 'my.localhost' },
} as const;

async function* lines() {
  for (const [i, spec] of relevanceCatalog.entries()) yield JSON.stringify(relevanceOffer(spec, i));
}

const platform = await benchPlatform({
  prefix: 'relevance',
  dynamodbPort: Number(values['dynamodb-port']),
  sharedDynamodb: values['shared-dynamodb'],
  maxSockets: 4,
});
const { names, services, port } = platform;
const httpGet = platform.http.get;

try {
  const stats = await importIntoCatalog(
    { db: services.db, tableName: names.tableName, search: services.search, offersAlias: names.offersAlias },
    lines(),
    { onReject: (r) => console.error(`rejected line ${r.line}: ${r.reason}`), refresh: true },
  );
  if (stats.rejected > 0 || stats.imported !== relevanceCatalog.length)
    throw new Error(`import: ${JSON.stringify(stats)}`);

  const queries = judgedQueries();
  const limit = pLimit(1);
  const results = await Promise.all(
    queries.map((q) =>
      limit(async () => {
        const site = siteOf[q.lang];
        const params = new URLSearchParams({
          q: q.query,
          size: '10',
          ...('lang' in site && { lang: site.lang }),
        });
        let { status, text } = await httpGet(port, `/api/v1/search?${params}`, site.host);
        // A busy machine can time a request out; the judged set measures ranking, so ask again.
        for (let retry = 0; status === 503 && retry < 3; retry++)
          ({ status, text } = await httpGet(port, `/api/v1/search?${params}`, site.host));
        if (status !== 200) throw new Error(`search ${q.query} → ${status} ${text}`);
        const body = JSON.parse(text) as { total: number; hits: { offerId: string }[] };
        const ranked = body.hits.map((h) => h.offerId);
        const group =
          q.lang === 'vi'
            ? fold(q.query) === q.query.toLowerCase()
              ? 'vi (no marks)'
              : 'vi (marks)'
            : q.lang;
        return { ...q, group, ranked, total: body.total, score: ndcg(ranked, q.grades) };
      }),
    ),
  );

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const table = (key: (r: (typeof results)[number]) => string) => {
    const groups = new Map<string, number[]>();
    for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.score]);
    return [...groups.entries()].map(([name, scores]) => ({ name, n: scores.length, ndcg: mean(scores) }));
  };
  const byLanguage = table((r) => r.group);
  const byType = table((r) => r.type).sort((a, b) => a.ndcg - b.ndcg);
  const overall = mean(results.map((r) => r.score));
  const worst = [...results].sort((a, b) => a.score - b.score).slice(0, Number(values.worst));

  if (values.json) {
    console.log(JSON.stringify({ overall, byLanguage, byType }, null, 2));
  } else {
    const row = (name: string, n: number, score: number) =>
      `  ${name.padEnd(16)} ${String(n).padStart(4)}   ${score.toFixed(3)}${score >= 0.9 ? '' : '  < 0.90'}`;
    console.log(`\nRelevance: ${relevanceCatalog.length} offers, ${results.length} judged queries, nDCG@10`);
    console.log('  language         queries  nDCG@10');
    for (const l of byLanguage) console.log(row(l.name, l.n, l.ndcg));
    console.log('\n  query type       queries  nDCG@10');
    for (const t of byType) console.log(row(t.name, t.n, t.ndcg));
    console.log(`\nWorst ${worst.length} queries:`);
    for (const w of worst) {
      const wanted = [...w.grades.entries()].filter(([, g]) => g === 2).map(([id]) => id);
      console.log(
        `  ${w.score.toFixed(2)}  [${w.group}] ${w.type.padEnd(14)} "${w.query}" → ${w.total} hits: ${w.ranked.slice(0, 4).join(', ') || '—'}  (wanted ${wanted.join(', ')})`,
      );
    }
    const below = byLanguage.filter((l) => l.ndcg < 0.9).map((l) => l.name);
    console.log(
      `\nSummary: nDCG@10 ${overall.toFixed(3)} over ${results.length} queries; ${
        below.length === 0 ? 'every language ≥ 0.90' : `below 0.90: ${below.join(', ')}`
      }; ${results.filter((r) => r.total === 0).length} queries with no results.`,
    );
  }
} finally {
  await platform.close(values.keep);
}
