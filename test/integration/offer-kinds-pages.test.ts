import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetUrl } from '../../adapters/assets/urls.ts';
import { seedImageKey } from '../../local/seed/images/keys.ts';
import { fixtureCatalog, fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';

/**
 * The offer page's other ways to buy over HTTP, as a browser without JavaScript uses them: the
 * sample (拿样), dropship (一件代发) and customise (轻定制) forms post to /cart/lines, a refused form
 * brings the offer page back (422) with the message beside its field, what was typed kept and the
 * cart unchanged; the cart says what each line is and changes a customised line's options and a
 * dropship line's parcel; checkout and the order carry each line's price and parcel. The fixture
 * offer sells samples at twice its price (5 at most), dropships, and prints a logo from 200 units
 * at +1.50 CNY per unit.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  await seedStorefrontCatalog(platform, 0);
}, 900_000);
afterAll(async () => platform?.close());

const OFFER = 'tee-women-cotton';
const SKU = `${OFFER}-1`;
const PRICE_FEN = 1850;

/** A browser on one site: keeps its cookies, sends its Origin on posts, never follows redirects. */
function browser(site = 'vn') {
  const host = `${site}.localhost:3000`;
  const cookies = new Map<string, string>();
  const send = async (
    path: string,
    init: { form?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
  ) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(init.form ?? {}))
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await platform.request(path, {
      host,
      method: init.form ? 'POST' : 'GET',
      headers: {
        ...(init.form && { 'content-type': 'application/x-www-form-urlencoded', origin: `http://${host}` }),
        ...(cookies.size > 0 && { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') }),
        ...init.headers,
      },
      ...(init.form && { body: body.toString() }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      cookies.set(name!, value!);
    }
    return res;
  };
  return { send, page: async (path: string) => (await send(path)).text() };
}

/** What a price in fen shows on the site (the tenant's price book: rate, markup, rounding). */
async function shown(site: string, fen: number): Promise<string> {
  const tenant = (await platform.services.tenants.byHost(`${site}.localhost:3000`))!;
  const book = await platform.services.priceBooks.forTenant(tenant, tenant.defaultLocale);
  return book.convert(fen).formatted;
}

/** What `quantity` units at a price in fen show (each unit converted once, then multiplied). */
async function shownTimes(site: string, fen: number, quantity: number): Promise<string> {
  const tenant = (await platform.services.tenants.byHost(`${site}.localhost:3000`))!;
  const book = await platform.services.priceBooks.forTenant(tenant, tenant.defaultLocale);
  return book.format(book.convert(fen).amountMinor * quantity);
}

const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)![1]!;
const lineIds = (page: string) => [...page.matchAll(/action="\/cart\/lines\/(l_[^"]+)"/g)].map((m) => m[1]!);

const vnEndCustomer = {
  'address.name': 'Trần Bình',
  'address.phone': '0987 654 321',
  'address.province': 'Hà Nội',
  'address.commune': 'Phường Tràng Tiền',
  'address.street': '5 Hàng Khay',
};

const EMPTY_CART = 'Giỏ hàng của bạn đang trống.';

describe('the offer page offers what the offer allows', () => {
  it('shows the sample, dropship and customise forms in Vietnamese, with the prices in ₫ and the destination address form', async () => {
    const page = await browser().page(`/offers/${OFFER}`);
    const sample = await shown('vn', PRICE_FEN * 2);
    const logo = await shown('vn', 150);
    expect(page).toContain('<h2 id="kinds-heading">Cách đặt hàng khác</h2>');
    expect(page).toContain('<legend>Đặt hàng mẫu</legend>');
    expect(page).toContain(`Giá mẫu ${sample} mỗi sản phẩm, tối đa 5 cái tổng cộng.`);
    expect(page).toContain('<legend>Giao thẳng cho khách của tôi</legend>');
    expect(page).toContain('<label for="dropship-address-province">Tỉnh / thành phố</label>');
    expect(page).toMatch(/<input type="checkbox" name="blindPackaging" value="1" checked>/);
    expect(page).toContain('<legend>Tùy chỉnh</legend>');
    expect(page).toContain(`In logo từ 200 sản phẩm, thêm ${logo} mỗi sản phẩm`);
    // Each form names its kind and the offer; the shared cart route takes them all.
    for (const kind of ['sample', 'dropship', 'customised'])
      expect(page).toMatch(
        new RegExp(`id="kind-${kind}" action="/cart/lines" method="post"[^]*?name="kind" value="${kind}"`),
      );
  });

  it('a Korean site asks for the end customer in the Korean address form', async () => {
    const page = await browser('kr').page(`/offers/${OFFER}`);
    expect(page).toContain('<label for="dropship-address-postalCode">우편번호</label>');
    expect(page).toContain('<label for="dropship-address-roadAddress">도로명주소</label>');
    expect(page).not.toContain('dropship-address-province');
  });
});

describe('sample (拿样)', () => {
  it('above the sample limit the page comes back with the message beside the quantity, the typed value kept, nothing added', async () => {
    const shop = browser();
    const res = await shop.send('/cart/lines', {
      form: { kind: 'sample', offerId: OFFER, skuId: SKU, quantity: '6' },
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain(
      '<p id="sample-quantity-error" class="sf-field-error sf-error">Chỉ được đặt tối đa 5 cái làm hàng mẫu.</p>',
    );
    expect(page).toMatch(
      /id="sample-quantity" name="quantity" type="number" value="6"[^>]*aria-describedby="sample-quantity-error" aria-invalid="true"/,
    );
    expect(await shop.page('/cart')).toContain(EMPTY_CART);
  });

  it('adds at the sample price (not the tier price), and the limit counts the samples already in the cart', async () => {
    const shop = browser();
    const added = await shop.send('/cart/lines', {
      form: { kind: 'sample', offerId: OFFER, skuId: SKU, quantity: '2' },
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/cart?done=added');
    const cart = await shop.page('/cart');
    expect(cart).toContain('<span class="sf-kind">Mua mẫu</span>');
    expect(cart).toContain(`${await shown('vn', PRICE_FEN * 2)} mỗi đơn vị`);

    const more = await shop.send('/cart/lines', {
      form: { kind: 'sample', offerId: OFFER, skuId: SKU, quantity: '4' },
    });
    expect(more.status).toBe(422);
    expect(await more.text()).toContain('Chỉ được đặt tối đa 5 cái làm hàng mẫu; còn có thể thêm 3 cái.');
    expect(await shop.page('/cart')).toMatch(/name="quantity" type="number"[^>]*value="2"/);
  });

  it('stock counts every line of the SKU, whatever its kind: a form over it is refused beside its field, as the cart would flag it', async () => {
    const shop = browser();
    // The SKU has 500 in stock: 501 in bulk is refused on the buy form, nothing added.
    const over = await shop.send('/cart/lines', {
      form: { kind: 'bulk', offerId: OFFER, skuId: SKU, quantity: '501' },
    });
    expect(over.status).toBe(422);
    expect(await over.text()).toContain(
      '<p id="buy-error" class="sf-error" role="alert">Chỉ còn 500 cái trong kho.</p>',
    );
    expect(await shop.page('/cart')).toContain(EMPTY_CART);
    // 498 in bulk fit; 3 samples of the same SKU then do not (the sample limit alone allows 5).
    expect(
      (
        await shop.send('/cart/lines', {
          form: { kind: 'bulk', offerId: OFFER, skuId: SKU, quantity: '498' },
        })
      ).status,
    ).toBe(303);
    const samples = await shop.send('/cart/lines', {
      form: { kind: 'sample', offerId: OFFER, skuId: SKU, quantity: '3' },
    });
    expect(samples.status).toBe(422);
    expect(await samples.text()).toContain(
      '<p id="sample-quantity-error" class="sf-field-error sf-error">Chỉ còn 500 cái trong kho.</p>',
    );
    // An SKU out of stock is refused beside the SKU.
    const none = await shop.send('/cart/lines', {
      form: { kind: 'sample', offerId: OFFER, skuId: `${OFFER}-2`, quantity: '1' },
    });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain(
      '<p id="sample-sku-error" class="sf-field-error sf-error">Hãy chọn một phân loại còn hàng.</p>',
    );
    const cart = await shop.page('/cart');
    expect(cart).not.toContain('Mua mẫu');
    expect(cart).not.toContain('trong kho');
  });

  it('a sample form posted from another site changes nothing', async () => {
    const shop = browser();
    const res = await shop.send('/cart/lines', {
      form: { kind: 'sample', offerId: OFFER, skuId: SKU, quantity: '1' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await shop.page('/cart')).toContain(EMPTY_CART);
  });
});

describe('dropship (一件代发)', () => {
  it('refuses an end customer checkout would refuse, each message beside its field, what was typed kept, nothing added', async () => {
    const shop = browser();
    const post = (changes: Record<string, string>) =>
      shop.send('/cart/lines', {
        form: { kind: 'dropship', offerId: OFFER, skuId: SKU, quantity: '1', ...vnEndCustomer, ...changes },
      });
    const missing = await post({ 'address.street': '' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain(
      '<p id="dropship-address-street-error" class="sf-field-error sf-error">Trường này là bắt buộc.</p>',
    );
    const res = await post({ 'address.phone': '12345' });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain(
      '<p id="dropship-address-phone-error" class="sf-field-error sf-error">Nhập số di động Việt Nam (đầu số 03, 05, 07, 08, 09), ví dụ 0912 345 678.</p>',
    );
    expect(page).toContain('<p class="sf-error" role="alert">Vui lòng sửa các ô được đánh dấu bên dưới.</p>');
    expect(page).toMatch(/id="dropship-address-name" name="address.name" type="text" value="Trần Bình"/);
    expect(page).toMatch(
      /id="dropship-address-phone" name="address.phone" type="tel" value="12345"[^>]*aria-invalid="true"/,
    );
    // The blind packaging the buyer unticked stays unticked.
    expect(page).toMatch(/<input type="checkbox" name="blindPackaging" value="1"> /);
    // What was typed comes back as text, never as markup.
    const hostile = await post({ 'address.name': '"><script>alert(1)</script>', 'address.phone': '1' });
    const escaped = await hostile.text();
    expect(escaped).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(escaped).not.toContain('<script>alert(1)');
    expect(await shop.page('/cart')).toContain(EMPTY_CART);
  });

  it('adds a parcel to the end customer; the cart names them and their city, and the parcel form changes it', async () => {
    const shop = browser();
    const res = await shop.send('/cart/lines', {
      form: {
        kind: 'dropship',
        offerId: OFFER,
        skuId: SKU,
        quantity: '1',
        blindPackaging: '1',
        ...vnEndCustomer,
      },
    });
    expect(res.status).toBe(303);
    let cart = await shop.page('/cart');
    expect(cart).toContain('Giao hộ đến Trần Bình, Hà Nội · đóng gói ẩn danh');
    // Dropship pays the first band's price and has no MOQ: the cart is ready with one unit.
    expect(cart).toContain(`${await shown('vn', PRICE_FEN)} mỗi đơn vị`);
    expect(cart).toContain('href="/checkout"');
    const [lineId] = lineIds(cart);
    expect(cart).toMatch(
      new RegExp(
        `id="parcel-${lineId}-commune" name="address.commune" type="text" value="Phường Tràng Tiền"`,
      ),
    );

    const refused = await shop.send(`/cart/lines/${lineId}`, {
      form: {
        csrf: csrfOf(cart),
        action: 'parcel',
        ...vnEndCustomer,
        'address.province': 'Atlantis',
        blindPackaging: '1',
      },
    });
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain('<details class="sf-line-change" open><summary>Đổi kiện hàng</summary>');
    expect(again).toContain('Không phải tỉnh, thành phố của Việt Nam (mới hoặc cũ).');
    expect(again).toMatch(
      new RegExp(`id="parcel-${lineId}-province" name="address.province" type="text" value="Atlantis"`),
    );
    expect(await shop.page('/cart')).toContain('Giao hộ đến Trần Bình, Hà Nội · đóng gói ẩn danh');

    const changed = await shop.send(`/cart/lines/${lineId}`, {
      form: {
        csrf: csrfOf(cart),
        action: 'parcel',
        ...vnEndCustomer,
        'address.name': 'Lê Chi',
        'address.province': 'Đà Nẵng',
      },
    });
    expect(changed.status).toBe(303);
    cart = await shop.page('/cart');
    expect(cart).toContain('Giao hộ đến Lê Chi, Đà Nẵng</span>');
    expect(cart).not.toContain('Trần Bình');
  });

  it('a Korean site checks the end customer with the Korean rules', async () => {
    const shop = browser('kr');
    const res = await shop.send('/cart/lines', {
      form: {
        kind: 'dropship',
        offerId: OFFER,
        skuId: SKU,
        quantity: '1',
        'address.name': '김민지',
        'address.phone': '010-1234-5678',
        'address.postalCode': '123',
        'address.roadAddress': '서울특별시 강남구 테헤란로 152',
      },
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      '<p id="dropship-address-postalCode-error" class="sf-field-error sf-error">5자리 우편번호를 입력하세요.</p>',
    );
    const ok = await shop.send('/cart/lines', {
      form: {
        kind: 'dropship',
        offerId: OFFER,
        skuId: SKU,
        quantity: '1',
        'address.name': '김민지',
        'address.phone': '010-1234-5678',
        'address.postalCode': '06236',
        'address.roadAddress': '서울특별시 강남구 테헤란로 152',
      },
    });
    expect(ok.status).toBe(303);
    expect(await shop.page('/cart')).toContain('김민지님께 위탁 배송, 서울특별시');
  });
});

describe('customise (轻定制)', () => {
  it('refuses no option, and a quantity below the option’s minimum, beside the fields; nothing added', async () => {
    const shop = browser();
    const none = await shop.send('/cart/lines', {
      form: { kind: 'customised', offerId: OFFER, skuId: SKU, quantity: '200' },
    });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain(
      '<p id="customised-options-error" class="sf-field-error sf-error">Hãy chọn ít nhất một tùy chọn được cung cấp.</p>',
    );
    const few = await shop.send('/cart/lines', {
      form: { kind: 'customised', offerId: OFFER, skuId: SKU, quantity: '50', options: ['logo'] },
    });
    expect(few.status).toBe(422);
    const page = await few.text();
    expect(page).toContain(
      '<p id="customised-quantity-error" class="sf-field-error sf-error">In logo cần thêm 150 cái để đạt số lượng tối thiểu 200.</p>',
    );
    expect(page).toMatch(/<input type="checkbox" name="options" value="logo" checked>/);
    expect(page).toMatch(/id="customised-quantity" name="quantity" type="number" value="50"/);
    // An option the offer does not have is refused too.
    const unknown = await shop.send('/cart/lines', {
      form: { kind: 'customised', offerId: OFFER, skuId: SKU, quantity: '200', options: ['logo', 'colour'] },
    });
    expect(unknown.status).toBe(422);
    expect(await shop.page('/cart')).toContain(EMPTY_CART);
  });

  it('adds at the tier price plus the option, shows the options with their cost, and the options form refuses none', async () => {
    const shop = browser();
    const res = await shop.send('/cart/lines', {
      form: { kind: 'customised', offerId: OFFER, skuId: SKU, quantity: '200', options: 'logo' },
    });
    expect(res.status).toBe(303);
    const cart = await shop.page('/cart');
    expect(cart).toContain(`Tùy chỉnh: In logo (thêm ${await shown('vn', 150)} mỗi sản phẩm)`);
    // 200 units is the offer's second band (MOQ 2 × 10): its unit price plus the logo's.
    expect(cart).toContain(`${await shown('vn', Math.floor(PRICE_FEN * 0.9) + 150)} mỗi đơn vị`);
    const [lineId] = lineIds(cart);
    const refused = await shop.send(`/cart/lines/${lineId}`, {
      form: { csrf: csrfOf(cart), action: 'options' },
    });
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain('<details class="sf-line-change" open><summary>Đổi tùy chỉnh</summary>');
    expect(again).toContain('Hãy chọn ít nhất một tùy chọn được cung cấp.');
    expect(await shop.page('/cart')).toContain('Tùy chỉnh: In logo');
  });
});

describe('checkout and the order carry each kind', () => {
  it('a sample, a customised line and a dropship parcel are priced and described on checkout and on the order page', async () => {
    const shop = browser();
    const forms: Record<string, string>[] = [
      { kind: 'sample', quantity: '2' },
      { kind: 'customised', quantity: '200', options: 'logo' },
      { kind: 'dropship', quantity: '1', blindPackaging: '1', ...vnEndCustomer },
    ];
    for (const form of forms)
      expect((await shop.send('/cart/lines', { form: { offerId: OFFER, skuId: SKU, ...form } })).status).toBe(
        303,
      );
    const checkout = await shop.page('/checkout');
    const sample = await shown('vn', PRICE_FEN * 2);
    const customised = await shown('vn', Math.floor(PRICE_FEN * 0.9) + 150);
    expect(checkout).toContain('<span class="sf-meta sf-kind">Mua mẫu</span>');
    expect(checkout).toContain('<span class="sf-meta sf-kind">Tùy chỉnh: In logo</span>');
    expect(checkout).toContain(
      '<span class="sf-meta sf-kind">Giao hộ đến Trần Bình, Hà Nội · đóng gói ẩn danh</span>',
    );
    expect(checkout).toContain(`<td>2</td><td>${sample}</td>`);
    expect(checkout).toContain(`<td>200</td><td>${customised}</td>`);
    // What the logo adds: per unit, times the 200 units, in ₫.
    const logoCost = `<li>In logo: thêm ${await shown('vn', 150)} mỗi sản phẩm × 200 = ${await shownTimes('vn', 150, 200)}</li>`;
    expect(checkout).toContain(logoCost);
    // The parcel's whole address, in Vietnam's form.
    const parcel = 'Giao đến: 5 Hàng Khay, Phường Tràng Tiền, Hà Nội · +84987654321';
    expect(checkout).toContain(parcel);

    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(checkout)![1]!;
    const placed = await shop.send('/checkout', {
      form: {
        csrf: field('csrf'),
        idempotencyKey: field('idempotencyKey'),
        'expected.air-express': field('expected\\.air-express'),
        'business.companyName': 'Cửa hàng An Phát',
        'business.contactName': 'Nguyễn An',
        'business.email': 'an@example.vn',
        'business.phone': '0912345678',
        'shippingAddress.name': 'Nguyễn An',
        'shippingAddress.phone': '0912 345 678',
        'shippingAddress.province': 'Hà Nội',
        'shippingAddress.commune': 'Phường Tràng Tiền',
        'shippingAddress.street': '12 Tràng Tiền',
        laneId: 'air-express',
        paymentMethod: 'bank_transfer',
      },
    });
    expect(placed.status).toBe(303);
    const order = await shop.page(placed.headers.get('location')!);
    expect(order).toContain(`<span class="sf-meta sf-kind">Mua mẫu</span></td><td>2</td><td>${sample}`);
    // The kind, then what each option costs, in the same row as its quantity and unit price.
    expect(order).toContain(
      `<span class="sf-meta sf-kind">Tùy chỉnh: In logo</span><ul class="sf-meta sf-option-costs">`,
    );
    expect(order).toContain(`</ul></td><td>200</td><td>${customised}`);
    expect(order).toContain(
      '<span class="sf-meta sf-kind">Giao hộ đến Trần Bình, Hà Nội · đóng gói ẩn danh</span>',
    );
    expect(order).toContain(logoCost);
    expect(order).toContain(parcel);

    // The order keeps the end customer as the supplier's PO will carry it.
    const orderId = /\/orders\/(o_[0-9a-f]+)/.exec(placed.headers.get('location')!)![1]!;
    const stored = await platform.services.orders.get('vn', orderId);
    const dropship = stored!.lines.find((l) => l.kind === 'dropship')!;
    expect(dropship.dropship).toEqual({
      endCustomer: {
        country: 'VN',
        name: 'Trần Bình',
        phone: '+84987654321',
        province: '01',
        commune: 'Phường Tràng Tiền',
        street: '5 Hàng Khay',
      },
      blindPackaging: true,
    });
    expect(stored!.lines.find((l) => l.kind === 'customised')!.cnyUnitFen).toBe(
      Math.floor(PRICE_FEN * 0.9) + 150,
    );
    expect(stored!.lines.find((l) => l.kind === 'sample')!.cnyUnitFen).toBe(PRICE_FEN * 2);

    // The supplier raises the logo's price: the offer page says so, the order keeps what was agreed.
    const spec = fixtureCatalog.find((f) => f.id === OFFER)!;
    const raised = {
      ...fixtureOffer({ ...spec, version: 2 }),
      images: [0, 1, 2].map((i) => assetUrl(seedImageKey(spec.category, i))),
    };
    raised.customisation = [{ kind: 'logo', minQuantity: 200, extraUnitPriceFen: 400 }];
    expect((await importLines(platform, [raised])).rejects).toEqual([]);
    expect(await shop.page(`/offers/${OFFER}`)).toContain(`thêm ${await shown('vn', 400)} mỗi sản phẩm`);
    const later = await shop.page(placed.headers.get('location')!);
    expect(later).toContain(logoCost);
    expect(later).not.toContain(await shownTimes('vn', 400, 200));
  });
});
