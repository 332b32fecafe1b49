import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCartStore } from '../../adapters/dynamodb/cart-store.ts';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { cartService } from '../../core/cart/service.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { cartOwner } from '../../functions/handlers/cart-owner.ts';
import type { Shopper } from '../../functions/http/shopper.ts';
import { testOffer } from '../kit/offers.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  const offers = new DynamoOfferRepository(platform.services.db, platform.tableName);
  await offers.save([
    {
      offer: testOffer({
        sample: { available: true, priceFen: 2_000, maxQuantity: 3 },
        dropship: true,
        customisation: [{ kind: 'logo', minQuantity: 100, extraUnitPriceFen: 150 }],
      }),
    },
    {
      // Another supplier, MOQ 100.
      offer: testOffer({
        offerId: 'lid-glass',
        supplier: {
          ...testOffer().supplier,
          id: 'chaozhou-glass',
          name: { source: '潮州玻璃厂', translations: {} },
        },
        skus: [{ skuId: 'lid-24', specs: {}, stock: 10_000, priceFen: 500 }],
        priceTiers: [
          { minQuantity: 100, unitPriceFen: 500 },
          { minQuantity: 1_000, unitPriceFen: 420 },
        ],
        moq: 100,
      }),
    },
  ]);
}, 900_000);
afterAll(async () => platform?.close());

/** vn's end customer, in checkout's address form for Vietnam; the cart keeps its stored form. */
const address = {
  name: 'Trần Thị B',
  phone: '+84 912 345 678',
  province: 'TP. Hồ Chí Minh',
  commune: 'Phường Sài Gòn',
  street: '45 Nguyễn Huệ',
};
const storedAddress = {
  country: 'VN',
  name: 'Trần Thị B',
  phone: '+84912345678',
  province: '79',
  commune: 'Phường Sài Gòn',
  street: '45 Nguyễn Huệ',
};

