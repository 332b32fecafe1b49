import { describe, expect, it } from 'vitest';
import { addLine, mergeCarts, removeLine, updateLine } from '../../core/cart/lines.ts';
import { type AddLine, type Cart, type CartLine, cartLimits } from '../../core/cart/model.ts';
import { priceCart } from '../../core/cart/pricing.ts';
import { cartView } from '../../core/cart/view.ts';
import type { Offer } from '../../core/catalog/model.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { createPriceBook } from '../../core/pricing/book.ts';
import type { Curation } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import { testOffer } from '../kit/offers.ts';

/**
 * 1 fen = 35 đồng, no markup, no rounding: every expected amount below is fen × 35, worked out
 * by hand from the test offer's ladder (10+: 12.50, 50+: 11.00, 500+: 9.80 CNY; the 24 cm SKU
 * scaled by 1500/1250).
 */
const bookFor = (locale: Locale) =>
  createPriceBook({
    currency: 'VND',
    locale,
    markupBps: 0,
    rounding: { increment: 1, mode: 'up' },
    fx: { rate: '3500', asOf: '2026-11-30T00:00:00Z', source: 'test' },
  });
const vnd = (fen: number) => fen * 35;
const everything: { curation: Curation } = {
  curation: { categories: [], supplierTiers: [], requiredBadges: [], belts: [] },
};

const pot = testOffer({
  supplier: {
    ...testOffer().supplier,
    name: {
      source: '永康市钢具厂',
      translations: {
        vi: { text: 'Xưởng thép Vĩnh Khang', sourceDigest: '0000000000000000' },
        ko: { text: '융캉 강철 공장', sourceDigest: '0000000000000000' },
      },
    },
  },
  sample: { available: true, priceFen: 2_000, maxQuantity: 3 },
  dropship: true,
  customisation: [{ kind: 'logo', minQuantity: 100, extraUnitPriceFen: 150 }],
});
/** Another supplier's offer with MOQ 100. */
const tee = testOffer({
  offerId: 'tee-cotton',
  category: 'womens_wear',
  supplier: { ...testOffer().supplier, id: 'gz-jiamei', name: { source: '广州佳美服饰', translations: {} } },
  skus: [{ skuId: 'tee-white-m', specs: {}, stock: 10_000, priceFen: 1_850 }],
  priceTiers: [
    { minQuantity: 100, unitPriceFen: 1_850 },
    { minQuantity: 300, unitPriceFen: 1_690 },
  ],
  moq: 100,
  dropship: true,
});

let n = 0;
function line(partial: Partial<CartLine> & Pick<CartLine, 'offerId' | 'skuId' | 'quantity'>): CartLine {
  n++;
  return {
    kind: 'bulk',
    lineId: `l_test${String(n).padStart(8, '0')}`,
    supplierId: 'yongkang-steelware',
    addedAt: '2026-12-01T10:00:00.000Z',
    ...partial,
  } as CartLine;
}
const cartOf = (...lines: CartLine[]): Cart => ({ lines, version: 3 });
const address = {
  name: 'Nguyễn Văn A',
  phone: '+84 912 345 678',
  line1: '12 Lý Thái Tổ',
  city: 'Hà Nội',
  country: 'VN',
};

function price(cart: Cart, offers: Offer[] = [pot, tee], tenant = everything, locale: Locale = 'vi') {
  const book = bookFor(locale);
  const map = new Map<string, Offer | undefined>(offers.map((o) => [o.offerId, o]));
  const priced = priceCart(cart, { offers: map, tenant, book });
  return { priced, view: cartView(cart, priced, { locale, t: translatorFor(locale), book }) };
}
const lines = (view: ReturnType<typeof price>['view']) =>
  view.suppliers.flatMap((s) => s.offers.flatMap((o) => o.lines));
const spaces = (s: string) => s.replace(/\s/g, ' ');

