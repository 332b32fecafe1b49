/**
 * `node bench/storefront-steps.ts [-- --offers 20000 --rounds 20 --keep --reuse <stamp> --cpu-prof]`
 *
 * Where the offer page's server render goes, step by step, interleaved in one run on one
 * catalog: the page and its API through the gateway, the in-process render, and each of its
 * steps alone (offer read, override read, price book, offer view, landed cost, HTML, ETag), with
 * the garbage collector's pauses seen during the rounds. `--keep` leaves the table and alias for
 * a later `--reuse <stamp>` (the DynamoDB Local on `--dynamodb-port` must then still be
 * running). `--cpu-prof` writes a CPU profile of the measured rounds only (not the ingest) to
 * .local/bench/storefront-steps.cpuprofile. Timings live here, never in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pictureOf } from '../adapters/assets/urls.ts';
import { addressForm } from '../core/addresses/address.ts';
import { offerView } from '../core/catalog/offer-view.ts';
import { translatorFor, uncachedTranslatorFor } from '../core/i18n/translator.ts';
import { presentLandedCost } from '../core/landed-cost/present.ts';
import { landedCostService } from '../core/landed-cost/service.ts';
import { renderHomePage } from '../functions/handlers/page-home.ts';
import { renderOfferPage } from '../functions/handlers/page-offer.ts';
import { localDir } from '../local/paths.ts';
import { generateOffer } from '../local/seed/generator/generate.ts';
import { offerPage } from '../storefront/pages/offer.ts';
import { etagOf, newNonce } from '../storefront/security.ts';
import { benchPlatform, ingestGenerated, percentile } from './kit.ts';

const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '20' },
    seed: { type: 'string', default: '42' },
    'dynamodb-port': { type: 'string', default: '8044' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const OFFERS = Number(values.offers);
const ROUNDS = Number(values.rounds);
const SEED = Number(values.seed);
const host = 'vn.localhost';

const platform = await benchPlatform({
  prefix: 'bench-sfs',
  dynamodbPort: Number(values['dynamodb-port']),
  reuse: values.reuse,
});
const { services, port, http } = platform;

try {
  if (!values.reuse) await ingestGenerated(platform, OFFERS, SEED);
  const tenant = (await services.tenants.byHost(host))!;
  const locale = tenant.defaultLocale;
  const t = translatorFor(locale);
  // The bench:storefront offers: 20 spread over the catalog.
  const offerIds = Array.from({ length: 20 }, (_, i) => generateOffer(SEED, (i * 7919) % OFFERS).offerId);
  const ctxFor = (offerId: string, translate = t) => ({
    tenant,
    locale,
    t: translate,
    nonce: newNonce(),
    origin: `http://${host}:3000`,
    path: `/offers/${offerId}`,
    query: new URLSearchParams(),
    picture: pictureOf,
  });

  const steps: Record<string, number[]> = {};
  const record = (name: string, ms: number) => {
    steps[name] ??= [];
    steps[name].push(ms);
  };
  const time = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    record(name, performance.now() - t0);
    return out;
  };
  const gcPauses: { kind: number; ms: number }[] = [];
  let measuring = false;
  const gc = new PerformanceObserver((list) => {
    if (!measuring) return;
    for (const e of list.getEntries())
      gcPauses.push({ kind: (e as unknown as { detail: { kind: number } }).detail.kind, ms: e.duration });
  });
  gc.observe({ entryTypes: ['gc'] });
  const session = values['cpu-prof'] ? new Session() : undefined;

  for (let round = -3; round < ROUNDS; round++) {
    if (round === 0) {
      for (const k of Object.keys(steps)) steps[k] = [];
      measuring = true;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
      }
    }
    for (const [i, offerId] of offerIds.entries()) {
      if (round < 0 && i > 2) break;
      await time('1 page (gateway)', () => http.get(port, `/offers/${offerId}`, host));
      await time('2 API (gateway)', () => http.get(port, `/api/v1/offers/${offerId}`, host));
      // A/B, interleaved: the render with the kept translations, then with i18next's own.
      await time('3a render (kept t)', () =>
        renderOfferPage({ tenant, locale, services }, ctxFor(offerId), offerId),
      );
      await time('3b render (i18next t)', () =>
        renderOfferPage(
          { tenant, locale, services },
          ctxFor(offerId, uncachedTranslatorFor(locale)),
          offerId,
        ),
      );
      // A/B: the offer and the tenant's override as two GetItems at once, or one BatchGetItem.
      await time('4a offer+override 2 Get', () =>
        Promise.all([services.offers.get(offerId), services.offers.getOverride(tenant.id, offerId)]),
      );
      await time('4b offer+override Batch', () => services.offers.getWithOverride(tenant.id, offerId));
      const offer = (await time('4 offer read', () => services.offers.get(offerId)))!;
      const override = await time('5 override read', () => services.offers.getOverride(tenant.id, offerId));
      const book = await time('6 price book', () => services.priceBooks.forTenant(tenant, locale));
      const view = await time('7 offer view', () => offerView(offer, { locale, book, t, override }));
      const sku = offer.skus.find((s) => s.stock >= offer.moq);
      const landedCost = landedCostService({
        offers: { get: async () => offer },
        priceBooks: services.priceBooks,
      });
      const landed = sku
        ? await time('8 landed cost', async () =>
            presentLandedCost(
              await landedCost.estimate(tenant, locale, {
                lines: [{ offerId, skuId: sku.skuId, quantity: offer.moq }],
              }),
              locale,
              t,
            ),
          )
        : undefined;
      const ctx = ctxFor(offerId);
      const body = await time('9 HTML', () =>
        offerPage(ctx, {
          offer: view,
          sampleLimit: offer.sample.maxQuantity,
          addressFields: offer.dropship ? addressForm(tenant.country ?? '') : [],
          ...(view.title.lang !== 'zh-CN' && { original: offer.title.source }),
          ...(landed && { landed: { quantity: offer.moq, estimates: landed.estimates } }),
        }),
      );
      await time('10 ETag', () => etagOf(body, ctx.nonce));
      if (i < 5) {
        await time('H1 home (gateway)', () => http.get(port, '/', host));
        await time('H2 home API (gateway)', () => http.get(port, '/api/v1/search?sort=newest&size=8', host));
        await time('H3a home render (kept t)', () => renderHomePage({ tenant, locale }, ctxFor('/')));
        await time('H3b home render (i18next t)', () =>
          renderHomePage({ tenant, locale }, ctxFor('/', uncachedTranslatorFor(locale))),
        );
      }
      record('HTML bytes', body.length / 1000);
    }
  }
  measuring = false;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    const dir = join(localDir, 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'storefront-steps.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
    console.log(`CPU profile: ${join(dir, 'storefront-steps.cpuprofile')}`);
  }
  gc.disconnect();
  const ms = (n: number) => `${n.toFixed(2)}`.padStart(9);
  console.log(`${OFFERS} offers, ${offerIds.length} offers × ${ROUNDS} rounds (ms; HTML in kB)`);
  console.log('                          mean       p50       p95       max');
  for (const [name, samples] of Object.entries(steps)) {
    const s = [...samples].sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    console.log(
      `  ${name.padEnd(22)} ${ms(mean)} ${ms(percentile(s, 50))} ${ms(percentile(s, 95))} ${ms(s.at(-1)!)}`,
    );
  }
  const byKind = new Map<number, number[]>();
  for (const p of gcPauses) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.ms]);
  const kinds: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weakcb' };
  for (const [kind, list] of byKind) {
    const total = list.reduce((a, b) => a + b, 0);
    console.log(
      `  GC ${kinds[kind] ?? kind}: ${list.length} pauses, total ${total.toFixed(1)} ms, max ${Math.max(...list).toFixed(1)} ms`,
    );
  }
} finally {
  await platform.close(values.keep);
}