/** A shopper behind a browser: keeps the sf_visitor cookie the first answer sets. */
function browser(host: string) {
  let cookie: string | undefined;
  return async (method: string, path: string, body?: unknown) => {
    const res = await platform.request(path, {
      host,
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(cookie && { cookie }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
}

type View = {
  suppliers: {
    supplier: { id: string };
    offers: { offerId: string; lines: Line[] }[];
    subtotal: { amountMinor: number };
  }[];
  total: { amountMinor: number; currency: string };
  checkoutReady: boolean;
  version: number;
};
type Line = {
  lineId: string;
  kind: string;
  skuId: string;
  quantity: number;
  unitPrice: { amountMinor: number } | null;
  lineTotal: { amountMinor: number } | null;
  problems: { code: string; message: string }[];
};
const linesOf = (view: View) => view.suppliers.flatMap((s) => s.offers.flatMap((o) => o.lines));

describe('the cart API on vn.localhost', () => {
  const shop = browser('vn.localhost:3000');

  it('starts empty for a new visitor, never cached, with a visitor cookie', async () => {
    const res = await shop('GET', '/api/v1/cart');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toMatch(
      /^sf_visitor=v_[\w-]{22}; .*HttpOnly; Secure; SameSite=Lax/,
    );
    expect(res.body).toMatchObject({ version: 0, suppliers: [], checkoutReady: false, currency: 'VND' });
  });

  it('fills a cart with lines of two suppliers, shows the MOQ problem in Vietnamese, and is ready once fixed', async () => {
    let res = await shop('POST', '/api/v1/cart/lines', {
      kind: 'bulk',
      offerId: 'lid-glass',
      skuId: 'lid-24',
      quantity: 60,
    });
    expect(res.status).toBe(200);
    await shop('POST', '/api/v1/cart/lines', {
      kind: 'bulk',
      offerId: 'pot-304-steel',
      skuId: 'pot-20cm',
      quantity: 30,
    });
    await shop('POST', '/api/v1/cart/lines', {
      kind: 'sample',
      offerId: 'pot-304-steel',
      skuId: 'pot-24cm',
      quantity: 1,
    });
    res = await shop('POST', '/api/v1/cart/lines', {
      kind: 'dropship',
      offerId: 'pot-304-steel',
      skuId: 'pot-20cm',
      quantity: 1,
      address,
    });
    let view = res.body as View;
    expect(view.suppliers.map((s) => s.supplier.id)).toEqual(['chaozhou-glass', 'yongkang-steelware']);
    const lid = linesOf(view).find((l) => l.skuId === 'lid-24')!;
    expect(lid.problems.map((p) => p.message)).toEqual(['Cần thêm 40 cái để đạt số lượng tối thiểu 100.']);
    expect(view.checkoutReady).toBe(false);
    expect(linesOf(view).find((l) => l.kind === 'dropship')).toMatchObject({
      blindPackaging: true,
      address: storedAddress,
    });
    for (const l of linesOf(view))
      expect(l.lineTotal!.amountMinor).toBe(l.unitPrice!.amountMinor * l.quantity);
    expect(view.total.amountMinor).toBe(view.suppliers.reduce((n, s) => n + s.subtotal.amountMinor, 0));

    res = await shop('PATCH', `/api/v1/cart/lines/${lid.lineId}`, { quantity: 100 });
    view = res.body as View;
    expect(res.status).toBe(200);
    expect(linesOf(view).flatMap((l) => l.problems)).toEqual([]);
    expect(view.checkoutReady).toBe(true);
  });

  it('adds quantity when the same SKU and kind is added again, and removes lines and the cart', async () => {
    const before = linesOf((await shop('GET', '/api/v1/cart')).body).length;
    const res = await shop('POST', '/api/v1/cart/lines', {
      kind: 'bulk',
      offerId: 'pot-304-steel',
      skuId: 'pot-20cm',
      quantity: 20,
    });
    const lines = linesOf(res.body);
    expect(lines).toHaveLength(before);
    const pot = lines.find((l) => l.kind === 'bulk' && l.skuId === 'pot-20cm')!;
    expect(pot.quantity).toBe(50);
    const removed = await shop('DELETE', `/api/v1/cart/lines/${pot.lineId}`);
    expect(linesOf(removed.body)).toHaveLength(before - 1);
    expect((await shop('DELETE', `/api/v1/cart/lines/${pot.lineId}`)).status).toBe(200);
    const emptied = await shop('DELETE', '/api/v1/cart');
    expect(emptied.body).toMatchObject({ suppliers: [], checkoutReady: false });
  });

  it('refuses an SKU the site does not sell, in the buyer’s language', async () => {
    const res = await shop('POST', '/api/v1/cart/lines', {
      kind: 'bulk',
      offerId: 'pot-304-steel',
      skuId: 'pot-99cm',
      quantity: 10,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'CART_LINE_UNAVAILABLE', fields: [{ path: 'body.skuId' }] });
    expect(res.body.error.message).toMatch(/giỏ hàng/);
  });

  it("checks a dropship end customer with the destination's rules, as checkout's address: Vietnam's form on vn", async () => {
    const dropship = { kind: 'dropship', offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 1 };
    // The generic shape (a province as a city) is not Vietnam's form.
    const generic = await shop('POST', '/api/v1/cart/lines', {
      ...dropship,
      address: {
        name: 'Trần Thị B',
        phone: '+84 912 345 678',
        line1: '45 Nguyễn Huệ',
        city: 'TP. Hồ Chí Minh',
        country: 'VN',
      },
    });
    expect(generic.status).toBe(400);
    expect(generic.body.error.code).toBe('VALIDATION_FAILED');
    const badPhone = await shop('POST', '/api/v1/cart/lines', {
      ...dropship,
      address: { ...address, phone: '12345' },
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'body.address.phone',
        rule: 'vn_mobile',
        message: expect.stringMatching(/di động/),
      }),
    ]);
    const added = await shop('POST', '/api/v1/cart/lines', { ...dropship, address });
    expect(added.status).toBe(200);
    const line = linesOf(added.body).find((l) => l.kind === 'dropship')!;
    const moved = await shop('PATCH', `/api/v1/cart/lines/${line.lineId}`, {
      address: { ...address, province: 'Bình Dương' },
    });
    expect(moved.status).toBe(200);
    // A former province is stored as its successor (Hồ Chí Minh, 79), the name typed kept for the courier.
    expect(linesOf(moved.body).find((l) => l.lineId === line.lineId)).toMatchObject({
      address: { ...storedAddress, province: '79', legacyProvince: 'Bình Dương' },
    });
  });

  it('reads a cart whose dropship line was stored in the old generic shape, in Vietnam’s form', async () => {
    const vn = (await platform.services.tenantRepository.byId('vn')) as Tenant;
    const key = 'visitor-v_legacyCartVisitor00001';
    const store = new DynamoCartStore(platform.services.db, platform.tableName);
    const written = await store.put(
      'vn',
      key,
      {
        version: 0,
        updatedAt: '2026-11-30T10:00:00.000Z',
        lines: [
          {
            kind: 'dropship',
            lineId: 'l_legacyLine00001',
            offerId: 'pot-304-steel',
            skuId: 'pot-20cm',
            quantity: 1,
            supplierId: 'yongkang-steelware',
            addedAt: '2026-11-30T10:00:00.000Z',
            blindPackaging: true,
            // As carts stored it before: the commune in line2, the province by name in city.
            address: {
              name: 'Trần Thị B',
              phone: '+84912345678',
              line1: '45 Nguyễn Huệ',
              line2: 'Phường Sài Gòn',
              city: 'TP. Hồ Chí Minh',
              country: 'VN',
            },
          } as never,
        ],
      },
      0,
      { visitor: true },
    );
    expect(written).toBe(true);
    const view = await platform.services.carts.view(
      vn,
      'vi',
      cartOwner({ visitorId: 'v_legacyCartVisitor00001' }),
    );
    expect(linesOf(view as View)[0]).toMatchObject({
      kind: 'dropship',
      address: storedAddress,
      problems: [],
    });
    // The cart page shows it as any other parcel.
    const page = await platform.request('/cart', {
      host: 'vn.localhost:3000',
      headers: { cookie: 'sf_visitor=v_legacyCartVisitor00001' },
    });
    const html = await page.text();
    expect(html).toContain('Giao hộ đến Trần Thị B, Hồ Chí Minh');
    expect(html).toContain('Giao đến: 45 Nguyễn Huệ, Phường Sài Gòn, Hồ Chí Minh · +84912345678');
  });

  it('applies every one of concurrent adds (no line lost, none applied twice)', async () => {
    const racer = browser('vn.localhost:3000');
    // One visitor (its cookie from this first answer) sending four adds at once.
    expect((await racer('GET', '/api/v1/cart')).status).toBe(200);
    const adds = [
      ...Array.from({ length: 2 }, () => ({
        kind: 'bulk',
        offerId: 'lid-glass',
        skuId: 'lid-24',
        quantity: 50,
      })),
      { kind: 'bulk', offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 10 },
      { kind: 'sample', offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 1 },
    ];
    const answers = await Promise.all(adds.map((add) => racer('POST', '/api/v1/cart/lines', add)));
    expect(answers.map((a) => a.status)).toEqual(adds.map(() => 200));
    const view = (await racer('GET', '/api/v1/cart')).body as View;
    expect(view.version).toBe(adds.length);
    expect(linesOf(view).map((l) => [l.kind, l.skuId, l.quantity])).toEqual(
      expect.arrayContaining([
        ['bulk', 'lid-24', 100],
        ['bulk', 'pot-24cm', 10],
        ['sample', 'pot-20cm', 1],
      ]),
    );
    expect(linesOf(view)).toHaveLength(3);
  });
});

describe('the cart on kr.localhost', () => {
  it('says what is missing in Korean, priced in KRW', async () => {
    const shop = browser('kr.localhost:3000');
    const res = await shop('POST', '/api/v1/cart/lines', {
      kind: 'bulk',
      offerId: 'lid-glass',
      skuId: 'lid-24',
      quantity: 60,
    });
    expect(res.body.currency).toBe('KRW');
    expect(linesOf(res.body)[0]!.problems[0]!.message).toBe(
      '최소 주문 수량 100에 도달하려면 40개 더 담아 주세요.',
    );
  });
});

describe('a visitor’s cart joins the buyer’s on sign-in, exactly once', () => {
  const tenant = async () => (await platform.services.tenantRepository.byId('vn')) as Tenant;
  /** Signed in on this site: the visitor cookie stays, the session names the buyer. */
  const signedIn: Shopper = {
    visitorId: 'v_mergeTestVisitor000001',
    buyer: { buyerId: 'b_merge1', sessionId: 's_1', email: 'an@example.vn' },
  };
  const visitor: Shopper = { visitorId: signedIn.visitorId };

  it('adds the visitor’s quantities once, even when several requests of the new session race', async () => {
    const carts = cartService({
      carts: new DynamoCartStore(platform.services.db, platform.tableName),
      offers: platform.services.offers,
      priceBooks: platform.services.priceBooks,
    });
    const vn = await tenant();
    const pot = { kind: 'bulk', offerId: 'pot-304-steel', skuId: 'pot-20cm' } as const;
    await carts.add(vn, 'vi', cartOwner(visitor), { ...pot, quantity: 7 });
    await carts.add(vn, 'vi', cartOwner({ visitorId: visitor.visitorId }), {
      kind: 'bulk',
      offerId: 'lid-glass',
      skuId: 'lid-24',
      quantity: 100,
    });
    // The buyer's own cart from an earlier session, on another device.
    await carts.add(vn, 'vi', cartOwner({ visitorId: 'v_otherDevice0000000001', buyer: signedIn.buyer }), {
      ...pot,
      quantity: 20,
    });

    const views = await Promise.all(
      Array.from({ length: 5 }, () => carts.view(vn, 'vi', cartOwner(signedIn))),
    );
    // A request that lost the race to the merge may still answer the buyer's cart as it was;
    // none answers a cart merged twice.
    for (const view of views) {
      expect([
        JSON.stringify([['pot-20cm', 20]]),
        JSON.stringify([
          ['pot-20cm', 27],
          ['lid-24', 100],
        ]),
      ]).toContain(JSON.stringify(linesOf(view as View).map((l) => [l.skuId, l.quantity])));
    }
    const after = await carts.view(vn, 'vi', cartOwner(signedIn));
    expect(linesOf(after as View).map((l) => l.quantity)).toEqual([27, 100]);
    // The visitor's cart is gone: signing out leaves an empty one, and nothing merges again.
    expect((await carts.view(vn, 'vi', cartOwner(visitor))).suppliers).toEqual([]);
  });

  it('prices the buyer’s cart for checkout with the CNY unit each PO pays, and clears it only at that version', async () => {
    const vn = await tenant();
    const owner = cartOwner(signedIn);
    const priced = await platform.services.carts.priceForCheckout(vn, 'vi', owner);
    expect(priced.currency).toBe('VND');
    expect(priced.lines.map((l) => [l.offerId, l.supplierId, l.cnyUnitFen, l.quantity])).toEqual([
      ['pot-304-steel', 'yongkang-steelware', 1_250, 27],
      ['lid-glass', 'chaozhou-glass', 500, 100],
    ]);
    expect(priced.lines[0]).toMatchObject({ kind: 'bulk', titleZh: '304不锈钢汤锅 加厚复底', options: [] });
    expect(priced.subtotalMinor).toBe(priced.lines.reduce((n, l) => n + l.totalMinor, 0));
    await expect(platform.services.carts.clear(vn, owner, priced.version - 1)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await platform.services.carts.clear(vn, owner, priced.version);
    await expect(platform.services.carts.priceForCheckout(vn, 'vi', owner)).rejects.toMatchObject({
      code: 'CART_NOT_READY',
    });
  });
});