describe('cart pricing: the tier band counts every bulk SKU line of an offer', () => {
  it('prices 30 × 20 cm + 30 × 24 cm at the 50+ band, each SKU on its own scaled ladder', () => {
    const { view } = price(
      cartOf(
        line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 30 }),
        line({ offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 30 }),
      ),
    );
    const [a, b] = lines(view);
    expect(a!.unitPrice!.amountMinor).toBe(vnd(1_100));
    expect(b!.unitPrice!.amountMinor).toBe(vnd(1_320));
    expect(a!.lineTotal!.amountMinor).toBe(30 * vnd(1_100));
    expect(view.suppliers[0]!.offers[0]!.bandQuantity).toBe(60);
    expect(a!.problems).toEqual([]);
    expect(view.checkoutReady).toBe(true);
    expect(view.total.amountMinor).toBe(30 * vnd(1_100) + 30 * vnd(1_320));
  });

  it('alone, 30 of one SKU stays in the first band (10+)', () => {
    const { view } = price(cartOf(line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 30 })));
    expect(lines(view)[0]!.unitPrice!.amountMinor).toBe(vnd(1_250));
  });

  it('says how many more units reach the next band and the unit price there, in the buyer’s language', () => {
    const { view } = price(
      cartOf(
        line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 30 }),
        line({ offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 30 }),
      ),
    );
    const next = view.suppliers[0]!.offers[0]!.nextTier!;
    expect(next.minQuantity).toBe(500);
    expect(next.unitsToGo).toBe(440);
    expect(next.skus.map((s) => s.unitPrice.amountMinor)).toEqual([vnd(980), vnd(1_176)]);
    expect(spaces(next.message)).toBe('Thêm 440 cái để được giá từ 34.300 ₫ mỗi đơn vị.');
  });

  it('has no next band to offer in the top band', () => {
    const { view } = price(cartOf(line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 600 })));
    expect(view.suppliers[0]!.offers[0]!.nextTier).toBeNull();
  });
});

