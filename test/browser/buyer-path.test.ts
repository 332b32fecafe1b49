import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFileSecrets } from '../../adapters/secrets/secret-store.ts';
import { httpSupplyClient } from '../../adapters/supply/http-supply-client.ts';
import { OPERATOR_API_KEY, SUPPLY_SIGNING_KEY } from '../../functions/secrets.ts';
import { type LocalBackground, startBackground } from '../../local/background.ts';
import { secretsDir } from '../../local/paths.ts';
import { type PaymentSandbox, startPaymentSandbox } from '../kit/payment-sandbox.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { type SupplierSandbox, startSupplierSandbox } from '../kit/sandbox.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';
import { expectNoAxeViolations, inPage, launchChromium, screenshot } from './chromium.ts';

/**
 * The full buyer path in real Chromium: search, offer, SKU, the MOQ refused then reached, add to
 * cart without a reload, cart, checkout as a guest, the order with its payment instructions, the
 * payment (the partner marks the vn bank transfer received; the kr deposit comes through the
 * payment sandbox), the handoff to the sandbox supplier and the timeline advancing on the order
 * page. axe-core on every page visited; screenshots of cart, checkout and order. Then the cart
 * and checkout with JavaScript off.
 */
let platform: TestPlatform;
let browser: Browser;
let supplier: SupplierSandbox;
let payments: PaymentSandbox;
let background: LocalBackground;
let port: string;
let operatorKey: string;
const dir = process.env.SECRETS_DIR ?? secretsDir;
const signingKey = () => localFileSecrets(dir).get(SUPPLY_SIGNING_KEY);

beforeAll(async () => {
  await signingKey();
  [supplier, payments, browser] = await Promise.all([
    startSupplierSandbox({ secretsDir: dir, webhookUrl: 'http://127.0.0.1:9/', stepMs: 300 }),
    startPaymentSandbox(),
    launchChromium(),
  ]);
  platform = await startTestPlatform({
    supply: httpSupplyClient({ baseUrl: supplier.url, signingKey, timeoutMs: 5000 }),
    handoffRetry: { maxAttempts: 8, baseMs: 50 },
    tossApiBase: payments.url,
  });
  port = new URL(platform.baseUrl).port;
  await Promise.all([
    supplier.switches({ webhookUrl: `${platform.baseUrl}/api/v1/supply/webhooks` }),
    payments.setWebhook(`http://kr.localhost:${port}/api/v1/payments/toss/deposit-callback`),
  ]);
  operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
  background = await startBackground(platform.services, { only: ['handoff-dispatch'] });
  await seedStorefrontCatalog(platform, 40);
}, 600_000);
afterAll(async () => {
  await background?.stop();
  await browser?.close();
  await supplier?.stop();
  await payments?.stop();
  await platform?.close();
});

