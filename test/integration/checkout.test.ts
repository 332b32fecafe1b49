import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { localFileMailer } from '../../adapters/mail/local-files.ts';
import type { Mailer } from '../../core/mail/mailer.ts';
import { readVietQr } from '../../core/payments/vietqr.ts';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { mailDir } from '../../local/paths.ts';
import { mailsTo } from '../kit/mail.ts';
import { testOffer } from '../kit/offers.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

/** Checkout over the API on the local platform: idempotency, stock, the VietQR payload, the buyer's and partner's views. */
let platform: TestPlatform;
let operatorKey: string;
/** Recipients whose next mail the mail provider refuses (an outage, once): the local mailer otherwise. */
const refuseNextMailTo = new Set<string>();
const localMailer = localFileMailer({ dir: process.env.MAIL_DIR ?? mailDir, defaultFrom: 'shop@example.vn' });
const mailer: Mailer = {
  async send(message) {
    if (refuseNextMailTo.delete(message.to)) throw new Error('mail provider: 454 temporary failure');
    await localMailer.send(message);
  },
};
beforeAll(async () => {
  platform = await startTestPlatform({ mailer });
  operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
  await new DynamoOfferRepository(platform.services.db, platform.tableName).save([
    { offer: testOffer() },
    {
      offer: testOffer({
        offerId: 'scarce-cup',
        skus: [{ skuId: 'scarce-1', specs: {}, stock: 4, priceFen: 800 }],
        priceTiers: [{ minQuantity: 1, unitPriceFen: 800 }],
        moq: 1,
      }),
    },
  ]);
}, 900_000);
afterAll(async () => platform?.close());

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read field by field in the assertions
type Res = { status: number; headers: Headers; body: any };
/** A shopper behind a browser: keeps the cookies the answers set (sf_visitor, a buyer's sf_session). */
function browser(host = 'vn.localhost:3000') {
  const jar = new Map<string, string>();
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res> => {
    const res = await platform.request(path, {
      host,
      method,
      headers: {
        'accept-language': 'vi',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(jar.size > 0 && { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    for (const set of res.headers.getSetCookie()) {
      const [name, ...value] = set.split(';')[0]!.split('=');
      jar.set(name!, value.join('='));
    }
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
}

/** Puts the test offer's first SKU in the shopper's cart at its MOQ (a bulk line). */
function addMoqOfTestOffer(shop: ReturnType<typeof browser>): Promise<Res> {
  const offer = testOffer();
  return shop('POST', '/api/v1/cart/lines', {
    kind: 'bulk',
    offerId: offer.offerId,
    skuId: offer.skus[0]!.skuId,
    quantity: offer.moq,
  });
}

const checkoutBody = {
  business: {
    companyName: 'Cửa hàng An Phát',
    contactName: 'Nguyễn An',
    email: 'an@example.vn',
    phone: '0912345678',
  },
  shippingAddress: {
    name: 'Nguyễn An',
    phone: '0912 345 678',
    province: 'Hà Nội',
    district: 'Quận Hoàn Kiếm',
    ward: 'Phường Tràng Tiền',
    street: '12 Tràng Tiền',
  },
  laneId: 'air-express',
  paymentMethod: 'bank_transfer',
  invoice: { legalName: 'Công ty TNHH An Phát', taxId: '0100109106', address: '12 Tràng Tiền, Hà Nội' },
};

describe('checkout on vn.localhost', () => {
  it('turns a cart into one order for 20 concurrent sends of one Idempotency-Key, with a VietQR payload', async () => {
    const shop = browser();
    const add = await addMoqOfTestOffer(shop);
    expect(add.status).toBe(200);
    const key = randomUUID();
    const sends = await Promise.all(
      Array.from({ length: 20 }, () =>
        shop('POST', '/api/v1/orders', checkoutBody, { 'idempotency-key': key }),
      ),
    );
    const created = sends.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of sends) expect([201, 409]).toContain(r.status);
    const orderIds = new Set(created.map((r) => r.body.order.orderId));
    expect(orderIds.size).toBe(1);
    const order = created[0]!.body.order;
    expect(order.status).toBe('awaiting_payment');
    expect(order.statusLabel).toBe('Chờ thanh toán');
    expect(order.total.formatted).toMatch(/₫/);
    // The same key with another body is refused, and changes nothing.
    const reused = await shop(
      'POST',
      '/api/v1/orders',
      { ...checkoutBody, laneId: 'road-consolidated' },
      { 'idempotency-key': key },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // The partner's list holds exactly one awaiting-payment order; the stored address is the new two-tier form.
    const list = await platform.request('/api/v1/admin/tenants/vn/orders?status=awaiting_payment', {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    const listed = ((await list.json()) as { orders: { orderId: string }[] }).orders;
    expect(listed.map((o) => o.orderId)).toEqual([order.orderId]);
    const detail = (await (
      await platform.request(`/api/v1/admin/tenants/vn/orders/${order.orderId}`, {
        headers: { authorization: `Bearer ${operatorKey}` },
      })
    ).json()) as Res['body'];
    expect(detail.shippingAddress).toMatchObject({
      province: '01',
      commune: 'Phường Tràng Tiền',
      legacyDistrict: 'Quận Hoàn Kiếm',
    });
    expect(detail.invoice).toMatchObject({ taxId: '0100109106' });
    expect(detail.suppliers[0].cnyTotalFen).toBeGreaterThan(0);

    // The payment instructions carry a VietQR code a decoder reads with the amount and reference.
    const payload = JSON.stringify(order.payment).match(/000201[0-9A-Za-z .-]+6304[0-9A-F]{4}/)?.[0];
    expect(payload).toBeDefined();
    const qr = readVietQr(payload!);
    expect(qr).toMatchObject({
      amount: String(order.total.amountMinor),
      reference: order.reference,
      crcValid: true,
    });

    // The cart was emptied by the order.
    expect((await shop('GET', '/api/v1/cart')).body.suppliers).toEqual([]);
  }, 240_000);

  // 50 buyers at once against the store itself: order-store.test.ts. Through the local gateway
  // DynamoDB Local serialises contended transactions slowly, so fewer shoppers here.
  it('sells the 4 units in stock to 10 shoppers at once, the rest told in Vietnamese, stock never below zero', async () => {
    const shoppers = Array.from({ length: 10 }, () => browser());
    for (const shop of shoppers) {
      const res = await shop('POST', '/api/v1/cart/lines', {
        kind: 'bulk',
        offerId: 'scarce-cup',
        skuId: 'scarce-1',
        quantity: 1,
      });
      expect(res.status).toBe(200);
    }
    const results = await Promise.all(
      shoppers.map((shop) =>
        shop('POST', '/api/v1/orders', checkoutBody, { 'idempotency-key': randomUUID() }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(6);
    for (const r of refused) {
      expect(r.status).toBe(409);
      // Taken in the race (OUT_OF_STOCK), or already seen as sold out by the cart's own check.
      expect(['OUT_OF_STOCK', 'CART_NOT_READY']).toContain(r.body.error.code);
      expect(r.body.error.message).toMatch(/hàng/);
    }
    const stock = await platform.services.offers.stockOf('scarce-cup', ['scarce-1']);
    expect(stock.get('scarce-1')).toBe(0);
  }, 600_000);

  it('shows a buyer their order only with its link as a guest, and not to another shopper', async () => {
    const shop = browser();
    await addMoqOfTestOffer(shop);
    const placed = await shop('POST', '/api/v1/orders', checkoutBody, { 'idempotency-key': randomUUID() });
    expect(placed.status).toBe(201);
    const { orderId } = placed.body.order;
    expect(placed.body.accessToken).toMatch(/^[\w-]{43}$/);
    const stranger = browser();
    expect((await stranger('GET', `/api/v1/orders/${orderId}`)).status).toBe(404);
    const withLink = await stranger('GET', `/api/v1/orders/${orderId}?access=${placed.body.accessToken}`);
    expect(withLink.status).toBe(200);
    expect(withLink.headers.get('referrer-policy')).toBe('no-referrer');
    expect(withLink.body.timeline).toBeDefined();
  }, 240_000);

  it("gives a guest's retry the same order link when the first answer was lost to a mail outage, and mails it once", async () => {
    const shop = browser();
    await addMoqOfTestOffer(shop);
    const email = `khach-${randomUUID().slice(0, 8)}@example.vn`;
    const body = { ...checkoutBody, business: { ...checkoutBody.business, email } };
    const key = randomUUID();
    refuseNextMailTo.add(email);
    const failed = await shop('POST', '/api/v1/orders', body, { 'idempotency-key': key });
    // The order is placed but its mail could not go: a retryable 503 in Vietnamese, not a 500.
    expect(failed.status, JSON.stringify(failed.body)).toBe(503);
    expect(failed.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(failed.body.error.message).toMatch(/thử lại/);
    expect(await mailsTo(platform, email)).toHaveLength(0);

    const retried = await shop('POST', '/api/v1/orders', body, { 'idempotency-key': key });
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    const { orderId } = retried.body.order;
    expect(retried.body.accessToken).toMatch(/^[\w-]{43}$/);
    const withLink = await browser()('GET', `/api/v1/orders/${orderId}?access=${retried.body.accessToken}`);
    expect(withLink.status).toBe(200);
    // One order, one mail, carrying the same link; a further resend replays and mails nothing.
    expect((await shop('POST', '/api/v1/orders', body, { 'idempotency-key': key })).body.accessToken).toBe(
      retried.body.accessToken,
    );
    const mails = await mailsTo(platform, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/orders/${orderId}?access=${retried.body.accessToken}`);
    const orders = await platform.services.orders.get('vn', orderId);
    expect(orders?.business.email).toBe(email);
  }, 240_000);

  it('mails a signed-in buyer, in Vietnamese, the link to the order in their account, once for any number of resends', async () => {
    const shop = browser();
    const email = `mua-${randomUUID().slice(0, 8)}@example.vn`;
    const registered = await shop('POST', '/api/v1/buyers', {
      companyName: 'Cửa hàng An Phát',
      contactName: 'Nguyễn An',
      email,
      phone: '+84 91 234 5678',
      password: 'mat-khau-rat-dai-2026',
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    await addMoqOfTestOffer(shop);
    const key = randomUUID();
    const body = { ...checkoutBody, business: { ...checkoutBody.business, email } };
    const placed = await shop('POST', '/api/v1/orders', body, { 'idempotency-key': key });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.accessToken).toBeUndefined();
    const { orderId, reference } = placed.body.order;
    expect((await shop('POST', '/api/v1/orders', body, { 'idempotency-key': key })).body.order.orderId).toBe(
      orderId,
    );
    const mails = await mailsTo(platform, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Đơn hàng ${reference} của bạn tại Nguồn Hàng Trung Quốc`);
    expect(mails[0]!.text).toContain(`http://vn.localhost:3000/orders/${orderId}`);
    expect(mails[0]!.text).not.toContain('access=');
  }, 240_000);

  it('refuses a checkout with a wrong MST and a foreign province, naming each field in Vietnamese, taking nothing', async () => {
    const shop = browser();
    await addMoqOfTestOffer(shop);
    const res = await shop(
      'POST',
      '/api/v1/orders',
      { ...checkoutBody, shippingAddress: { ...checkoutBody.shippingAddress, province: 'Paris' } },
      { 'idempotency-key': randomUUID() },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(
      'body.shippingAddress.province',
    );
    const badTax = await shop(
      'POST',
      '/api/v1/orders',
      { ...checkoutBody, invoice: { ...checkoutBody.invoice, taxId: '0100109107' } },
      { 'idempotency-key': randomUUID() },
    );
    expect(badTax.status).toBe(400);
    expect(badTax.body.error.fields).toMatchObject([{ path: 'body.invoice.taxId' }]);
    expect((await shop('GET', '/api/v1/cart')).body.suppliers).not.toEqual([]);
  }, 240_000);
});
