import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetCodeFor } from '../kit/mail.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';
import { expectNoAxeViolations, inPage, launchChromium, screenshot } from './chromium.ts';

/**
 * The account pages in real Chromium: register in the site's language, sign out, a wrong
 * password, a reset by the code in the real mailed .eml, sign in again (the visitor's cart
 * joins the buyer's), the order list with an order placed through the API; on vn.localhost in
 * Vietnamese and kr.localhost in Korean, axe-core on every page, screenshots as artifacts.
 */
let platform: TestPlatform;
let browser: Browser;
let port: string;
beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchChromium()]);
  await seedStorefrontCatalog(platform, 0);
  port = new URL(platform.baseUrl).port;
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** A refused form is answered with its status (400, 401, 429): Chromium logs that status, nothing else may be logged. */
const refusedForm = /the server responded with a status of (400|401|403|409|429)/;

const withPage = <T>(
  run: (page: Page, context: BrowserContext) => Promise<T>,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<T> =>
  inPage(
    browser,
    { ...options, expected: (m) => refusedForm.test(m.text()) && m.location().url.includes('/account') },
    run,
  );

/** A JSON API call from the page (same origin, the page's cookies), as a client island would make it. */
async function api(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const res = await fetch(path, {
        method,
        headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body, headers },
  );
}

const sites = [
  {
    site: 'vn',
    lang: 'vi',
    t: {
      account: 'Tài khoản',
      email: 'Email',
      register: 'Tạo tài khoản doanh nghiệp',
      company: 'Tên công ty',
      taxId: 'Mã số thuế',
      name: 'Họ và tên',
      phone: 'Số điện thoại',
      password: 'Mật khẩu',
      code: 'Mã trong email',
      createButton: 'Tạo tài khoản',
      problem: 'Có lỗi cần sửa',
      signOut: 'Đăng xuất',
      signedOut: 'Bạn đã đăng xuất.',
      signInButton: 'Đăng nhập',
      wrongPassword: 'Email hoặc mật khẩu không đúng.',
      forgot: 'Quên mật khẩu?',
      sendCode: 'Gửi mã',
      codeSent: 'mã đang được gửi đến',
      setPassword: 'Đặt mật khẩu mới',
      passwordChanged: 'Đã đổi mật khẩu.',
      ordersHeading: 'Đơn hàng của bạn',
      status: {
        placed: 'Đã đặt',
        awaiting_payment: 'Chờ thanh toán',
        paid: 'Đã thanh toán',
        handed_off: 'Đã gửi nhà cung cấp',
      } as Record<string, string>,
      currency: '₫',
    },
    business: {
      companyName: 'Công ty TNHH Thương mại Lan Anh',
      taxId: '0100109106',
      contactName: 'Nguyễn Lan Anh',
      phone: '+84 90 123 4567',
    },
    checkout: {
      shippingAddress: {
        name: 'Nguyễn Lan Anh',
        phone: '0912 345 678',
        province: 'Hà Nội',
        district: 'Quận Hoàn Kiếm',
        ward: 'Phường Tràng Tiền',
        street: '12 Tràng Tiền',
      },
      laneId: 'air-express',
      paymentMethod: 'bank_transfer',
    },
  },
  {
    site: 'kr',
    lang: 'ko',
    t: {
      account: '내 계정',
      email: '이메일',
      register: '사업자 계정 만들기',
      company: '상호(회사명)',
      taxId: '사업자등록번호',
      name: '담당자 이름',
      phone: '전화번호',
      password: '비밀번호',
      code: '이메일로 받은 코드',
      createButton: '계정 만들기',
      problem: '확인이 필요한 항목이 있습니다',
      signOut: '로그아웃',
      signedOut: '로그아웃되었습니다.',
      signInButton: '로그인',
      wrongPassword: '이메일 또는 비밀번호가 올바르지 않습니다.',
      forgot: '비밀번호를 잊으셨나요?',
      sendCode: '코드 보내기',
      codeSent: '코드를 보내 드렸습니다',
      setPassword: '새 비밀번호 저장',
      passwordChanged: '비밀번호를 변경했습니다.',
      ordersHeading: '주문 내역',
      status: {
        placed: '주문 접수',
        awaiting_payment: '입금 대기',
        paid: '결제 완료',
        handed_off: '공급사 발주 완료',
      } as Record<string, string>,
      currency: '₩',
    },
    business: {
      companyName: '주식회사 가나상사',
      taxId: '220-81-62517',
      contactName: '김민준',
      phone: '010-1234-5678',
    },
    checkout: {
      shippingAddress: {
        name: '김민준',
        phone: '010-1234-5678',
        postalCode: '04524',
        roadAddress: '세종대로 110',
      },
      laneId: 'air-express',
      paymentMethod: 'pay_later',
    },
  },
] as const;

describe('the account pages in Chromium', () => {
  for (const s of sites) {
    it(`${s.site}.localhost in ${s.lang}: register, sign out, a wrong password, reset by the mailed code, sign in, the order list`, async () => {
      await withPage(async (page, context) => {
        const origin = `http://${s.site}.localhost:${port}`;
        const email = `${s.site}-${randomUUID().slice(0, 8)}@example.com`;
        const password = `mat-khau-${randomUUID().slice(0, 8)}`;
        const { t } = s;

        // The header's account link, not signed in: the account sends the visitor to sign in.
        await page.goto(`${origin}/`);
        await page.getByRole('link', { name: t.account, exact: true }).click();
        await page.waitForURL(/\/account\/sign-in\?next=%2Faccount/);
        expect(await page.getAttribute('html', 'lang')).toBe(s.lang);
        await expectNoAxeViolations(page, `${s.site} sign-in`);
        await screenshot(page, `${s.site}-account-sign-in`);

        // Register: first a password that is too short (the summary, focused, links to the field).
        await page.getByRole('link', { name: t.register }).click();
        await page.waitForURL(/\/account\/register/);
        await page.getByLabel(t.company).fill(s.business.companyName);
        await page.getByLabel(t.taxId).fill(s.business.taxId);
        await page.getByLabel(t.name).fill(s.business.contactName);
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByLabel(t.phone).fill(s.business.phone);
        await page.getByLabel(t.password).fill('short');
        await page.getByRole('button', { name: t.createButton }).click();
        await page.getByRole('alert').waitFor();
        expect(await page.getByRole('alert').innerText()).toContain(t.problem);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-errors');
        expect(await page.getByLabel(t.company).inputValue()).toBe(s.business.companyName);
        expect(await page.getByLabel(t.password).getAttribute('aria-invalid')).toBe('true');
        await expectNoAxeViolations(page, `${s.site} register with errors`);
        await screenshot(page, `${s.site}-account-register-errors`);
        await page.getByRole('alert').getByRole('link').first().click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-password');
        await page.getByLabel(t.password).fill(password);
        await page.getByRole('button', { name: t.createButton }).click();
        await page.waitForURL(`${origin}/account`);
        expect(await page.locator('.sf-account').innerText()).toBe(s.business.contactName);
        await expectNoAxeViolations(page, `${s.site} account`);
        await screenshot(page, `${s.site}-account`);

        // Sign out, then a wrong password: the localized refusal.
        await page.getByRole('button', { name: t.signOut, exact: true }).click();
        await page.waitForURL(/\/account\/sign-in\?signedOut=1/);
        expect(await page.getByRole('status').innerText()).toBe(t.signedOut);
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByLabel(t.password).fill('not-the-password');
        await page.getByRole('button', { name: t.signInButton, exact: true }).click();
        await page.getByRole('alert').waitFor();
        expect(await page.getByRole('alert').innerText()).toContain(t.wrongPassword);
        expect(await page.getByLabel(t.email, { exact: true }).inputValue()).toBe(email);
        await expectNoAxeViolations(page, `${s.site} sign-in refused`);
        await screenshot(page, `${s.site}-account-sign-in-refused`);

        // Reset by the code in the mail the platform wrote.
        await page.getByRole('link', { name: t.forgot }).click();
        await page.waitForURL(/\/account\/reset$/);
        await expectNoAxeViolations(page, `${s.site} reset`);
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByRole('button', { name: t.sendCode }).click();
        await page.waitForURL(/\/account\/reset\/confirm\?sent=1/);
        expect(await page.getByRole('status').innerText()).toContain(t.codeSent);
        await expectNoAxeViolations(page, `${s.site} reset confirm`);
        await screenshot(page, `${s.site}-account-reset-confirm`);
        const code = await resetCodeFor(platform, email);
        const newPassword = `${password}-new`;
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByLabel(t.code).fill(code);
        await page.getByLabel(t.password).fill(newPassword);
        await page.getByRole('button', { name: t.setPassword }).click();
        await page.waitForURL(/\/account\?reset=1/);
        expect(await page.getByRole('status').innerText()).toContain(t.passwordChanged);
        await page.getByRole('button', { name: t.signOut, exact: true }).click();
        await page.waitForURL(/\/account\/sign-in\?signedOut=1/);

        // As a visitor, a line in the cart; then sign in from the order list's redirect.
        const added = await api(page, 'POST', '/api/v1/cart/lines', {
          kind: 'bulk',
          offerId: 'tee-women-cotton',
          skuId: 'tee-women-cotton-1',
          quantity: 2,
        });
        expect(added.status, JSON.stringify(added.body)).toBe(200);
        await page.goto(`${origin}/account/orders`);
        await page.waitForURL(/\/account\/sign-in\?next=%2Faccount%2Forders/);
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByLabel(t.password).fill(newPassword);
        await page.getByRole('button', { name: t.signInButton, exact: true }).click();
        await page.waitForURL(`${origin}/account/orders`);
        // The visitor's cart is the buyer's now; the order is placed through the API.
        const cart = await api(page, 'GET', '/api/v1/cart');
        expect(cart.body.lineCount).toBe(1);
        const placed = await api(
          page,
          'POST',
          '/api/v1/orders',
          {
            business: {
              companyName: s.business.companyName,
              contactName: s.business.contactName,
              email,
              phone: s.business.phone,
            },
            ...s.checkout,
          },
          { 'idempotency-key': randomUUID() },
        );
        expect(placed.status, JSON.stringify(placed.body)).toBe(201);
        const order = placed.body.order;
        await page.reload();
        expect(await page.locator('h1').innerText()).toBe(t.ordersHeading);
        const row = page.getByRole('row', { name: new RegExp(order.reference) });
        // The status as the list reads it now (a pay-later order may have moved on to the suppliers).
        const status: string = (await api(page, 'GET', '/api/v1/orders?limit=1')).body.orders[0].status;
        expect(await row.innerText()).toContain(t.status[status]);
        expect(await row.innerText()).toContain(t.currency);
        expect(await row.getByRole('link', { name: order.reference }).getAttribute('href')).toBe(
          `/orders/${order.orderId}`,
        );
        await expectNoAxeViolations(page, `${s.site} orders`);
        await screenshot(page, `${s.site}-account-orders`);

        // The language switcher keeps working here.
        await page.getByRole('link', { name: 'English' }).click();
        await page.waitForURL(/\/account\/orders\?lang=en/);
        expect(await page.locator('h1').innerText()).toBe('Your orders');
        expect(await page.getAttribute('html', 'lang')).toBe('en');

        if (s.site === 'vn') {
          // A vn session is refused on kr: the kr account sends the visitor to sign in.
          const session = (await context.cookies(origin)).find((c) => c.name === 'sf_session');
          expect(session).toBeDefined();
          await context.addCookies([{ ...session!, domain: 'kr.localhost' }]);
          await page.goto(`http://kr.localhost:${port}/account`);
          await page.waitForURL(/kr\.localhost:\d+\/account\/sign-in\?next=%2Faccount/);
        }
      });
    });
  }

  it('with JavaScript off, registering, the account and signing out work (forms that post, 303s)', async () => {
    await withPage(
      async (page) => {
        const origin = `http://vn.localhost:${port}`;
        await page.goto(`${origin}/account/register?lang=en`);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await page.getByLabel('Company name').fill('An Phat Trading');
        await page.getByLabel('Your name').fill('An Nguyen');
        await page.getByLabel('Email', { exact: true }).fill(`nojs-${randomUUID().slice(0, 8)}@example.com`);
        await page.getByLabel('Phone').fill('+84 90 123 4567');
        await page.getByLabel('Password').fill(`no-script-${randomUUID().slice(0, 8)}`);
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.waitForURL(`${origin}/account?lang=en`);
        expect(await page.locator('.sf-account').innerText()).toBe('An Nguyen');
        await page.getByLabel('Phone').fill('+84 28 3822 1111');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.waitForURL(/\/account\?saved=1&lang=en|\/account\?lang=en&saved=1/);
        expect(await page.getByRole('status').innerText()).toBe('Your changes are saved.');
        await page.getByRole('button', { name: 'Sign out on every device' }).click();
        await page.waitForURL(/\/account\/sign-in\?/);
        expect(await page.getByRole('status').innerText()).toBe('You are signed out on every device.');
        await screenshot(page, 'vn-account-signed-out-no-js-en');
      },
      { javaScriptEnabled: false },
    );
  });
});
