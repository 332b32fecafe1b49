/**
 * `npm run bench:storefront [-- --offers 100000 --rounds 30 --no-lighthouse]`
 *
 * 1. Generates offers (seed 42) into a table and alias of its own (a private in-memory DynamoDB
 *    Local, the shared OpenSearch node), as bench:search does.
 * 2. Server render through the local gateway, one request at a time: p50/p95 of the home, search,
 *    category and offer pages, and of the API call behind each page (its ratio to the page).
 * 3. Bytes per page: HTML gzipped, JavaScript gzipped (the inline islands; budget 15 KB), and in
 *    Chromium the total transferred with images, on a phone-sized viewport.
 * 4. Lighthouse mobile (the lighthouse package driving Debian's Chromium) on those pages: one
 *    uncounted warm-up audit, then `--lighthouse-runs` (3) runs per page at 4×, interleaved, the
 *    median run reported; then one run with the CPU slowdown calibrated to this host.
 * Timings live here, never in tests.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { importIntoCatalog } from '../adapters/catalog-import.ts';
import { deleteOffersIndex } from '../adapters/opensearch/bootstrap.ts';
import { createGateway, listen } from '../local/gateway.ts';
import { localDir } from '../local/paths.ts';
import { bootLocalPlatform } from '../local/platform.ts';
import { generateOffer } from '../local/seed/generator/generate.ts';
import { progressBar } from '../scripts/progress.ts';
import { benchServers, calibratedCpuSlowdown, gatewayGetter, percentile } from './kit.ts';

const reportDir = join(localDir, 'bench');

const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '30' },
    seed: { type: 'string', default: '42' },
    'no-lighthouse': { type: 'boolean', default: false },
    /** Lighthouse runs per page at 4×; the median run is reported (as Lighthouse CI does). */
    'lighthouse-runs': { type: 'string', default: '3' },
    'dynamodb-port': { type: 'string', default: '8012' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const OFFERS = Number(values.offers);
const ROUNDS = Number(values.rounds);
const SEED = Number(values.seed);
const LIGHTHOUSE_RUNS = Number(values['lighthouse-runs']);

const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};

const http = gatewayGetter(1);
const httpGet = http.get;

async function* generated(n: number) {
  for (let i = 0; i < n; i++) yield JSON.stringify(generateOffer(SEED, i));
}

if (!values['no-lighthouse'] && !existsSync(values.chromium)) {
  console.error(
    `Chromium is not installed at ${values.chromium}: install Debian's chromium package (apt-get install -y chromium), or pass --no-lighthouse.`,
  );
  process.exit(1);
}

const bench = await benchServers({ sharedDynamodb: false, dynamodbPort: Number(values['dynamodb-port']) });
const stamp = Date.now().toString(36);
const names = { tableName: `bench-sf-${stamp}`, offersAlias: `bench-sf-offers-${stamp}` };
const services = await bootLocalPlatform(bench.servers, names);
const gateway = createGateway();
const port = await listen(gateway, 0, '127.0.0.1');
const fmt = new Intl.NumberFormat('en');
const host = 'vn.localhost';

