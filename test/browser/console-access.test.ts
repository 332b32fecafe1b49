import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../core/orders/order.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { expectNoAxeViolations, inPage, launchChromium, screenshot } from './chromium.ts';
import { signInToConsole } from './console.ts';

/**
 * The console in real Chromium beside the launch path (test/browser/console-launch.test.ts: the
 * operator creates th and invites its owner, who launches it): the operator's domains and dead
 * letters, an owner's API key shown once, and a staff user of `vn` who works vn's orders and
 * reaches nothing of kr's (pages and form posts). axe-core on every console page visited.
 */
let platform: TestPlatform;
let browser: Browser;
let origin: string;
const OPERATOR = { email: 'ops@console.test', password: 'operator-password-1' };
const VN_STAFF = { email: 'staff@vn.console.test', password: 'vn-staff-password' };
const VN_OWNER = { email: 'owner@vn.console.test', password: 'vn-owner-password' };
let vnOrder: Order;
let krOrder: Order;

function awaitingOrder(tenantId: string): Order {
  const base = paidOrder([orderLine({ supplierId: 'sup-1' })]);
  const orderId = `o_${randomBytes(16).toString('hex')}`;
  return {
    ...base,
    orderId,
    tenantId,
    reference: `${tenantId.toUpperCase()}${orderId.slice(2, 10).toUpperCase()}`,
    status: 'awaiting_payment',
    version: 2,
    ...(tenantId === 'kr' && { currency: 'KRW', locale: 'ko' }),
    payment: { ...base.payment, status: 'pending' },
    events: base.events.slice(0, 2),
  } as Order;
}

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchChromium()]);
  origin = `http://console.localhost:${new URL(platform.baseUrl).port}`;
  await platform.services.partners.ensureUser({ ...OPERATOR, role: 'operator' }, 'test');
  await platform.services.partners.ensureUser({ ...VN_STAFF, role: 'staff', tenantId: 'vn' }, 'test');
  await platform.services.partners.ensureUser({ ...VN_OWNER, role: 'owner', tenantId: 'vn' }, 'test');
  for (const id of ['vn', 'kr']) await platform.services.partners.recordTenant(id);
  vnOrder = awaitingOrder('vn');
  krOrder = awaitingOrder('kr');
  await platform.services.orders.place(vnOrder, [], []);
  await platform.services.orders.place(krOrder, [], []);
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** A fresh browser context; console errors fail the test, except the refusals a step expects. */
const withPage = <T>(run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> =>
  inPage(
    browser,
    { viewport: { width: 1280, height: 900 }, expected: (m) => /status of 40[0134]/.test(m.text()) },
    run,
  );

const signIn = (page: Page, user: { email: string; password: string }) => signInToConsole(page, origin, user);

describe('the console in Chromium', () => {
  it("the operator's domains and dead letters; vn's owner creates a key, shown once", async () => {
    await withPage(async (page) => {
      await signIn(page, OPERATOR);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.goto(`${origin}/tenants/vn/domains`);
      await expectNoAxeViolations(page, 'vn domains');
      await page.goto(`${origin}/dead-letters`);
      await expectNoAxeViolations(page, 'dead letters');
      await screenshot(page, 'console-dead-letters');
    });
    await withPage(async (page) => {
      await signIn(page, VN_OWNER);
      await page.waitForURL(`${origin}/tenants/vn`);
      await page.goto(`${origin}/tenants/vn/keys`);
      await expectNoAxeViolations(page, 'vn keys');
      await page.getByLabel('Label').fill('ERP');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.waitForLoadState('load');
      const key = await page.locator('#new-key').innerText();
      expect(key).toMatch(/^sfk\.vn\.[0-9a-f]{16}\./);
      await expectNoAxeViolations(page, 'vn key created');
      await screenshot(page, 'console-keys');
      // Shown once: the list names the key by its label, never its secret again.
      await page.goto(`${origin}/tenants/vn/keys`);
      expect(await page.locator('main').innerText()).toContain('ERP');
      expect(await page.content()).not.toContain(key);
    });
  });

  it("vn's staff works vn's orders and cannot reach kr's pages or forms", async () => {
    await withPage(async (page) => {
      await signIn(page, VN_STAFF);
      await page.waitForURL(`${origin}/tenants/vn`);
      await expectNoAxeViolations(page, 'vn overview');
      await page.locator('.sc-nav').getByRole('link', { name: 'Orders' }).click();
      await page.waitForURL(/\/tenants\/vn\/orders/);
      expect(await page.locator('main').innerText()).toContain(vnOrder.reference);
      await expectNoAxeViolations(page, 'vn orders');
      await page.getByRole('link', { name: vnOrder.reference }).click();
      await page.waitForURL(`${origin}/tenants/vn/orders/${vnOrder.orderId}`);
      await expectNoAxeViolations(page, 'vn order');
      await screenshot(page, 'console-order');
      await page.getByRole('button', { name: 'Mark as paid' }).click();
      await page.waitForURL(`${origin}/tenants/vn/orders/${vnOrder.orderId}?done=paid`);
      expect(await page.getByRole('status').innerText()).toContain('paid');
      expect((await platform.services.orders.get('vn', vnOrder.orderId))?.status).toBe('paid');
      await expectNoAxeViolations(page, 'vn order paid');
      const csrf = await page.locator('input[name="csrf"]').first().inputValue();

      for (const path of [
        '/tenants/kr',
        '/tenants/kr/orders',
        `/tenants/kr/orders/${krOrder.orderId}`,
        '/tenants/kr/keys',
        '/dead-letters',
      ]) {
        const res = await page.goto(`${origin}${path}`);
        expect(res?.status(), path).toBe(403);
        expect(await page.locator('main').innerText(), path).not.toContain(krOrder.reference);
      }
      await expectNoAxeViolations(page, 'not allowed');
      const notVn = await page.goto(`${origin}/tenants/vn/orders/${krOrder.orderId}`);
      expect(notVn?.status()).toBe(404);
      await expectNoAxeViolations(page, 'not found');
      // The console's forms, posted from a console page with this session's own token, to kr's paths.
      const posts = [
        [`/tenants/kr/orders/${krOrder.orderId}/cancel`, { version: '2' }],
        [
          `/tenants/kr/orders/${krOrder.orderId}/bank-transfer`,
          {
            reference: krOrder.reference,
            amountMinor: String(krOrder.totalMinor),
            receivedAt: new Date().toISOString(),
          },
        ],
        ['/tenants/kr/keys', { label: 'mine' }],
        ['/tenants/kr/users', { email: 'spy@x.test', role: 'staff' }],
      ] as const;
      await page.goto(`${origin}/tenants/vn`);
      for (const [path, fields] of posts) {
        const status = await page.evaluate(
          async ({ path, body }) =>
            (
              await fetch(path, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body,
                redirect: 'manual',
              })
            ).status,
          { path, body: new URLSearchParams({ csrf, ...fields }).toString() },
        );
        expect(status, path).toBe(403);
      }
      expect((await platform.services.orders.get('kr', krOrder.orderId))?.status).toBe('awaiting_payment');
    });
  });
});
