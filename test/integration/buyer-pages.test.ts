import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { mailDir } from '../../local/paths.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';

/**
 * The buyer pages over HTTP (no browser): cart, checkout and order as a browser without
 * JavaScript uses them — urlencoded POST forms with their CSRF token, 303 redirects, the page
 * again with the localized error and what was typed. The Chromium run is test/browser/buyer-path.
 */
let platform: TestPlatform;
let operatorKey: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
  await seedStorefrontCatalog(platform, 0);
}, 900_000);
afterAll(async () => platform?.close());

const OFFER = 'tee-women-cotton';
const SKU = `${OFFER}-1`;

/** A browser on one site: keeps its cookies, sends its Origin on posts, never follows redirects. */
function browser(site = 'vn') {
  const host = `${site}.localhost:3000`;
  const cookies = new Map<string, string>();
  const send = async (
    path: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) => {
    const res = await platform.request(path, {
      host,
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers: {
        ...(init.form && { 'content-type': 'application/x-www-form-urlencoded', origin: `http://${host}` }),
        ...(cookies.size > 0 && { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') }),
        ...init.headers,
      },
      ...(init.form && { body: new URLSearchParams(init.form).toString() }),
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

const field = (page: string, name: string) =>
  new RegExp(`name="${name.replace(/\./g, '\\.')}"(?: type="[^"]*")? value="([^"]*)"`).exec(page)?.[1];

const vnCheckout = {
  'business.companyName': 'Cửa hàng An Phát',
  'business.contactName': 'Nguyễn An',
  'business.email': 'an@example.vn',
  'business.phone': '0912345678',
  'invoice.legalName': '',
  'invoice.taxId': '',
  'invoice.address': '',
  'shippingAddress.name': 'Nguyễn An',
  'shippingAddress.phone': '0912 345 678',
  'shippingAddress.province': 'Hà Nội',
  'shippingAddress.commune': 'Phường Tràng Tiền',
  'shippingAddress.street': '12 Tràng Tiền',
  laneId: 'air-express',
  paymentMethod: 'bank_transfer',
};

/** The .eml files the local platform sent to `to` (named by recipient). */
async function mailsTo(to: string): Promise<string[]> {
  const dir = platform.services.config.MAIL_DIR ?? mailDir;
  const tag = to.toLowerCase().replace(/[^a-z0-9@._-]/g, '_');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.includes(`-${tag}-`));
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

async function fillCart(shop: ReturnType<typeof browser>, quantity = '2') {
  const res = await shop.send('/cart/lines', { form: { offerId: OFFER, skuId: SKU, quantity } });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/cart?done=added');
}

async function checkoutForm(shop: ReturnType<typeof browser>) {
  const page = await shop.page('/checkout');
  return {
    page,
    csrf: field(page, 'csrf')!,
    idempotencyKey: field(page, 'idempotencyKey')!,
    expected: field(page, 'expected.air-express')!,
  };
}

describe('cart page', () => {
  it('starts empty, in Vietnamese, never stored, with the header cart link', async () => {
    const shop = browser();
    const res = await shop.send('/cart');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const page = await res.text();
    expect(page).toContain('<html lang="vi"');
    expect(page).toContain('Giỏ hàng của bạn đang trống.');
    expect(page).toContain(
      '<a class="sf-cart-link" href="/cart">Giỏ hàng<span id="sf-cart-count"> (0 mặt hàng)</span>',
    );
  });

  it('below the MOQ the offer page comes back with the localized error, keeping the SKU and the quantity typed', async () => {
    const shop = browser();
    const res = await shop.send('/cart/lines', { form: { offerId: OFFER, skuId: SKU, quantity: '1' } });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain(
      '<p id="buy-error" class="sf-error" role="alert">Số lượng đặt tối thiểu là 2 cái.</p>',
    );
    expect(page).toMatch(/id="buy-qty" name="quantity"[^>]*value="1"/);
    expect(page).toContain(`value="${SKU}" data-stock="500" checked`);
    expect(await shop.page('/cart')).toContain('Giỏ hàng của bạn đang trống.');
  });

  it('a post from another site (no token, foreign Origin) changes nothing', async () => {
    const shop = browser();
    const res = await shop.send('/cart/lines', {
      form: { offerId: OFFER, skuId: SKU, quantity: '2' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<h1>Biểu mẫu đã hết hạn</h1>');
    expect(await shop.page('/cart')).toContain('Giỏ hàng của bạn đang trống.');
  });

  it('adds at the MOQ (303 to the cart), shows the line by supplier with its total, updates and removes lines with PRG', async () => {
    const shop = browser();
    await fillCart(shop);
    let page = await shop.page('/cart?done=added');
    expect(page).toContain('Đã thêm vào giỏ hàng.');
    expect(page).toContain('Công ty TNHH Jiamei Nghĩa Ô');
    expect(page).toContain('Áo thun nữ cotton mùa hè');
    expect(page).toMatch(/Thành tiền: <strong>[\d.]+\s?₫<\/strong>/);
    expect(page).toContain('(1 mặt hàng)');
    expect(page).toContain('href="/checkout"');
    // The next tier (10 × MOQ) is hinted.
    expect(page).toMatch(/Thêm 18 cái để được giá từ/);
    const lineAction = /action="(\/cart\/lines\/l_[^"]+)"/.exec(page)![1]!;
    const csrf = field(page, 'csrf')!;

    // Down to 1: the cart shows the MOQ problem in Vietnamese and no way to checkout.
    const down = await shop.send(lineAction, { form: { csrf, quantity: '1', action: 'update' } });
    expect(down.status).toBe(303);
    expect(down.headers.get('location')).toBe('/cart?done=updated');
    page = await shop.page('/cart');
    expect(page).toContain('Cần thêm 1 cái để đạt số lượng tối thiểu 2.');
    expect(page).toContain('aria-invalid="true"');
    expect(page).not.toContain('href="/checkout"');
    // GET /checkout with such a cart goes back to the cart.
    const checkout = await shop.send('/checkout');
    expect(checkout.status).toBe(303);
    expect(checkout.headers.get('location')).toBe('/cart');

    // A form without the shopper's token is refused.
    expect((await shop.send(lineAction, { form: { csrf: 'x'.repeat(43), action: 'remove' } })).status).toBe(
      403,
    );
    const removed = await shop.send(lineAction, { form: { csrf, action: 'remove' } });
    expect(removed.headers.get('location')).toBe('/cart?done=removed');
    expect(await shop.page('/cart')).toContain('Giỏ hàng của bạn đang trống.');
  });

  it('answers the add-to-cart island in JSON: the count and the message, or the localized error', async () => {
    const shop = browser();
    const json = { accept: 'application/json' };
    const low = await shop.send('/cart/lines', {
      form: { offerId: OFFER, skuId: SKU, quantity: '1' },
      headers: json,
    });
    expect(low.status).toBe(422);
    expect(await low.json()).toEqual({ error: 'Số lượng đặt tối thiểu là 2 cái.' });
    const ok = await shop.send('/cart/lines', {
      form: { offerId: OFFER, skuId: SKU, quantity: '2' },
      headers: json,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ count: '1 mặt hàng', message: 'Đã thêm vào giỏ hàng.' });
    // Once the offer has its MOQ in the cart, one more unit is fine.
    const one = await shop.send('/cart/lines', {
      form: { offerId: OFFER, skuId: SKU, quantity: '1' },
      headers: json,
    });
    expect(one.status).toBe(200);
  });
});

describe('checkout page', () => {
  it('shows each field error next to its field and keeps everything typed', async () => {
    const shop = browser();
    await fillCart(shop);
    const form = await checkoutForm(shop);
    expect(form.page).toContain('<label for="f-shippingAddress-province">Tỉnh / thành phố</label>');
    expect(form.page).toContain('Chuyển khoản ngân hàng');
    const res = await shop.send('/checkout', {
      form: {
        ...vnCheckout,
        csrf: form.csrf,
        idempotencyKey: form.idempotencyKey,
        'business.email': 'not-an-email',
        'invoice.legalName': 'Công ty TNHH An Phát',
        'invoice.taxId': '0100109107',
        'invoice.address': '12 Tràng Tiền, Hà Nội',
        'shippingAddress.province': 'Atlantis',
      },
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    for (const name of ['business-email', 'shippingAddress-province']) {
      expect(page).toMatch(new RegExp(`id="f-${name}"[^>]*aria-invalid="true"`));
      expect(page).toMatch(new RegExp(`<p id="f-${name}-error" class="sf-error">[^<]+</p>`));
    }
    // Typed values come back, the same Idempotency-Key too.
    expect(field(page, 'business.email')).toBe('not-an-email');
    expect(field(page, 'business.companyName')).toBe('Cửa hàng An Phát');
    expect(field(page, 'shippingAddress.street')).toBe('12 Tràng Tiền');
    expect(field(page, 'idempotencyKey')).toBe(form.idempotencyKey);
    expect(page).toContain('value="air-express" required checked');

    // Fixed address and email: the tax id's checksum is what is left.
    const again = await shop.send('/checkout', {
      form: {
        ...vnCheckout,
        csrf: form.csrf,
        idempotencyKey: form.idempotencyKey,
        'invoice.legalName': 'Công ty TNHH An Phát',
        'invoice.taxId': '0100109107',
        'invoice.address': '12 Tràng Tiền, Hà Nội',
      },
    });
    expect(again.status).toBe(422);
    const second = await again.text();
    expect(second).toMatch(/id="f-invoice-taxId"[^>]*aria-invalid="true"/);
    expect(second).not.toMatch(/id="f-business-email"[^>]*aria-invalid/);
  });

  it('a double submit places one order, and both answers lead to it (guest link); the order page shows the VietQR code', async () => {
    const shop = browser();
    await fillCart(shop);
    const form = await checkoutForm(shop);
    const email = `an-${randomUUID().slice(0, 8)}@example.vn`;
    const sent = {
      ...vnCheckout,
      'business.email': email,
      csrf: form.csrf,
      idempotencyKey: form.idempotencyKey,
      'expected.air-express': form.expected,
    };
    const [a, b] = await Promise.all([
      shop.send('/checkout', { form: sent }),
      shop.send('/checkout', { form: sent }),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    const location = a.headers.get('location')!;
    expect(location).toMatch(/^\/orders\/o_[0-9a-f]{32}\?access=[\w-]{43}&done=placed$/);
    expect(b.headers.get('location')).toBe(location);
    expect(a.headers.get('referrer-policy')).toBe('no-referrer');
    // A reload of the POST (the same form again) finds the same order.
    const reload = await shop.send('/checkout', { form: sent });
    expect(reload.headers.get('location')).toBe(location);
    // One mail, with the same link.
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const token = /access=([\w-]{43})/.exec(location)![1]!;
    expect(mails[0]!.replace(/=\r?\n/g, '')).toContain(token);

    const list = await platform.request('/api/v1/admin/tenants/vn/orders?status=awaiting_payment', {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    const orderId = /\/orders\/(o_[0-9a-f]{32})/.exec(location)![1];
    const listed = ((await list.json()) as { orders: { orderId: string }[] }).orders.filter(
      (o) => o.orderId === orderId,
    );
    expect(listed).toHaveLength(1);
    expect(await shop.page('/cart')).toContain('Giỏ hàng của bạn đang trống.');

    const res = await shop.send(location);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const page = await res.text();
    expect(page).toContain('Cảm ơn bạn, đơn hàng đã được đặt.');
    expect(page).toContain('Chờ thanh toán');
    expect(page).toMatch(
      /<div role="img" aria-label="Mã VietQR[^"]*"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(page).toMatch(/<dd data-key="accountNumber">\d+<\/dd>/);
    expect(page).toContain('data-kind="order_placed"');

    // Without the link's token (another visitor) the order does not exist.
    const stranger = await browser().send(location.replace(/\?.*/, ''));
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('a total that moved since the form was shown is not charged: the form again says the new total', async () => {
    const shop = browser();
    await fillCart(shop);
    const form = await checkoutForm(shop);
    const res = await shop.send('/checkout', {
      form: {
        ...vnCheckout,
        csrf: form.csrf,
        idempotencyKey: form.idempotencyKey,
        // As if the page had been shown before the rate moved.
        'expected.air-express': String(Number(form.expected) - 1000),
      },
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toMatch(
      /<p class="sf-error">Giá đã thay đổi kể từ lúc bạn xem: tổng tiền hiện là [\d.]+\s?₫/,
    );
    expect(field(page, 'business.companyName')).toBe('Cửa hàng An Phát');
    // Nothing was placed: the cart is still there.
    expect(await shop.page('/cart')).toContain('Áo thun nữ cotton mùa hè');
  });

  it('cancels an unpaid order from its page (303 back, cancelled shown)', async () => {
    const shop = browser();
    await fillCart(shop);
    const form = await checkoutForm(shop);
    const placed = await shop.send('/checkout', {
      form: { ...vnCheckout, csrf: form.csrf, idempotencyKey: form.idempotencyKey },
    });
    const location = placed.headers.get('location')!;
    const page = await shop.page(location);
    const action = /<form class="sf-cancel" action="([^"]+)"/.exec(page)![1]!;
    const cancelForm = {
      csrf: field(page, 'csrf')!,
      version: field(page, 'version')!,
      access: field(page, 'access')!,
    };
    const cancel = await shop.send(action, { form: cancelForm });
    expect(cancel.status).toBe(303);
    const after = await shop.page(cancel.headers.get('location')!);
    expect(after).toContain('Đơn hàng đã được hủy.');
    expect(after).toContain('<strong id="order-status">Đã hủy</strong>');
    expect(after).not.toContain('sf-cancel');
    // The same form again (a resend, or a second tab): back to the order as it is, nothing changed.
    const again = await shop.send(action, { form: cancelForm });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(location.replace('&done=placed', ''));
  });
});