describe('cart problems, each with a message in the buyer’s language', () => {
  const below = cartOf(
    line({ offerId: 'tee-cotton', skuId: 'tee-white-m', quantity: 60, supplierId: 'gz-jiamei' }),
  );

  it('below the MOQ in Vietnamese: how many more units reach it', () => {
    const { view } = price(below);
    const [problem] = lines(view)[0]!.problems;
    expect(problem).toMatchObject({ code: 'below_moq', params: { missing: 40, minimum: 100 } });
    expect(problem!.message).toBe('Cần thêm 40 cái để đạt số lượng tối thiểu 100.');
    expect(view.checkoutReady).toBe(false);
    // Priced at the first band meanwhile: what the buyer will pay once the MOQ is reached.
    expect(lines(view)[0]!.unitPrice!.amountMinor).toBe(vnd(1_850));
  });

  it('below the MOQ in Korean', () => {
    const { view } = price(below, undefined, undefined, 'ko');
    expect(lines(view)[0]!.problems[0]!.message).toBe('최소 주문 수량 100에 도달하려면 40개 더 담아 주세요.');
  });

  it('samples pay the sample price, are not counted in the band, and are limited per offer', () => {
    const { view } = price(
      cartOf(
        line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 48 }),
        line({ kind: 'sample', offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 2 }),
        line({ kind: 'sample', offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 2 }),
      ),
    );
    const [bulk, sampleA, sampleB] = lines(view);
    // 48 bulk + 4 samples: still the 10+ band, since samples do not count.
    expect(bulk!.unitPrice!.amountMinor).toBe(vnd(1_250));
    expect(sampleA!.unitPrice!.amountMinor).toBe(vnd(2_000));
    expect(sampleB!.problems.map((p) => p.code)).toEqual(['sample_limit']);
    expect(sampleB!.problems[0]!.message).toBe('Chỉ được đặt tối đa 3 cái hàng mẫu của sản phẩm này.');
    expect(bulk!.problems).toEqual([]);
  });

  it('dropship lines pay the first band whatever the band, with no MOQ of their own', () => {
    const { view } = price(
      cartOf(
        line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 60 }),
        line({
          kind: 'dropship',
          offerId: 'pot-304-steel',
          skuId: 'pot-20cm',
          quantity: 1,
          blindPackaging: true,
          address,
        }),
        line({
          kind: 'dropship',
          offerId: 'tee-cotton',
          skuId: 'tee-white-m',
          quantity: 1,
          blindPackaging: false,
          address,
          supplierId: 'gz-jiamei',
        }),
      ),
    );
    const [bulk, drop, dropTee] = lines(view);
    expect(bulk!.unitPrice!.amountMinor).toBe(vnd(1_100));
    expect(drop!.unitPrice!.amountMinor).toBe(vnd(1_250));
    expect(drop).toMatchObject({ blindPackaging: true, address });
    expect(dropTee!.problems).toEqual([]);
    expect(view.checkoutReady).toBe(true);
  });

  it('customised lines add each option’s extra unit price and check the option’s MOQ', () => {
    const { view } = price(
      cartOf(
        line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 40 }),
        line({
          kind: 'customised',
          offerId: 'pot-304-steel',
          skuId: 'pot-20cm',
          quantity: 60,
          options: ['logo'],
        }),
      ),
    );
    const custom = lines(view)[1]!;
    // The band is 100 (bulk and customised count together): 11.00 + 1.50 logo.
    expect(custom.unitPrice!.amountMinor).toBe(vnd(1_100 + 150));
    expect(custom.options).toEqual([
      expect.objectContaining({
        id: 'logo',
        name: 'In logo',
        extraUnitPrice: expect.objectContaining({ amountMinor: vnd(150) }),
      }),
    ]);
    expect(custom.problems).toMatchObject([
      { code: 'customisation_moq', params: { missing: 40, minimum: 100 } },
    ]);
    expect(custom.problems[0]!.message).toBe('In logo cần thêm 40 cái để đạt số lượng tối thiểu 100.');
  });

  it('counts every line of an SKU against its stock', () => {
    const { view } = price(
      cartOf(
        line({ offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 30 }),
        line({ kind: 'sample', offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 1 }),
        line({
          kind: 'dropship',
          offerId: 'pot-304-steel',
          skuId: 'pot-24cm',
          quantity: 10,
          blindPackaging: true,
          address,
        }),
      ),
      undefined,
      undefined,
      'ko',
    );
    for (const l of lines(view)) {
      expect(l.problems).toMatchObject([{ code: 'exceeds_stock', params: { stock: 40 } }]);
      expect(l.problems[0]!.message).toBe('재고가 40개만 남아 있습니다.');
    }
  });

  it('an offer gone, delisted or outside the curation is not priced and blocks checkout', () => {
    const cart = cartOf(
      line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 20 }),
      line({ offerId: 'gone-offer', skuId: 'gone-1', quantity: 5, supplierId: 'old-supplier' }),
      line({ offerId: 'tee-cotton', skuId: 'tee-white-m', quantity: 100, supplierId: 'gz-jiamei' }),
    );
    const gone = price(cart);
    expect(lines(gone.view)[1]).toMatchObject({ unitPrice: null, problems: [{ code: 'not_offered' }] });
    expect(gone.view.total.amountMinor).toBe(20 * vnd(1_250) + 100 * vnd(1_850));
    expect(gone.view.suppliers.map((s) => s.supplier)).toEqual([
      { id: 'yongkang-steelware', name: expect.objectContaining({ text: 'Xưởng thép Vĩnh Khang' }) },
      { id: 'old-supplier', name: null },
      { id: 'gz-jiamei', name: expect.objectContaining({ text: '广州佳美服饰' }) },
    ]);

    const delisted = price(cart, [pot, { ...tee, listed: false }]);
    expect(lines(delisted.view)[2]!.problems.map((p) => p.message)).toEqual([
      'Nhà cung cấp đã ngừng bán sản phẩm này.',
    ]);

    const kitchenOnly: { curation: Curation } = {
      curation: { ...everything.curation, categories: ['kitchenware'] },
    };
    const curated = price(cart, [pot, tee], kitchenOnly);
    expect(lines(curated.view)[2]!.problems.map((p) => p.code)).toEqual(['outside_curation']);
    expect(curated.view.checkoutReady).toBe(false);
  });

  it('groups lines by supplier with subtotals, the supplier named in the buyer’s language', () => {
    const { view } = price(
      cartOf(
        line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 10 }),
        line({ offerId: 'tee-cotton', skuId: 'tee-white-m', quantity: 100, supplierId: 'gz-jiamei' }),
        line({ kind: 'sample', offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 1 }),
      ),
      undefined,
      undefined,
      'ko',
    );
    expect(view.suppliers.map((s) => [s.supplier.name?.text, s.subtotal.amountMinor])).toEqual([
      ['융캉 강철 공장', 10 * vnd(1_250) + vnd(2_000)],
      ['广州佳美服饰', 100 * vnd(1_850)],
    ]);
    expect(view.total.amountMinor).toBe(10 * vnd(1_250) + vnd(2_000) + 100 * vnd(1_850));
    expect(view.total.currency).toBe('VND');
  });

  it('an empty cart is not ready for checkout', () => {
    expect(price(cartOf()).view.checkoutReady).toBe(false);
  });
});

