import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfferInput, offerSchema } from '../../core/catalog/model.ts';
import { withinCuration } from '../../core/tenants/curation.ts';
import { DEMO_MAX_RATE_AGE_HOURS } from '../../local/seed/demo-tenants.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';
import { expectNoAxeViolations, launchChromium, screenshot } from './chromium.ts';

/**
 * The launch flow in real Chromium, as the "done when" reads it: the owner of `th`
 * signs in to the console, sets the brand (a contrast the storefront cannot use is refused
 * first), uploads a logo, picks English and THB, sets markup and rounding while the price
 * preview follows, curates to two categories while the live count follows, publishes the
 * diff — and th.localhost shows the new brand, THB prices and only those categories. axe-core
 * runs on every console page visited.
 */
let platform: TestPlatform;
let browser: Browser;
let port: string;
let offers: OfferInput[];
const OWNER = { email: 'owner@th.test', password: 'th-owner-password-1' };
const CATEGORIES = ['womens_wear', 'plush_toys'] as const;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchChromium()]);
  offers = await seedStorefrontCatalog(platform, 80);
  port = new URL(platform.baseUrl).port;
  // The operator's part, through the same core services its console pages call.
  await platform.services.tenantRepository.create(
    {
      id: 'th',
      name: 'New site',
      domains: ['th.localhost'],
      defaultLocale: 'en',
      locales: ['en'],
      currency: 'USD',
      pricing: {
        markupBps: 0,
        rounding: { increment: 1, mode: 'up' },
        maxRateAgeHours: DEMO_MAX_RATE_AGE_HOURS,
      },
    },
    'operator',
  );
  await platform.services.partners.recordTenant('th');
  await platform.services.partners.ensureUser({ ...OWNER, role: 'owner', tenantId: 'th' }, 'test');
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function signedIn(run: (page: Page, origin: string) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // A refused form answers 400 on purpose: the one error status Chromium may log.
    if (m.type() === 'error' && !/status of 400/.test(m.text())) errors.push(m.text());
  });
  const origin = `http://console.localhost:${port}`;
  try {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/tenants\/th/);
    await run(page, origin);
    expect(errors, 'console errors and CSP reports').toEqual([]);
  } finally {
    await context.close();
  }
}

const logoPng = () =>
  sharp({ create: { width: 600, height: 200, channels: 4, background: { r: 11, g: 93, b: 30, alpha: 1 } } })
    .png()
    .toBuffer();