try {
  const bar = progressBar('ingest');
  await importIntoCatalog(
    { db: services.db, tableName: names.tableName, search: services.search, offersAlias: names.offersAlias },
    generated(OFFERS),
    {
      onReject: (r) => console.error(`rejected line ${r.line}: ${r.reason}`),
      onProgress: (s) => bar.update(s.lines / OFFERS, `${fmt.format(s.imported)} offers`),
    },
  );
  bar.done();
  await services.search.indices.refresh({ index: names.offersAlias });

  const offerIds = Array.from({ length: 20 }, (_, i) => generateOffer(SEED, (i * 7919) % OFFERS).offerId);
  const pages = [
    { name: 'home', page: () => '/', api: () => '/api/v1/search?sort=newest&size=8' },
    { name: 'search', page: () => '/search?q=ao+thun+nu', api: () => '/api/v1/search?q=ao+thun+nu&size=24' },
    {
      name: 'category',
      page: () => '/c/womens_wear',
      api: () => '/api/v1/search?category=womens_wear&size=24',
    },
    {
      name: 'offer',
      page: (i: number) => `/offers/${offerIds[i % offerIds.length]}`,
      api: (i: number) => `/api/v1/offers/${offerIds[i % offerIds.length]}`,
    },
  ];
  const results: Record<string, { page: number[]; api: number[]; html: string }> = {};
  const time = async (path: string) => {
    const t0 = performance.now();
    const { status, text } = await httpGet(port, path, host);
    if (status !== 200) throw new Error(`${path} → ${status} ${text.slice(0, 200)}`);
    return { ms: performance.now() - t0, text };
  };
  // Warm-up (first loads, caches of a warm container), then the measured rounds.
  for (const p of pages) {
    for (let i = 0; i < 3; i++) {
      await time(p.page(i));
      await time(p.api(i));
    }
  }
  const queryBar = progressBar('renders');
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of pages) {
      results[p.name] ??= { page: [], api: [], html: '' };
      const r = results[p.name]!;
      const page = await time(p.page(round));
      r.page.push(page.ms);
      r.html = page.text;
      r.api.push((await time(p.api(round))).ms);
    }
    queryBar.update((round + 1) / ROUNDS, `${round + 1} rounds`);
  }
  queryBar.done();

  const jsOf = (html: string) =>
    [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .join('');
  const lines = [
    '',
    `Storefront bench: ${fmt.format(OFFERS)} offers, ${ROUNDS} rounds per page, one request at a time (vn.localhost, vi)`,
    '  page        render p50   p95      API p50    p95      page/API p95   HTML gz   JS gz',
  ];
  for (const p of pages) {
    const r = results[p.name]!;
    const page = summary(r.page);
    const api = summary(r.api);
    const kb = (s: string) => `${(gzipSync(s).length / 1024).toFixed(1)} KB`;
    lines.push(
      `  ${p.name.padEnd(10)} ${page.p50.toFixed(1).padStart(7)} ms ${page.p95.toFixed(1).padStart(6)} ms ${api.p50.toFixed(1).padStart(7)} ms ${api.p95.toFixed(1).padStart(6)} ms ${(page.p95 / api.p95).toFixed(2).padStart(9)}x ${kb(r.html).padStart(10)} ${kb(jsOf(r.html)).padStart(8)}`,
    );
  }

  if (!values['no-lighthouse']) {
    const debuggingPort = 9333;
    const browser = await chromium.launch({
      executablePath: values.chromium,
      args: [`--remote-debugging-port=${debuggingPort}`, '--host-resolver-rules=MAP *.localhost 127.0.0.1'],
    });
    try {
      // Each page twice: Lighthouse's default mobile throttling (CPU 4×), then with the CPU
      // slowdown calibrated to this host's benchmarkIndex (a slow or busy host under 4×
      // emulates a much slower phone than Lighthouse's reference one).
      const audit = async (url: string, cpuSlowdownMultiplier?: number, throttling?: object) => {
        const run = await lighthouse(url, {
          port: debuggingPort,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          ...(cpuSlowdownMultiplier && { throttling: { ...throttling, cpuSlowdownMultiplier } }),
        });
        if (!run?.lhr) throw new Error(`no Lighthouse result for ${url}`);
        return run.lhr;
      };
      const score = (lhr: Awaited<ReturnType<typeof audit>>, c: string) =>
        String(Math.round((lhr.categories[c]?.score ?? 0) * 100)).padStart(5);
      const audited: {
        name: string;
        default: Awaited<ReturnType<typeof audit>>;
        /** Performance at 4× of every run, in run order. */
        scores: number[];
        calibrated: Awaited<ReturnType<typeof audit>>;
        multiplier: number;
      }[] = [];
      const urlOf = (p: (typeof pages)[number]) => `http://${host}:${port}${p.page(0)}`;
      // One audit not counted: a freshly started Chromium's first load pays its own start-up
      // (font and process set-up), which would fall on whichever page came first.
      await audit(urlOf(pages[0]!));
      // Runs interleaved page by page, so a busy moment of the host spreads over all pages; the
      // median run (closest to the median FCP and TTI, Lighthouse's own computeMedianRun) is
      // the one reported, as Lighthouse CI does.
      const runs = new Map(pages.map((p) => [p.name, [] as Awaited<ReturnType<typeof audit>>[]]));
      for (let round = 0; round < LIGHTHOUSE_RUNS; round++) {
        for (const p of pages) runs.get(p.name)!.push(await audit(urlOf(p)));
      }
      for (const p of pages) {
        const all = runs.get(p.name)!;
        const median = computeMedianRun(all);
        const multiplier = calibratedCpuSlowdown(median.environment.benchmarkIndex);
        audited.push({
          name: p.name,
          default: median,
          scores: all.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)),
          calibrated: await audit(urlOf(p), multiplier, median.configSettings.throttling),
          multiplier,
        });
      }
      lines.push(
        '',
        `  Lighthouse mobile, median of ${LIGHTHOUSE_RUNS} runs at 4x (every run's perf in brackets)`,
        `                     perf 4x  perf (CPU calibrated)  a11y  best-pr  SEO   total bytes  JS bytes`,
      );
      for (const { name, default: lhr, scores, calibrated, multiplier } of audited) {
        const weight = lhr.audits['total-byte-weight']?.numericValue ?? 0;
        const items =
          (
            lhr.audits['network-requests']?.details as {
              items?: { resourceType?: string; transferSize?: number }[];
            }
          )?.items ?? [];
        const js = items
          .filter((i) => i.resourceType === 'Script')
          .reduce((a, i) => a + (i.transferSize ?? 0), 0);
        lines.push(
          `  ${name.padEnd(18)} ${score(lhr, 'performance')}    ${score(calibrated, 'performance')} (${multiplier.toFixed(1)}x, index ${Math.round(lhr.environment.benchmarkIndex)}) ${score(lhr, 'accessibility')} ${score(lhr, 'best-practices')}   ${score(lhr, 'seo')} ${`${(weight / 1024).toFixed(0)} KB`.padStart(11)} ${`${(js / 1024).toFixed(1)} KB`.padStart(9)}`,
          `    runs at 4x: [${scores.join(', ')}]`,
        );
        for (const [label, report] of [
          ['4x', lhr],
          ['calibrated', calibrated],
        ] as const) {
          const metrics = [
            'first-contentful-paint',
            'largest-contentful-paint',
            'total-blocking-time',
            'cumulative-layout-shift',
            'speed-index',
          ]
            .map((id) => `${id.replace(/-/g, ' ')} ${report.audits[id]?.displayValue ?? '?'}`)
            .join(' · ');
          lines.push(`    ${label}: ${metrics}`);
        }
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
          .map((a) => a.id);
        if (failing.length > 0) lines.push(`    below 0.9 (4x): ${failing.slice(0, 8).join(', ')}`);
        // The whole reports, to read what an audit found (LCP element, long tasks).
        mkdirSync(reportDir, { recursive: true });
        writeFileSync(join(reportDir, `lighthouse-${name}.json`), JSON.stringify(lhr));
        writeFileSync(join(reportDir, `lighthouse-${name}-calibrated.json`), JSON.stringify(calibrated));
      }
    } finally {
      await browser.close();
    }
  }
  console.log(lines.join('\n'));
} finally {
  http.close();
  gateway.closeAllConnections();
  await new Promise((resolve) => gateway.close(resolve));
  await deleteOffersIndex(services.search, names.offersAlias);
  await bench.stop();
}
