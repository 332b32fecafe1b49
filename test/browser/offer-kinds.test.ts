import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';
import { expectNoAxeViolations, inPage, launchChromium, screenshot } from './chromium.ts';

/**
 * The signed-in buyer's path in real Chromium (the other browser files follow a guest): a buyer
 * registered through core's accounts signs in on vn.localhost, orders a sample and a customised
 * line from the offer page's forms (a refused customise form first: the message beside its field),
 * checks out, and finds the order in /account/orders and on its page, which is theirs without a
 * guest link. axe-core on every page; screenshots as artifacts.
 */
let platform: TestPlatform;
let browser: Browser;
let port: string;
beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchChromium()]);
  await seedStorefrontCatalog(platform, 0);
  port = new URL(platform.baseUrl).port;
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const OFFER = 'tee-women-cotton';

describe('a signed-in buyer orders a sample and a customised line', () => {
  it('vn.localhost in Vietnamese: sign in, sample, customise (refused, then added), checkout, account orders, order page', {
    timeout: 300_000,
  }, async () => {
    const tenant = (await platform.services.tenants.byHost('vn.localhost:3000'))!;
    const email = `buyer-${randomUUID().slice(0, 8)}@example.vn`;
    const password = `kinds-${randomUUID()}`;
    await platform.services.buyers.register(tenant, {
      email,
      password,
      companyName: 'Công ty TNHH Thương mại Bình Minh',
      contactName: 'Phạm Bình Minh',
      phone: '+84 90 765 4321',
    });
    const origin = `http://vn.localhost:${port}`;
    // A refused form answers 422 on purpose: Chromium logs that status, nothing else may be logged.
    const orderId = await inPage(
      browser,
      { expected: (m) => /status of 422/.test(m.text()) },
      async (page) => {
        await page.goto(`${origin}/account/sign-in`);
        await expectNoAxeViolations(page, 'sign-in');
        await page.getByLabel('Email', { exact: true }).fill(email);
        await page.getByLabel('Mật khẩu').fill(password);
        await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
        await page.waitForURL(`${origin}/account`);

        await page.goto(`${origin}/offers/${OFFER}`);
        expect(await page.getAttribute('html', 'lang')).toBe('vi');
        await expectNoAxeViolations(page, 'offer with its forms');
        const sample = page.locator('#kind-sample');
        await sample.getByLabel('Số lượng').fill('2');
        await sample.getByRole('button', { name: 'Thêm hàng mẫu vào giỏ' }).click();
        await page.waitForURL(`${origin}/cart?done=added`);
        expect(await page.locator('main').innerText()).toContain('Mua mẫu');

        // Customise: below the logo's minimum the offer page comes back, the message beside the quantity.
        await page.goto(`${origin}/offers/${OFFER}`);
        const custom = page.locator('#kind-customised');
        await custom.getByRole('checkbox', { name: /In logo/ }).check();
        await custom.getByLabel('Số lượng').fill('20');
        await custom.getByRole('button', { name: 'Thêm đơn tùy chỉnh vào giỏ' }).click();
        await page.locator('#customised-quantity-error').waitFor();
        expect(await page.locator('#customised-quantity-error').innerText()).toBe(
          'In logo cần thêm 180 cái để đạt số lượng tối thiểu 200.',
        );
        const again = page.locator('#kind-customised');
        expect(await again.getByLabel('Số lượng').inputValue()).toBe('20');
        expect(await again.getByLabel('Số lượng').getAttribute('aria-invalid')).toBe('true');
        expect(await again.getByRole('checkbox', { name: /In logo/ }).isChecked()).toBe(true);
        await expectNoAxeViolations(page, 'offer with a refused customise form');
        await screenshot(page, 'vn-offer-customise-refused');
        await again.getByLabel('Số lượng').fill('200');
        await again.getByRole('button', { name: 'Thêm đơn tùy chỉnh vào giỏ' }).click();
        await page.waitForURL(`${origin}/cart?done=added`);
        const cart = await page.locator('main').innerText();
        expect(cart).toContain('Mua mẫu');
        expect(cart).toMatch(/Tùy chỉnh: In logo \(thêm .+ mỗi sản phẩm\)/);
        expect(await page.locator('#sf-cart-count').innerText()).toContain('(2 mặt hàng)');
        await expectNoAxeViolations(page, 'cart with a sample and a customised line');
        // The customisation form opens without JavaScript (details/summary) and passes axe open too.
        await page.getByText('Đổi tùy chỉnh').click();
        await expectNoAxeViolations(page, 'cart with the options form open');
        await screenshot(page, 'vn-cart-kinds');

        await page.getByRole('link', { name: 'Tiến hành thanh toán' }).click();
        await page.waitForURL(`${origin}/checkout`);
        // The buyer's email is filled in from the account.
        expect(await page.locator('[name="business.email"]').inputValue()).toBe(email);
        const summary = await page.locator('section[aria-labelledby="summary-heading"]').innerText();
        expect(summary).toContain('Mua mẫu');
        expect(summary).toContain('Tùy chỉnh: In logo');
        for (const [name, value] of Object.entries({
          'business.companyName': 'Công ty TNHH Thương mại Bình Minh',
          'business.contactName': 'Phạm Bình Minh',
          'business.phone': '0907654321',
          'shippingAddress.name': 'Phạm Bình Minh',
          'shippingAddress.phone': '0907 654 321',
          'shippingAddress.province': 'Hà Nội',
          'shippingAddress.commune': 'Phường Tràng Tiền',
          'shippingAddress.street': '12 Tràng Tiền',
        }))
          await page.locator(`[name="${name}"]`).fill(value);
        await page.locator('input[name=laneId][value="air-express"]').check();
        await page.locator('input[name=paymentMethod][value="bank_transfer"]').check();
        await expectNoAxeViolations(page, 'checkout');
        await page.getByRole('button', { name: 'Đặt hàng', exact: true }).click();
        // A signed-in buyer's order page carries no guest link.
        await page.waitForURL(/\/orders\/o_[0-9a-f]{32}\?done=placed$/);
        const orderId = /\/orders\/(o_[0-9a-f]{32})/.exec(page.url())![1]!;
        const order = (await platform.services.orders.get('vn', orderId))!;
        expect(order.owner.kind).toBe('buyer');
        expect(order.lines.map((l) => l.kind).sort()).toEqual(['customised', 'sample']);
        const lines = await page.locator('section[aria-labelledby="lines-heading"]').innerText();
        expect(lines).toContain('Mua mẫu');
        expect(lines).toContain('Tùy chỉnh: In logo');
        await expectNoAxeViolations(page, 'order');
        await screenshot(page, 'vn-order-kinds');

        await page.goto(`${origin}/account/orders`);
        expect(await page.locator('h1').innerText()).toBe('Đơn hàng của bạn');
        await expectNoAxeViolations(page, 'account orders');
        const row = page.getByRole('row', { name: new RegExp(order.reference) });
        await row.getByRole('link', { name: order.reference }).click();
        await page.waitForURL(`${origin}/orders/${orderId}`);
        expect(await page.locator('h1').innerText()).toContain(order.reference);
        expect(page.url()).not.toContain('access=');
        await expectNoAxeViolations(page, 'order from the account');
        return orderId;
      },
    );
    // Signed out (a fresh context), the same page is not theirs to see.
    await inPage(browser, { expected: (m) => /status of 404/.test(m.text()) }, async (page) => {
      const res = await page.goto(`${origin}/orders/${orderId}`);
      expect(res?.status()).toBe(404);
    });
  });
});