describe('the owner of th launches the site from the console', () => {
  it('brand, logo, English and THB, markup with the live price preview, curation with the live count, publish', async () => {
    const expectedCount = offers
      .map((o) => offerSchema.parse(o))
      .filter((o) =>
        withinCuration(o, {
          curation: { categories: [...CATEGORIES], supplierTiers: [], requiredBadges: [], belts: [] },
        }),
      ).length;

    await signedIn(async (page, origin) => {
      await page.goto(`${origin}/tenants/th/launch`);
      await page.waitForURL(/\/launch\/brand$/);
      await expectNoAxeViolations(page, 'launch: brand');

      // A text colour too pale for the background is refused before anything is saved.
      await page.getByLabel('Site name').fill('Thai Sourcing');
      await page.getByLabel('Text', { exact: true }).fill('#dddddd');
      await expect.poll(() => page.locator('#contrast-report').innerText()).toMatch(/text 1\.\d\d:1/);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await expect
        .poll(() => page.locator('[role=alert]').first().innerText())
        .toContain('Not enough contrast');
      expect(await page.getByLabel('Text', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'launch: brand refused');

      await page.getByLabel('Text', { exact: true }).fill('#1b1f24');
      await page.getByLabel('Primary (links and buttons)').fill('#0b5d1e');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/launch\/brand\?saved=1$/);
      expect(await page.locator('[role=status]').innerText()).toContain('Saved to your draft.');

      await page
        .getByLabel('Logo file')
        .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await logoPng() });
      await page.getByRole('button', { name: 'Upload logo' }).click();
      await page.waitForURL(/\/launch\/brand\?saved=1$/);
      expect(await page.locator('main').innerText()).toContain('Your logo is in the draft.');
      await screenshot(page, 'console-launch-brand');

      await page.getByRole('link', { name: 'Languages and currency' }).click();
      await page.waitForURL(/\/launch\/locales$/);
      await expectNoAxeViolations(page, 'launch: locales');
      await page.getByLabel('Currency').selectOption('THB');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/launch\/locales\?saved=1$/);

      await page.getByRole('link', { name: 'Markup and rounding' }).click();
      await page.waitForURL(/\/launch\/pricing$/);
      await expectNoAxeViolations(page, 'launch: pricing');
      const preview = page.locator('#price-preview');
      const before = await preview.innerText();
      expect(before).toMatch(/This offer shows as THB/);
      await page.getByLabel('Markup (%)').fill('25');
      await page.getByLabel('Round to a multiple of (THB)').fill('5');
      // The island re-prices the offers as the values change, without saving.
      await expect.poll(() => preview.innerText()).not.toBe(before);
      const after = await preview.innerText();
      const amounts = [...after.matchAll(/THB\s?([\d,]+\.\d\d)/g)].map((m) =>
        Number(m[1]!.replace(/,/g, '')),
      );
      expect(amounts.length).toBeGreaterThan(0);
      for (const amount of amounts) expect(Math.round(amount * 100) % 500).toBe(0);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/launch\/pricing\?saved=1$/);
      expect(await preview.innerText()).toBe(after);

      await page.getByRole('link', { name: 'Curation' }).click();
      await page.waitForURL(/\/launch\/curation$/);
      await expectNoAxeViolations(page, 'launch: curation');
      const count = page.locator('#curation-count');
      for (const id of CATEGORIES)
        await page.locator(`input[name="curation.categories"][value="${id}"]`).check();
      await expect.poll(() => count.innerText()).toContain(`This site will sell ${expectedCount} offers.`);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/launch\/curation\?saved=1$/);
      expect(await count.innerText()).toContain(`This site will sell ${expectedCount} offers.`);
      await screenshot(page, 'console-launch-curation');

      // The other steps, each reachable from the steps list and accessible (their saves: test/integration).
      for (const [name, slug] of [
        ['Domains', 'domains'],
        ['Shipping lanes', 'lanes'],
        ['Payment methods', 'payments'],
        ['Contact and legal', 'contact'],
      ] as const) {
        await page.getByRole('link', { name, exact: true }).click();
        await page.waitForURL(new RegExp(`/launch/${slug}$`));
        await expectNoAxeViolations(page, `launch: ${slug}`);
      }
      await page.goto(`${origin}/tenants/th/launch/preview/offer`);
      expect(await page.locator('h1').count()).toBe(1);

      await page.goto(`${origin}/tenants/th/launch/curation`);
      await page.getByRole('link', { name: 'Publish' }).click();
      await page.waitForURL(/\/launch\/publish$/);
      await expectNoAxeViolations(page, 'launch: publish');
      const diff = await page.locator('table').innerText();
      for (const path of ['name', 'currency', 'pricing.markupBps', 'curation.categories', 'brand.logoUrl'])
        expect(diff).toContain(path);
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.waitForURL(/\/launch\/publish\?published=2$/);
      expect(await page.locator('[role=status]').innerText()).toContain('version 2 is live');
      await expectNoAxeViolations(page, 'launch: published');
    });

    // The site as a buyer sees it now.
    const site = await browser.newContext({ viewport: { width: 412, height: 823 } });
    try {
      const page = await site.newPage();
      await page.goto(`http://th.localhost:${port}/`);
      const logo = page.locator('.sf-brand img');
      expect(await logo.getAttribute('alt')).toBe('Thai Sourcing');
      await expect
        .poll(() => logo.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
        .toBeGreaterThan(0);
      expect(await page.locator('main').innerText()).toContain('THB');
      const groups = await page.locator('#col-categories + ul a').allInnerTexts();
      expect(groups.sort()).toEqual(['Apparel & accessories', 'Toys'].sort());
      await screenshot(page, 'console-launch-th-home');
      const search = await (
        await platform.request('/api/v1/search?size=48', { host: `th.localhost:${port}` })
      ).json();
      expect(search.total).toBe(expectedCount);
      for (const hit of search.hits) expect(CATEGORIES).toContain(hit.category.id);
      expect(search.hits[0].price.from.currency).toBe('THB');
    } finally {
      await site.close();
    }
  });
});
