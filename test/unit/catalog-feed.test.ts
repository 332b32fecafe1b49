import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedJsonSchema, parseFeedLine } from '../../core/catalog/feed.ts';
import { offerSchema, priceRangeFen } from '../../core/catalog/model.ts';
import { offerView } from '../../core/catalog/offer-view.ts';
import { priceBuckets } from '../../core/catalog/search-results.ts';
import { categoriesL2 } from '../../core/catalog/taxonomy.ts';
import { showText, sourceDigest, staleTranslations } from '../../core/catalog/translation.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { createPriceBook } from '../../core/pricing/book.ts';
import { withinCuration } from '../../core/tenants/curation.ts';
import { projectRoot } from '../../local/paths.ts';
import { generateOffer, offerIdOf } from '../../local/seed/generator/generate.ts';
import { fixtureOffer } from '../kit/catalog.ts';

const pot = () =>
  fixtureOffer({
    id: 'pot-1',
    category: 'kitchenware',
    title: ['汤锅', 'Nồi', '냄비', 'Pot'],
    priceFen: 2500,
    moq: 10,
  });

describe('feed lines', () => {
  it('accepts a complete offer', () => {
    expect(parseFeedLine(JSON.stringify(pot()))).toMatchObject({ ok: true, offer: { offerId: 'pot-1' } });
  });

  it.each([
    ['broken JSON', '{"offerId":', /invalid JSON/],
    [
      'a rising ladder',
      {
        ...pot(),
        priceTiers: [
          { minQuantity: 10, unitPriceFen: 100 },
          { minQuantity: 50, unitPriceFen: 120 },
        ],
      },
      /priceTiers\.1\.unitPriceFen: must not rise/,
    ],
    ['a ladder not starting at the MOQ', { ...pot(), moq: 5 }, /priceTiers\.0\.minQuantity: must equal moq/],
    [
      'money as a float',
      { ...pot(), skus: [{ skuId: 'a-1', specs: {}, stock: 1, priceFen: 9.99 }] },
      /skus\.0\.priceFen/,
    ],
    ['duplicate SKU ids', { ...pot(), skus: [pot().skus[0], pot().skus[0]] }, /duplicate sku id/],
    [
      'control characters in supplier text',
      { ...pot(), title: { source: 'a\u0007b', translations: {} } },
      /title\.source: control characters/,
    ],
    ['an http image', { ...pot(), images: ['http://img.example.com/a.jpg'] }, /images\.0/],
    ['a bad HS code', { ...pot(), hsCode: '61.09' }, /hsCode/],
  ])('rejects %s with a reason naming the field', (_, line, reason) => {
    const parsed = parseFeedLine(typeof line === 'string' ? line : JSON.stringify(line));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });

  it('publishes the JSON Schema generated from the zod schemas (docs/feed.schema.json is current)', () => {
    const committed = JSON.parse(readFileSync(join(projectRoot, 'docs', 'feed.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(feedJsonSchema())));
    expect(committed.required).toEqual(
      expect.arrayContaining(['offerId', 'version', 'skus', 'priceTiers', 'moq']),
    );
  });
});

describe('generator', () => {
  it('is deterministic by seed and index', () => {
    expect(generateOffer(42, 7)).toEqual(generateOffer(42, 7));
    expect(generateOffer(42, 7)).not.toEqual(generateOffer(43, 7));
    expect(offerIdOf(42, 7)).not.toBe(offerIdOf(42, 8));
  });

  it('writes valid, realistic offers across every category, with fresh translations', () => {
    const offers = Array.from({ length: 600 }, (_, i) => offerSchema.parse(generateOffer(42, i)));
    expect(new Set(offers.map((o) => o.category))).toEqual(new Set(categoriesL2));
    for (const offer of offers) {
      expect(staleTranslations(offer)).toEqual([]);
      expect(offer.title.source).toMatch(/\p{Script=Han}/u);
      expect(offer.title.translations.ko?.text).toMatch(/\p{Script=Hangul}/u);
      const { minFen, maxFen } = priceRangeFen(offer);
      expect(minFen).toBeGreaterThan(0);
      expect(maxFen).toBeGreaterThanOrEqual(minFen);
    }
    const tees = offers.filter((o) => o.title.source.includes('女士T恤'));
    for (const tee of tees) expect(tee.title.translations.vi?.text).toMatch(/^Áo thun nữ/);
  });
});

describe('translations', () => {
  const text = { source: '汤锅', translations: { vi: { text: 'Nồi', sourceDigest: sourceDigest('汤锅') } } };

  it('shows the translation, flags it stale once the source changed, falls back to Chinese', () => {
    expect(showText(text, 'vi')).toEqual({ text: 'Nồi', lang: 'vi', stale: false, overridden: false });
    expect(showText({ ...text, source: '汤锅 带盖' }, 'vi')).toMatchObject({ text: 'Nồi', stale: true });
    expect(showText(text, 'ko')).toEqual({ text: '汤锅', lang: 'zh-CN', stale: false, overridden: false });
    expect(showText(text, 'vi', { vi: 'Nồi phở' })).toMatchObject({ text: 'Nồi phở', overridden: true });
  });
});

describe('local prices', () => {
  const book = createPriceBook({
    currency: 'VND',
    locale: 'vi',
    markupBps: 1500,
    rounding: { increment: 1000, mode: 'up' },
    fx: { rate: '3600', asOf: '2026-11-21T00:00:00Z', source: 'test' },
  });

  it('price buckets tile the range with no gap or overlap, each with its CNY bounds', () => {
    const buckets = priceBuckets(book);
    expect(buckets[0]!.min).toBeUndefined();
    expect(buckets.at(-1)!.max).toBeUndefined();
    for (let i = 1; i < buckets.length; i++) {
      expect(buckets[i]!.min).toBe(buckets[i - 1]!.max! + 1);
      expect(buckets[i]!.minFen).toBe(buckets[i - 1]!.maxFen! + 1);
    }
  });

  it('shows the offer page in local currency, with the ladder never rising', () => {
    const view = offerView(offerSchema.parse(pot()), {
      locale: 'vi',
      book,
      t: translatorFor('vi'),
      override: undefined,
    });
    expect(view.currency).toBe('VND');
    const ladder = view.priceTiers.map((t) => t.unitPrice.amountMinor);
    expect(ladder[1]).toBeLessThanOrEqual(ladder[0]!);
    expect(view.skus[0]!.price.formatted).toMatch(/₫/);
    expect(view.category).toEqual({
      id: 'kitchenware',
      name: 'Đồ dùng nhà bếp',
      parent: { id: 'home', name: 'Đồ gia dụng & bách hóa' },
    });
  });
});

describe('curation of a single offer', () => {
  const offer = offerSchema.parse(pot());
  const tenant = (curation: object) =>
    ({
      curation: { categories: [], supplierTiers: [], requiredBadges: [], belts: [], ...curation },
    }) as never;

  it('follows the same rules as the search filter', () => {
    expect(withinCuration(offer, tenant({}))).toBe(true);
    expect(withinCuration(offer, tenant({ categories: ['home'] }))).toBe(true);
    expect(withinCuration(offer, tenant({ categories: ['kitchenware'] }))).toBe(true);
    expect(withinCuration(offer, tenant({ categories: ['apparel'] }))).toBe(false);
    expect(withinCuration(offer, tenant({ requiredBadges: ['ship_48h'] }))).toBe(false);
    expect(withinCuration(offer, tenant({ belts: ['yiwu'] }))).toBe(true);
    expect(withinCuration({ ...offer, listed: false }, tenant({}))).toBe(false);
  });
});