const withPage = <T>(
  options: { javaScriptEnabled?: boolean },
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> =>
  // A form sent back with its error answers 422 on purpose (JavaScript off): Chromium logs the status.
  inPage(browser, { ...options, expected: (m) => /status of 422/.test(m.text()) }, run);

const paths = [
  {
    site: 'vn',
    lang: 'vi',
    query: 'ao thun',
    offerTitle: 'Áo thun nữ cotton mùa hè',
    belowMoq: 'Số lượng đặt tối thiểu là 2',
    added: 'Đã thêm vào giỏ hàng.',
    count: '(1 mặt hàng)',
    checkout: 'Tiến hành thanh toán',
    place: 'Đặt hàng',
    awaiting: 'Chờ thanh toán',
    form: {
      'business.companyName': 'Cửa hàng An Phát',
      'business.contactName': 'Nguyễn An',
      'business.email': 'an@example.vn',
      'business.phone': '0912345678',
      'shippingAddress.name': 'Nguyễn An',
      'shippingAddress.phone': '0912 345 678',
      'shippingAddress.province': 'Hà Nội',
      'shippingAddress.commune': 'Phường Tràng Tiền',
      'shippingAddress.street': '12 Tràng Tiền',
    },
    lane: 'air-express',
    method: 'bank_transfer',
  },
  {
    site: 'kr',
    lang: 'ko',
    query: '티셔츠',
    offerTitle: '여름 면 여성 티셔츠',
    belowMoq: '최소 주문 수량은 2',
    added: '장바구니에 담았습니다.',
    count: '(1개)',
    checkout: '주문하기',
    place: '주문하기',
    awaiting: '',
    form: {
      'business.companyName': '한빛상사',
      'business.contactName': '김민준',
      'business.email': 'minjun@example.kr',
      'business.phone': '010-1234-5678',
      'shippingAddress.name': '김민준',
      'shippingAddress.phone': '010-1234-5678',
      'shippingAddress.postalCode': '06236',
      'shippingAddress.roadAddress': '서울특별시 강남구 테헤란로 152',
      'shippingAddress.unit': '12층',
    },
    lane: '',
    method: 'virtual_account',
  },
] as const;

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 150_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('the buyer path to a paid, handed-off order in Chromium', () => {
  for (const p of paths) {
    it(`${p.site}.localhost in ${p.lang}: search, offer, MOQ, cart, guest checkout, payment, timeline`, {
      timeout: 400_000,
    }, async () => {
      await withPage({}, async (page) => {
        const origin = `http://${p.site}.localhost:${port}`;
        await page.goto(`${origin}/`);
        expect(await page.getAttribute('html', 'lang')).toBe(p.lang);
        await page.getByRole('searchbox').fill(p.query);
        await page.getByRole('searchbox').press('Enter');
        await page.waitForURL(/\/search\?/);
        await page
          .getByRole('link', { name: new RegExp(p.offerTitle) })
          .first()
          .click();
        await page.waitForURL(/\/offers\//);
        await page.locator('input[name=skuId]:not([disabled])').first().check();
        const quantity = page.locator('#buy-qty');
        await quantity.fill('1');
        await expect.poll(() => page.locator('#buy-error').innerText()).toContain(p.belowMoq);
        await page.locator('form.sf-buy button[type=submit]').click();
        expect(page.url()).toMatch(/\/offers\//);
        // The stepper's + reaches the MOQ; the island adds without leaving the page.
        await page.locator('.sf-qty .sf-step').last().click();
        expect(await quantity.inputValue()).toBe('2');
        await expect.poll(() => page.locator('#buy-error').innerText()).toBe('');
        const offerUrl = page.url();
        await page.locator('form.sf-buy button[type=submit]').click();
        await expect.poll(() => page.locator('#cart-live').innerText()).toBe(p.added);
        expect(page.url()).toBe(offerUrl);
        expect(await page.locator('#sf-cart-count').innerText()).toContain(p.count);
        await expectNoAxeViolations(page, `${p.site} offer after add`);

        await page.locator('a.sf-cart-link').click();
        await page.waitForURL(/\/cart/);
        expect(await page.locator('main').innerText()).toContain(p.offerTitle);
        await expectNoAxeViolations(page, `${p.site} cart`);
        await screenshot(page, `${p.site}-cart`);

        await page.getByRole('link', { name: p.checkout }).click();
        await page.waitForURL(/\/checkout/);
        for (const [name, value] of Object.entries(p.form))
          await page.locator(`[name="${name}"]`).fill(value);
        await (p.lane
          ? page.locator(`input[name=laneId][value="${p.lane}"]`)
          : page.locator('input[name=laneId]').first()
        ).check();
        await page.locator(`input[name=paymentMethod][value="${p.method}"]`).check();
        await expectNoAxeViolations(page, `${p.site} checkout`);
        await screenshot(page, `${p.site}-checkout`);
        await page.getByRole('button', { name: p.place, exact: true }).click();
        await page.waitForURL(/\/orders\/o_[0-9a-f]{32}\?access=/);

        const orderId = /\/orders\/(o_[0-9a-f]{32})/.exec(page.url())![1]!;
        const order = (await platform.services.orders.get(p.site, orderId))!;
        expect(order.status).toBe('awaiting_payment');
        const main = page.locator('main');
        expect(await main.innerText()).toContain(order.reference);
        if (p.site === 'vn') {
          expect(await main.innerText()).toContain(p.awaiting);
          // The VietQR code, drawn as SVG on the server.
          expect(await page.locator('.sf-qr svg path').count()).toBeGreaterThan(0);
        } else {
          // The virtual account's number and deadline.
          const account = order.payment.instructions.accountNumber!;
          expect(await page.locator('dd[data-key="accountNumber"]').innerText()).toBe(account);
          expect(await page.locator('dd[data-key="dueAt"]').count()).toBe(1);
        }
        await expectNoAxeViolations(page, `${p.site} order`);
        await screenshot(page, `${p.site}-order`);

        // The payment arrives: the partner marks the transfer (vn), the provider's deposit (kr).
        if (p.site === 'vn') {
          const res = await platform.request('/api/v1/admin/tenants/vn/payments/bank-transfers', {
            method: 'POST',
            headers: {
              authorization: `Bearer ${operatorKey}`,
              'content-type': 'application/json',
              'idempotency-key': crypto.randomUUID(),
            },
            body: JSON.stringify({
              reference: order.reference,
              amountMinor: order.payment.amountMinor,
              receivedAt: new Date().toISOString(),
            }),
          });
          expect(res.status).toBe(200);
        } else {
          const deposit = await payments.deposit({
            accountNumber: order.payment.instructions.accountNumber!,
            amount: order.payment.amountMinor,
          });
          expect(deposit.status).toBe(200);
        }

        // The handoff lands at the sandbox supplier; a reload shows the timeline advance.
        await until(async () => {
          const received = await supplier.received();
          return received.purchaseOrders.some((po) => po.orderReference === order.reference) || undefined;
        });
        await until(async () => {
          await page.reload();
          return (await page.locator('.sf-timeline li[data-kind="accepted"]').count()) > 0 || undefined;
        });
        const kinds = await page
          .locator('.sf-timeline li')
          .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
        expect(kinds.slice(0, 4)).toEqual(['order_placed', 'order_paid', 'po_placed', 'accepted']);
        await expectNoAxeViolations(page, `${p.site} order handed off`);
        await screenshot(page, `${p.site}-order-timeline`);
      });
    });
  }

  it('with JavaScript off: the MOQ error from the server, the cart, a quantity change and a guest checkout', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      const origin = `http://vn.localhost:${port}`;
      await page.goto(`${origin}/offers/tee-women-cotton`);
      await page.locator('#buy-qty').fill('1');
      await page.getByRole('button', { name: 'Thêm vào giỏ' }).click();
      await page.waitForLoadState();
      expect(await page.locator('#buy-error').innerText()).toBe('Số lượng đặt tối thiểu là 2 cái.');
      // What the buyer typed is still there.
      expect(await page.locator('#buy-qty').inputValue()).toBe('1');
      await page.locator('#buy-qty').fill('2');
      await page.getByRole('button', { name: 'Thêm vào giỏ' }).click();
      await page.waitForURL(/\/cart\?done=added/);
      expect(await page.locator('#cart-status').innerText()).toBe('Đã thêm vào giỏ hàng.');
      await page.locator('input[name=quantity]').fill('3');
      await page.getByRole('button', { name: 'Cập nhật' }).click();
      await page.waitForURL(/\/cart\?done=updated/);
      expect(await page.locator('input[name=quantity]').inputValue()).toBe('3');
      await screenshot(page, 'vn-cart-no-js');

      await page.getByRole('link', { name: 'Tiến hành thanh toán' }).click();
      await page.waitForURL(/\/checkout/);
      const form = paths[0].form;
      for (const [name, value] of Object.entries(form)) await page.locator(`[name="${name}"]`).fill(value);
      // A wrong email first: the form comes back with the error next to the field, the rest kept.
      await page.locator('[name="business.email"]').fill('an@');
      await page.locator('input[name=laneId][value="air-express"]').check();
      await page.locator('input[name=paymentMethod][value="bank_transfer"]').check();
      await page.getByRole('button', { name: 'Đặt hàng', exact: true }).click();
      await page.waitForLoadState();
      expect(await page.locator('#f-business-email-error').count()).toBe(1);
      expect(await page.locator('[name="shippingAddress.street"]').inputValue()).toBe(
        form['shippingAddress.street'],
      );
      expect(await page.locator('input[name=laneId][value="air-express"]').isChecked()).toBe(true);
      await screenshot(page, 'vn-checkout-no-js-error');
      await page.locator('[name="business.email"]').fill(form['business.email']);
      await page.getByRole('button', { name: 'Đặt hàng', exact: true }).click();
      await page.waitForURL(/\/orders\/o_[0-9a-f]{32}\?access=/);
      expect(await page.locator('.sf-qr svg').count()).toBe(1);
      await screenshot(page, 'vn-order-no-js');
    });
  });
});
