import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';
import { expectNoAxeViolations, inPage, launchChromium, screenshot } from './chromium.ts';
import { signInToConsole } from './console.ts';

/**
 * Translation overrides in real Chromium: vn's staff finds an offer by its Chinese title, sees
 * source, translation and wording side by side, saves its own wording (a too-long text is a
 * field error first), and vn's offer page then shows it. axe-core on every page visited.
 */
let platform: TestPlatform;
let browser: Browser;
let origin: string;
let port: string;
const VN_STAFF = { email: 'staff@vn.translations-browser.test', password: 'vn-staff-password' };
const TEE = 'tee-women-cotton';
const TEE_ZH = '夏季纯棉女士T恤';
const WORDING = 'Áo thun cotton nữ – hàng tuyển';

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchChromium()]);
  port = new URL(platform.baseUrl).port;
  origin = `http://console.localhost:${port}`;
  await seedStorefrontCatalog(platform, 0);
  await platform.services.partners.recordTenant('vn');
  await platform.services.partners.ensureUser({ ...VN_STAFF, role: 'staff', tenantId: 'vn' }, 'test');
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const withPage = <T>(run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> =>
  inPage(
    browser,
    { viewport: { width: 1280, height: 900 }, expected: (m) => /status of 400/.test(m.text()) },
    run,
  );

describe('translation overrides in Chromium', () => {
  it("vn's staff searches, saves its wording (refused once, then saved), and the storefront shows it", async () => {
    await withPage(async (page) => {
      await signInToConsole(page, origin, VN_STAFF);
      await page.waitForURL(`${origin}/tenants/vn`);

      await page.locator('.sc-nav').getByRole('link', { name: 'Translations' }).click();
      await page.waitForURL(`${origin}/tenants/vn/translations`);
      await expectNoAxeViolations(page, 'translations');

      await page.getByLabel('Search offers').fill(TEE_ZH);
      await Promise.all([
        page.waitForURL(/\?q=/),
        page.getByRole('button', { name: 'Search', exact: true }).click(),
      ]);
      const section = page.locator(`section[aria-labelledby="offer-${TEE}"]`);
      await expect.poll(() => section.locator('h2 [lang="zh-CN"]').innerText()).toBe(TEE_ZH);
      expect(await section.locator('td [lang="vi"]').first().innerText()).toBe('Áo thun nữ cotton mùa hè');
      await expectNoAxeViolations(page, 'translations search');

      const vi = section.getByLabel('Your wording: Title, Tiếng Việt');
      await vi.fill('x'.repeat(10));
      await section.getByLabel('Your wording: Title, English').evaluate((input, long) => {
        (input as HTMLInputElement).removeAttribute('maxlength');
        (input as HTMLInputElement).value = long;
      }, 'y'.repeat(501));
      await Promise.all([
        page.waitForLoadState('load'),
        section.getByRole('button', { name: /Save wording/ }).click(),
      ]);
      const en = page.getByLabel('Your wording: Title, English');
      expect(await en.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Your wording: Title, Tiếng Việt').inputValue()).toBe('x'.repeat(10));
      await expect.poll(() => page.locator('.sc-field-error').first().innerText()).toContain('500');
      await expectNoAxeViolations(page, 'translations refused');

      await en.fill('');
      await page.getByLabel('Your wording: Title, Tiếng Việt').fill(WORDING);
      await Promise.all([
        page.waitForURL(/saved=tee-women-cotton/),
        page
          .locator(`section[aria-labelledby="offer-${TEE}"]`)
          .getByRole('button', { name: /Save wording/ })
          .click(),
      ]);
      await expect
        .poll(() => page.getByRole('status').innerText())
        .toContain(`Wording of offer ${TEE} saved.`);
      expect(await page.getByLabel('Your wording: Title, Tiếng Việt').inputValue()).toBe(WORDING);
      await expectNoAxeViolations(page, 'translations saved');
      await screenshot(page, 'console-translations');

      await page.goto(`http://vn.localhost:${port}/offers/${TEE}`);
      await expect.poll(() => page.locator('h1').innerText()).toBe(WORDING);
    });
  });
});