describe('cart lines: adding, changing, merging', () => {
  const ctx = {
    lineId: 'l_new0000000001',
    supplierId: 'yongkang-steelware',
    now: '2026-12-01T10:00:00.000Z',
  };
  const bulk = { kind: 'bulk', offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 10 } as const;

  it('adding the same SKU, kind and options again adds quantity; another kind is another line', () => {
    const once = addLine(cartOf(), bulk, ctx).cart;
    const twice = addLine(once, { ...bulk, quantity: 5 }, { ...ctx, lineId: 'l_new0000000002' });
    expect(twice.cart.lines).toHaveLength(1);
    expect(twice.cart.lines[0]!.quantity).toBe(15);
    expect(twice.lineId).toBe('l_new0000000001');
    const sample = addLine(
      twice.cart,
      { ...bulk, kind: 'sample', quantity: 1 },
      { ...ctx, lineId: 'l_new0000000003' },
    );
    expect(sample.cart.lines).toHaveLength(2);
    const logo: AddLine = { ...bulk, kind: 'customised', options: ['logo', 'label'] };
    const withLogo = addLine(sample.cart, logo, { ...ctx, lineId: 'l_new0000000004' }).cart;
    const again = addLine(
      withLogo,
      { ...logo, options: ['label', 'logo'] },
      { ...ctx, lineId: 'l_new0000000005' },
    ).cart;
    expect(again.lines).toHaveLength(3);
    expect(again.lines[2]!.quantity).toBe(20);
  });

  it('refuses a line past the cart’s limit, but still adds to an existing one', () => {
    const full = cartOf(
      ...Array.from({ length: cartLimits.lines }, (_, i) =>
        line({ offerId: 'pot-304-steel', skuId: `sku-${i}`, quantity: 1 }),
      ),
    );
    expect(() => addLine(full, bulk, ctx)).toThrow(expect.objectContaining({ code: 'CART_FULL' }));
    expect(addLine(full, { ...bulk, skuId: 'sku-7' }, ctx).cart.lines[7]!.quantity).toBe(11);
  });

  it('a change that makes a line equal to another merges them; a field of another kind is refused', () => {
    const a = line({
      kind: 'customised',
      offerId: 'pot-304-steel',
      skuId: 'pot-20cm',
      quantity: 5,
      options: ['logo'],
    });
    const b = line({
      kind: 'customised',
      offerId: 'pot-304-steel',
      skuId: 'pot-20cm',
      quantity: 7,
      options: ['label'],
    });
    const merged = updateLine(cartOf(a, b), b.lineId, { options: ['logo'] });
    expect(merged.lines).toEqual([{ ...a, quantity: 12 }]);
    const plain = line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 5 });
    expect(() => updateLine(cartOf(plain), plain.lineId, { options: ['logo'] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => updateLine(cartOf(plain), 'l_nothere00000', { quantity: 1 })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(removeLine(cartOf(plain), 'l_nothere00000').lines).toEqual([plain]);
  });

  it('merging a visitor’s cart adds the same lines’ quantities (capped) and keeps the buyer’s first', () => {
    const mine = line({ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: cartLimits.quantity - 1 });
    const theirs = { ...mine, lineId: 'l_visitor00000001', quantity: 5 };
    const other = line({ offerId: 'tee-cotton', skuId: 'tee-white-m', quantity: 100 });
    const merged = mergeCarts(cartOf(mine), { lines: [theirs, other], version: 1 });
    expect(merged.lines.map((l) => [l.lineId, l.quantity])).toEqual([
      [mine.lineId, cartLimits.quantity],
      [other.lineId, 100],
    ]);
    expect(merged.version).toBe(3);
  });
});
