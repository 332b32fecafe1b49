import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderExistsError } from '../../adapters/dynamodb/order-store.ts';
import { type CheckoutLine, checkoutService } from '../../core/orders/checkout.ts';
import type { Order } from '../../core/orders/order.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { handler as paymentDeadlines } from '../../functions/jobs/payment-deadlines.ts';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { type PaymentSandbox, startPaymentSandbox } from '../kit/payment-sandbox.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { readStock, setStock } from '../kit/stock.ts';

/**
 * Payments on the local platform with the sandbox provider as its own process: a Korean order
 * paid into its virtual account through the sandbox's deposit callback, the callback's forgeries
 * and duplicates, a Vietnamese bank transfer marked by the partner, refunds, and the deadline
 * job. Orders are placed by core checkout against the real order store (stock taken in
 * DynamoDB Local); everything after placement goes through the API from outside.
 */
describe('payments', () => {
  let platform: TestPlatform;
  let sandbox: PaymentSandbox;
  let operatorKey: string;
  let port: string;

  beforeAll(async () => {
    sandbox = await startPaymentSandbox();
    platform = await startTestPlatform({ tossApiBase: sandbox.url });
    port = new URL(platform.baseUrl).port;
    await sandbox.setWebhook(`http://kr.localhost:${port}/api/v1/payments/toss/deposit-callback`);
    operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
    // Booting a platform (table, index, seed, FX) takes minutes when the shared servers are busy.
  }, 600_000);
  afterAll(async () => {
    await platform?.close();
    await sandbox?.stop();
  });

  const tenant = async (id: string): Promise<Tenant> => (await platform.services.tenantRepository.byId(id))!;
  const stockOf = async (offerId: string, skuId: string): Promise<number> =>
    Number(await readStock(platform.services.db, platform.tableName, offerId, skuId));
  const order = async (tenantId: string, orderId: string): Promise<Order> =>
    (await platform.services.orders.get(tenantId, orderId))!;

  /** Places an order of `quantity` units of a fresh SKU holding 100 units, as checkout does. */
  async function place(tenantId: 'kr' | 'vn', method: Order['payment']['method'], quantity = 4) {
    const t = await tenant(tenantId);
    const offerId = `pay-${randomUUID().slice(0, 8)}`;
    const skuId = `${offerId}-s1`;
    await setStock(platform.services.db, platform.tableName, offerId, { [skuId]: 100 });
    const unitMinor = tenantId === 'kr' ? 4_350 : 29_000;
    const line: CheckoutLine = {
      lineId: 'l1',
      offerId,
      skuId,
      supplierId: 'sup-1',
      supplierName: '义乌小商品厂',
      kind: 'bulk',
      quantity,
      unitMinor,
      totalMinor: unitMinor * quantity,
      cnyUnitFen: 2_150,
      title: tenantId === 'kr' ? '스테인리스 텀블러' : 'Bình giữ nhiệt',
      titleZh: '不锈钢保温杯',
      specs: {},
      options: [],
      weightGrams: 350,
      dimensionsMm: { length: 80, width: 80, height: 220 },
    };
    const checkout = checkoutService({
      store: platform.services.orders,
      setUpPayment: (o, tt) => platform.services.payments.setUp(o, tt),
      isOrderExists: (error) => error instanceof OrderExistsError,
    });
    const placed = await checkout.placeOrder({
      tenant: t,
      locale: t.defaultLocale,
      purchaser: { kind: 'buyer', buyerId: `b_${randomUUID().slice(0, 8)}` },
      idempotencyKey: randomUUID(),
      request: {
        business: {
          companyName: tenantId === 'kr' ? '주식회사 가나상사' : 'Công ty An Phát',
          contactName: 'Kim',
          email: 'buyer@example.com',
          phone: '+82 10 1234 5678',
        },
        shippingAddress: {},
        laneId: 'air-express',
        paymentMethod: method,
      },
      shippingAddress: {
        country: t.country ?? 'KR',
        name: 'Kim',
        phone: '+821012345678',
        line1: '12 Sejong-daero',
        city: 'Seoul',
      },
      cart: async () => ({
        version: 1,
        currency: t.currency,
        fx: { rate: tenantId === 'kr' ? '190.12' : '3650', asOf: '2026-11-20', source: 'test' },
        markupBps: t.pricing.markupBps,
        rounding: t.pricing.rounding,
        lines: [line],
        subtotalMinor: line.totalMinor,
      }),
    });
    return { order: placed, offerId, skuId };
  }

  const callback = (body: unknown, host = `kr.localhost:${port}`) =>
    platform.request('/api/v1/payments/toss/deposit-callback', {
      method: 'POST',
      host,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const admin = (path: string, body: unknown, options: { key?: string; lang?: string; auth?: string } = {}) =>
    platform.request(path, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.auth ?? operatorKey}`,
        'content-type': 'application/json',
        'idempotency-key': options.key ?? randomUUID(),
        'accept-language': options.lang ?? 'en',
      },
      body: JSON.stringify(body),
    });

  describe('virtual account (kr, Toss through the sandbox)', () => {
    it('is issued at checkout: the order awaits payment with the account, its bank and the provider’s due date', async () => {
      const { order: placed } = await place('kr', 'virtual_account');
      expect(placed.status).toBe('awaiting_payment');
      const i = placed.payment.instructions;
      expect(i.bankCode).toBe('88');
      expect(i.accountNumber).toMatch(/^\d{14}$/);
      expect(i.accountName).toBe('주식회사 가나상사');
      // The secret each callback carries is kept only as a hash.
      expect(i.callbackSecretHash).toMatch(/^[0-9a-f]{64}$/);
      // 72 h after placement, as the provider wrote it back (Toss keeps whole seconds).
      const due = Date.parse(placed.payment.dueAt!);
      expect(Math.abs(due - (Date.parse(placed.createdAt) + 72 * 3_600_000))).toBeLessThan(1_000);
      expect(placed.payment.dueAt).toBe(
        new Date(Math.floor(Date.parse(placed.payment.dueAt!) / 1000) * 1000).toISOString(),
      );
    });

    it('a deposit through the sandbox pays the order (by payment-provider); the duplicated callbacks change nothing', async () => {
      const { order: placed } = await place('kr', 'virtual_account');
      const deposit = await sandbox.deposit({
        accountNumber: placed.payment.instructions.accountNumber,
        amount: placed.payment.amountMinor,
        duplicates: 2,
      });
      expect(deposit.status).toBe(200);
      // Every delivery answered 200: the provider stops re-sending.
      expect(deposit.body.deliveries).toEqual([200, 200, 200]);
      const paid = await order('kr', placed.orderId);
      expect(paid.status).toBe('paid');
      expect(paid.payment.status).toBe('paid');
      expect(paid.payment.paidAt).toBeDefined();
      // Paid once: one version step and one event, however many callbacks came.
      expect(paid.version).toBe(placed.version + 1);
      expect(paid.events.filter((e) => e.to === 'paid')).toEqual([
        expect.objectContaining({ actor: 'payment-provider', from: 'awaiting_payment', reason: 'deposit' }),
      ]);
    });

    it('a forged callback (wrong secret) is refused and changes nothing; garbage is a 400, never a 500', async () => {
      const { order: placed } = await place('kr', 'virtual_account');
      const forged = await callback({ orderId: placed.orderId, secret: 'ps_guessed', status: 'DONE' });
      expect(forged.status).toBe(400);
      expect((await forged.json()).error.code).toBe('PAYMENT_CALLBACK_REJECTED');
      const unknown = await callback({ orderId: 'o_does_not_exist_at_all', secret: 'x', status: 'DONE' });
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).error.code).toBe('PAYMENT_CALLBACK_REJECTED');
      for (const garbage of [
        '{',
        '[]',
        '{"orderId":1}',
        JSON.stringify({ orderId: 'o#1', secret: 's', status: 'DONE' }),
      ]) {
        const res = await platform.request('/api/v1/payments/toss/deposit-callback', {
          method: 'POST',
          host: `kr.localhost:${port}`,
          headers: { 'content-type': 'application/json' },
          body: garbage,
        });
        expect(res.status, garbage).toBeGreaterThanOrEqual(400);
        expect(res.status, garbage).toBeLessThan(500);
      }
      const after = await order('kr', placed.orderId);
      expect(after.status).toBe('awaiting_payment');
      expect(after.version).toBe(placed.version);
    });

    it('a genuine-looking callback whose re-check says not paid changes nothing', async () => {
      const { order: placed } = await place('kr', 'virtual_account');
      // Right secret, status DONE, but no money ever arrived: the provider, asked, says waiting.
      const sent = await sandbox.callback({ orderId: placed.orderId, status: 'DONE' });
      expect(sent.deliveries).toEqual([200]);
      const after = await order('kr', placed.orderId);
      expect(after.status).toBe('awaiting_payment');
      expect(after.payment.status).toBe('pending');
      expect(after.version).toBe(placed.version);
    });
  });

  describe('bank transfer (vn) marked by the partner', () => {
    const path = '/api/v1/admin/tenants/vn/payments/bank-transfers';

    it('is matched by reference; a wrong amount is refused with a clear error; the right one pays it (by partner), once', async () => {
      const { order: placed } = await place('vn', 'bank_transfer');
      expect(placed.status).toBe('awaiting_payment');
      expect(placed.payment.instructions).toMatchObject({
        bankName: 'Vietcombank',
        accountNumber: '0071000123456',
      });
      const receivedAt = new Date().toISOString();

      const partial = await admin(
        path,
        { reference: placed.reference, amountMinor: placed.payment.amountMinor - 1000, receivedAt },
        { lang: 'vi' },
      );
      expect(partial.status).toBe(422);
      const refused = (await partial.json()).error;
      expect(refused.code).toBe('PAYMENT_AMOUNT_MISMATCH');
      expect(refused.message).toContain(String(placed.payment.amountMinor));
      expect(refused.message).toContain('Chuyển thiếu hoặc thừa');
      expect((await order('vn', placed.orderId)).status).toBe('awaiting_payment');

      const key = randomUUID();
      const body = {
        reference: placed.reference,
        amountMinor: placed.payment.amountMinor,
        receivedAt,
        note: 'VCB 123',
      };
      const marked = await admin(path, body, { key, lang: 'vi' });
      expect(marked.status).toBe(200);
      const view = await marked.json();
      expect(view).toMatchObject({
        orderId: placed.orderId,
        status: 'paid',
        payment: { status: 'paid', statusLabel: 'Đã thanh toán' },
      });
      // The same request again (a retry) replays the answer; another request is told it is recorded.
      const replay = await admin(path, body, { key, lang: 'vi' });
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual(view);
      const again = await admin(path, body);
      expect(again.status).toBe(409);
      expect((await again.json()).error.code).toBe('PAYMENT_ALREADY_RECORDED');
      const paid = await order('vn', placed.orderId);
      expect(paid.events.filter((e) => e.to === 'paid')).toEqual([
        expect.objectContaining({ actor: 'partner', reason: 'bank_transfer_received: VCB 123' }),
      ]);
    });

    it("an unknown reference is 404, and one tenant's key cannot mark another's orders", async () => {
      const unknown = await admin(path, {
        reference: 'VNZZZZZZZZ',
        amountMinor: 1000,
        receivedAt: new Date().toISOString(),
      });
      expect(unknown.status).toBe(404);
      const created = await admin('/api/v1/admin/tenants/kr/keys', { label: 'kr staff' });
      const krKey = (await created.json()).key as string;
      const { order: placed } = await place('vn', 'bank_transfer');
      const foreign = await admin(
        path,
        {
          reference: placed.reference,
          amountMinor: placed.payment.amountMinor,
          receivedAt: new Date().toISOString(),
        },
        { auth: krKey },
      );
      expect(foreign.status).toBe(403);
      expect((await order('vn', placed.orderId)).status).toBe('awaiting_payment');
    });
  });

  describe('refunds', () => {
    it('records refunds up to what was paid; the full refund moves a paid order to refunded and gives its stock back once', async () => {
      const { order: placed, offerId, skuId } = await place('vn', 'bank_transfer', 5);
      expect(await stockOf(offerId, skuId)).toBe(95);
      await admin('/api/v1/admin/tenants/vn/payments/bank-transfers', {
        reference: placed.reference,
        amountMinor: placed.payment.amountMinor,
        receivedAt: new Date().toISOString(),
      });
      const path = `/api/v1/admin/tenants/vn/orders/${placed.orderId}/refunds`;
      const total = placed.payment.amountMinor;

      const tooMuch = await admin(path, { amountMinor: total + 1, reason: 'damaged' });
      expect(tooMuch.status).toBe(422);
      expect((await tooMuch.json()).error.code).toBe('REFUND_EXCEEDS_PAID');

      const part = await admin(path, { amountMinor: 20_000, reason: 'one cup damaged' });
      expect(part.status).toBe(201);
      expect(await part.json()).toMatchObject({
        status: 'paid',
        payment: { refunded: { amountMinor: 20_000 } },
      });
      expect(await stockOf(offerId, skuId)).toBe(95);

      const rest = await admin(path, { amountMinor: total - 20_000, reason: 'order cancelled by buyer' });
      expect(rest.status).toBe(201);
      const view = await rest.json();
      expect(view).toMatchObject({
        status: 'refunded',
        payment: { status: 'refunded', refunded: { amountMinor: total } },
      });
      expect(view.payment.refunds).toHaveLength(2);
      expect(await stockOf(offerId, skuId)).toBe(100);

      const beyond = await admin(path, { amountMinor: 1, reason: 'again' });
      expect(beyond.status).toBe(422);
      expect(await stockOf(offerId, skuId)).toBe(100);
    });

    it('an unpaid (pay-later) order has nothing to refund', async () => {
      const { order: placed } = await place('kr', 'pay_later');
      expect(placed.status).toBe('handed_off');
      const res = await admin(`/api/v1/admin/tenants/kr/orders/${placed.orderId}/refunds`, {
        amountMinor: 100,
        reason: 'goodwill',
      });
      expect(res.status).toBe(422);
    });
  });

  describe('payment deadlines', () => {
    /** Moves the order's due time into the past, as time passing would. */
    async function overdue(placed: Order): Promise<Order> {
      const current = await order(placed.tenantId, placed.orderId);
      const next: Order = {
        ...current,
        version: current.version + 1,
        payment: { ...current.payment, dueAt: new Date(Date.now() - 60_000).toISOString() },
      };
      await platform.services.orders.update(current, next, { release: [], outbox: [] });
      return next;
    }

    it('cancel an unpaid order past its due time once, stock back once; a second run does nothing; money arriving after is refused', async () => {
      const { order: placed, offerId, skuId } = await place('kr', 'virtual_account', 7);
      const { order: onTime } = await place('kr', 'virtual_account', 1);
      expect(await stockOf(offerId, skuId)).toBe(93);
      await overdue(placed);

      const first = await paymentDeadlines();
      expect(first.cancelled).toBeGreaterThanOrEqual(1);
      const cancelled = await order('kr', placed.orderId);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.payment.status).toBe('void');
      expect(cancelled.events.at(-1)).toMatchObject({
        actor: 'system',
        to: 'cancelled',
        reason: 'payment_deadline',
      });
      expect(await stockOf(offerId, skuId)).toBe(100);
      // An order not yet due is left alone.
      expect((await order('kr', onTime.orderId)).status).toBe('awaiting_payment');

      await paymentDeadlines();
      expect(await order('kr', placed.orderId)).toEqual(cancelled);
      expect(await stockOf(offerId, skuId)).toBe(100);

      // The buyer pays anyway: the callback is answered (the provider stops) but the order stays cancelled.
      const late = await sandbox.deposit({ orderId: placed.orderId, amount: placed.payment.amountMinor });
      expect(late.body.deliveries).toEqual([200]);
      expect(await order('kr', placed.orderId)).toEqual(cancelled);
      expect(await stockOf(offerId, skuId)).toBe(100);
    });

    it('a bank transfer marked after the deadline cancelled the order is refused', async () => {
      const { order: placed } = await place('vn', 'bank_transfer');
      await overdue(placed);
      await paymentDeadlines();
      const res = await admin('/api/v1/admin/tenants/vn/payments/bank-transfers', {
        reference: placed.reference,
        amountMinor: placed.payment.amountMinor,
        receivedAt: new Date().toISOString(),
      });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('PAYMENT_ORDER_CLOSED');
    });

    it('a payment racing the deadline job ends one way: paid with its stock held, or cancelled with its stock back', async () => {
      const { order: placed, offerId, skuId } = await place('kr', 'virtual_account', 3);
      await overdue(placed);
      await Promise.all([
        paymentDeadlines(),
        sandbox.deposit({ orderId: placed.orderId, amount: placed.payment.amountMinor }),
      ]);
      const final = await order('kr', placed.orderId);
      expect(['paid', 'cancelled']).toContain(final.status);
      expect(await stockOf(offerId, skuId)).toBe(final.status === 'paid' ? 97 : 100);
      expect(final.events.filter((e) => e.to === 'paid' || e.to === 'cancelled')).toHaveLength(1);
    });
  });
});
