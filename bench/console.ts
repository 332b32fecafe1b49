/**
 * `npm run bench:console [-- --offers 2000 --dynamodb-port 8013 --desktop]`
 *
 * Lighthouse (the lighthouse package driving Debian's Chromium) on the partner console's launch
 * flow, signed in as the owner of the demo tenant `vn`: every step of the flow, the previews and
 * the publish review. The session comes from a real sign-in in Chromium and reaches Lighthouse as
 * its Cookie header (extraHeaders). It prints the four category scores per page and a summary;
 * the goal is accessibility 100 on each of them. Scores, not timings: a page's
 * performance figure here is Lighthouse's simulated throttling on this machine.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { importIntoCatalog } from '../adapters/catalog-import.ts';
import { deleteOffersIndex } from '../adapters/opensearch/bootstrap.ts';
import { createGateway, listen } from '../local/gateway.ts';
import { localDir } from '../local/paths.ts';
import { bootLocalPlatform } from '../local/platform.ts';
import { generateOffer } from '../local/seed/generator/generate.ts';
import { benchServers } from './kit.ts';

const reportDir = join(localDir, 'bench');

const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    'dynamodb-port': { type: 'string', default: '8013' },
    mobile: { type: 'boolean', default: false },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const OFFERS = Number(values.offers);
const SEED = Number(values.seed);
const OWNER = { email: 'bench-owner@vn.console.test', password: 'bench-owner-password-1' };

if (!existsSync(values.chromium)) {
  console.error(
    `Chromium is not installed at ${values.chromium}: install Debian's chromium package (apt-get install -y chromium).`,
  );
  process.exit(1);
}

async function* generated(n: number) {
  for (let i = 0; i < n; i++) yield JSON.stringify(generateOffer(SEED, i));
}

const bench = await benchServers({ sharedDynamodb: false, dynamodbPort: Number(values['dynamodb-port']) });
const stamp = Date.now().toString(36);
const names = { tableName: `bench-console-${stamp}`, offersAlias: `bench-console-offers-${stamp}` };
const services = await bootLocalPlatform(bench.servers, names);
const gateway = createGateway();
const port = await listen(gateway, 0, '127.0.0.1');
const origin = `http://console.localhost:${port}`;
const tenant = 'vn';

/** The launch flow's pages, in the order an owner meets them. */
const pages = [
  'brand',
  'domains',
  'locales',
  'pricing',
  'curation',
  'lanes',
  'payments',
  'contact',
  'publish',
  'preview/home',
  'preview/offer',
].map((step) => ({ name: step.replace('/', '-'), path: `/tenants/${tenant}/launch/${step}` }));

try {
  await importIntoCatalog(
    { db: services.db, tableName: names.tableName, search: services.search, offersAlias: names.offersAlias },
    generated(OFFERS),
    {
      onReject: (r) => {
        throw new Error(`generated offer rejected: ${JSON.stringify(r)}`);
      },
    },
  );
  await services.search.indices.refresh({ index: names.offersAlias });
  await services.partners.recordTenant(tenant);
  await services.partners.ensureUser({ ...OWNER, role: 'owner', tenantId: tenant }, 'bench');

  const debuggingPort = 9334;
  const browser = await chromium.launch({
    executablePath: values.chromium,
    args: [`--remote-debugging-port=${debuggingPort}`, '--host-resolver-rules=MAP *.localhost 127.0.0.1'],
  });
  const lines = [
    `Console launch flow, Lighthouse ${values.mobile ? 'mobile' : 'desktop'} (signed in as vn's owner; ${OFFERS} offers; ${bench.dynamodbLabel})`,
    '',
    '  page               perf  a11y  best-pr  SEO',
  ];
  const scores: Record<string, number[]> = {
    performance: [],
    accessibility: [],
    'best-practices': [],
    seo: [],
  };
  try {
    // A real sign-in: the session cookie the console set is what Lighthouse's requests carry.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/tenants/${tenant}`);
    // The first visit starts the draft every step reads.
    await page.goto(`${origin}/tenants/${tenant}/launch`);
    const cookie = (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
    await context.close();

    for (const p of pages) {
      const url = `${origin}${p.path}`;
      const run = await lighthouse(
        url,
        {
          port: debuggingPort,
          output: 'json',
          logLevel: 'error',
          extraHeaders: { Cookie: cookie },
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        },
        values.mobile ? undefined : desktopConfig,
      );
      const lhr = run?.lhr;
      if (!lhr) throw new Error(`no Lighthouse result for ${url}`);
      if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}`);
      const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      for (const c of Object.keys(scores)) scores[c]!.push(score(c));
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      const a11yFailing = (lhr.categories.accessibility?.auditRefs ?? [])
        .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
        .map((r) => r.id);
      lines.push(
        `  ${p.name.padEnd(18)} ${String(score('performance')).padStart(4)} ${String(score('accessibility')).padStart(5)} ${String(score('best-practices')).padStart(8)} ${String(score('seo')).padStart(5)}`,
      );
      if (a11yFailing.length > 0) lines.push(`    accessibility: ${a11yFailing.join(', ')}`);
      const others = failing.filter((id) => !a11yFailing.includes(id));
      if (others.length > 0) lines.push(`    other audits below 1: ${others.slice(0, 8).join(', ')}`);
      mkdirSync(reportDir, { recursive: true });
      writeFileSync(join(reportDir, `lighthouse-console-${p.name}.json`), JSON.stringify(lhr));
    }
  } finally {
    await browser.close();
  }
  const min = (c: string) => Math.min(...scores[c]!);
  const perfect = scores.accessibility!.filter((s) => s === 100).length;
  lines.push(
    '',
    `  summary: accessibility 100 on ${perfect} of ${pages.length} pages (lowest ${min('accessibility')}); lowest performance ${min('performance')}, best practices ${min('best-practices')}, SEO ${min('seo')}`,
    `  reports: ${reportDir}/lighthouse-console-*.json`,
  );
  console.log(lines.join('\n'));
  if (perfect < pages.length) process.exitCode = 1;
} finally {
  gateway.closeAllConnections();
  await new Promise((resolve) => gateway.close(resolve));
  await deleteOffersIndex(services.search, names.offersAlias);
  await bench.stop();
}
