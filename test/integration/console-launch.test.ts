import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDraftStore } from '../../adapters/dynamodb/tenant-draft-store.ts';
import { openSearchOffers } from '../../adapters/opensearch/offer-search.ts';
import { createSearchTransport } from '../../adapters/opensearch/transport.ts';
import { type OfferInput, offerSchema } from '../../core/catalog/model.ts';
import { DomainError } from '../../core/errors.ts';
import type { Principal } from '../../core/tenants/admin-auth.ts';
import { withinCuration } from '../../core/tenants/curation.ts';
import { draftService } from '../../core/tenants/drafts.ts';
import { launchPreviews } from '../../core/tenants/preview.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { connectionOf } from '../../functions/search-client.ts';
import { DEMO_MAX_RATE_AGE_HOURS } from '../../local/seed/demo-tenants.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { seedStorefrontCatalog } from '../kit/storefront.ts';

/**
 * The launch flow's drafts against DynamoDB Local (kept across sessions, published with the
 * version check, audited) and its previews against the real OpenSearch node and the FX rates
 * the platform loaded (prices expected from a formula written here, not from the price book).
 */
let platform: TestPlatform;
let offers: OfferInput[];
const owner: Principal = { kind: 'tenant', tenantId: 'th', keyId: '0123456789abcdef' };
const owner_ = owner;
const otherTenant: Principal = { kind: 'tenant', tenantId: 'kr', keyId: '0123456789abcdef' };

const thInput = {
  id: 'th',
  name: 'Thai Sourcing',
  domains: ['th.localhost'],
  defaultLocale: 'en' as const,
  locales: ['en' as const],
  currency: 'USD',
  pricing: {
    markupBps: 0,
    rounding: { increment: 1, mode: 'up' as const },
    maxRateAgeHours: DEMO_MAX_RATE_AGE_HOURS,
  },
};

const service = () =>
  draftService({
    tenants: platform.services.tenantRepository,
    drafts: new DynamoDraftStore(platform.services.db, platform.tableName),
  });
const previews = () =>
  launchPreviews({
    priceBooks: platform.services.priceBooks,
    offers: platform.services.offers,
    search: openSearchOffers(
      createSearchTransport(connectionOf(platform.services.config)),
      platform.offersAlias,
    ),
  });

beforeAll(async () => {
  platform = await startTestPlatform();
  offers = await seedStorefrontCatalog(platform, 60);
  await platform.services.tenantRepository.create(thInput, 'operator');
});
afterAll(async () => platform?.close());

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('drafts in DynamoDB', () => {
  it('keeps each saved step across sessions (a new service reads it back) and leaves the live site alone', async () => {
    await service().saveStep(owner, 'th', 'locales', {
      currency: 'THB',
      defaultLocale: 'en',
      locales: ['en'],
    });
    await service().saveStep(owner, 'th', 'pricing', {
      pricing: {
        markupBps: 1500,
        rounding: { increment: 100, mode: 'up' },
        maxRateAgeHours: DEMO_MAX_RATE_AGE_HOURS,
      },
    });
    const { draft, stored, changes, live } = await service().get(owner, 'th');
    expect(stored).toBe(true);
    expect(draft).toMatchObject({ baseVersion: 1, revision: 2, config: { currency: 'THB' } });
    expect(changes.map((c) => c.path)).toEqual([
      'currency',
      'pricing.markupBps',
      'pricing.rounding.increment',
    ]);
    expect(live.tenant.currency).toBe('USD');
    expect((await platform.services.tenantRepository.byId('th'))?.currency).toBe('USD');
  });

  it('refuses another tenant’s user, reading and writing', async () => {
    expect((await rejection(service().get(otherTenant, 'th'))).code).toBe('FORBIDDEN');
    expect(
      (
        await rejection(
          service().saveStep(otherTenant, 'th', 'locales', {
            currency: 'KRW',
            defaultLocale: 'en',
            locales: ['en'],
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('refuses a save over a revision someone else saved first, keeping theirs', async () => {
    const store = new DynamoDraftStore(platform.services.db, platform.tableName);
    const { draft } = await service().get(owner, 'th');
    const error = await rejection(
      store.save({ ...draft, revision: draft.revision + 1 }, draft.revision - 1, []),
    );
    expect(error.code).toBe('CONFLICT');
    expect((await store.get('th'))?.revision).toBe(draft.revision);
  });

  it('publishes in one step: the live config changes, the draft is gone, every change is audited', async () => {
    const { draft } = await service().get(owner, 'th');
    const { published, changes } = await service().publish(owner, 'th', draft.revision);
    expect(published.version).toBe(2);
    expect(changes.map((c) => c.path)).toContain('currency');
    expect((await platform.services.tenantRepository.byId('th'))?.currency).toBe('THB');
    expect((await service().get(owner, 'th')).stored).toBe(false);
    const audit = await platform.services.tenantRepository.audit('th', 10);
    expect(audit.map((a) => a.action)).toEqual([
      'draft.published',
      'tenant.updated',
      'draft.saved',
      'draft.saved',
      'tenant.created',
    ]);
    expect(audit[1]?.changes).toEqual(changes);
    expect(audit[1]?.actor).toBe('key:th/0123456789abcdef');
  });

  it('refuses to publish over a version published meanwhile, keeps the draft, and rebases it', async () => {
    await service().saveStep(owner, 'th', 'brand', {
      name: 'Thai Sourcing Co.',
      brand: {
        colours: { primary: '#0b5d1e', accent: '#f08c00', background: '#ffffff', text: '#1b1f24' },
        font: 'system-ui, sans-serif',
      },
    });
    // Meanwhile the admin API changes the contact (live version 3).
    const live = await platform.services.tenantRepository.versioned('th');
    await platform.services.tenantRepository.update(
      { ...live!.tenant, contact: { email: 'sales@th.example' } },
      live!.version,
      'operator',
    );
    const { draft } = await service().get(owner, 'th');
    const refused = await rejection(service().publish(owner, 'th', draft.revision));
    expect(refused.code).toBe('DRAFT_OUTDATED');
    expect(refused.params).toEqual({ baseVersion: 2, liveVersion: 3 });
    expect((await service().get(owner, 'th')).draft.config.name).toBe('Thai Sourcing Co.');

    const { draft: moved, overlapping } = await service().rebase(owner, 'th');
    expect(moved.baseVersion).toBe(3);
    expect(overlapping).toEqual([]);
    expect(moved.config.contact.email).toBe('sales@th.example');
    expect(moved.config.name).toBe('Thai Sourcing Co.');
    const { published } = await service().publish(owner, 'th', moved.revision);
    expect(published.tenant).toMatchObject({
      name: 'Thai Sourcing Co.',
      contact: { email: 'sales@th.example' },
    });
  });

  it('lets exactly one of two concurrent publishes of the same draft win', async () => {
    await service().saveStep(owner, 'th', 'contact', {
      contact: { email: 'hello@th.example' },
      legal: { terms: {}, privacy: {} },
    });
    const { draft } = await service().get(owner, 'th');
    const results = await Promise.allSettled([
      service().publish(owner, 'th', draft.revision),
      service().publish(owner, 'th', draft.revision),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['CONFLICT', 'DRAFT_OUTDATED']).toContain((lost.reason as DomainError).code);
    const live = await platform.services.tenantRepository.versioned('th');
    expect(live).toMatchObject({ version: 5, tenant: { contact: { email: 'hello@th.example' } } });
  });
});

describe('previews', () => {
  const curation = { categories: ['womens_wear', 'toys'], supplierTiers: [], requiredBadges: [], belts: [] };

  it('counts the offers a curation sells with a count query, as the storefront filter selects them', async () => {
    const tenant = tenantSchema.parse({ ...thInput, currency: 'THB' });
    const expected = offers.map((o) => offerSchema.parse(o)).filter((o) => withinCuration(o, { curation }));
    expect(expected.length).toBeGreaterThan(3);
    const result = await previews().curationCount(tenant, curation, 'en', 4);
    expect(result.total).toBe(expected.length);
    expect(result.sentence).toBe(`This site will sell ${expected.length} offers.`);
    expect(result.samples).toHaveLength(4);
    const ids = new Set(expected.map((o) => o.offerId));
    for (const s of result.samples) expect(ids.has(s.offerId)).toBe(true);
    expect(result.samples[0]?.priceFrom.currency).toBe('THB');
    const all = await previews().curationCount(tenant, { categories: [] }, 'en', 1);
    expect(all.total).toBe(offers.filter((o) => o.listed !== false).length);
  });

  it('prices a real offer with the terms being typed: rate × (1 + markup), rounded up, per tier', async () => {
    const tenant = tenantSchema.parse({ ...thInput, currency: 'THB' });
    const offer = offerSchema.parse(offers.find((o) => o.offerId === 'tee-women-cotton'));
    const rate = await platform.services.fxRates.latest('THB');
    const [whole, frac = ''] = rate!.rate.split('.');
    const rateN = BigInt(whole! + frac);
    const rateD = 10n ** BigInt(frac.length);
    // THB has 2 decimals like CNY: satang = fen × rate × (1 + markup), up to the increment.
    const expectSatang = (fen: number, markupBps: number, increment: number) => {
      const n = BigInt(fen) * rateN * BigInt(10_000 + markupBps);
      const d = rateD * 10_000n * BigInt(increment);
      return Number((n + d - 1n) / d) * increment;
    };
    const at = async (markupBps: number, increment: number) =>
      previews().prices(tenant, { currency: 'THB', markupBps, increment, mode: 'up' }, 'en', [offer.offerId]);
    const plain = await at(0, 1);
    const marked = await at(2500, 100);
    expect(plain.offers[0]?.tiers.map((t) => t.unitPrice.amountMinor)).toEqual(
      offer.priceTiers.map((t) => expectSatang(t.unitPriceFen, 0, 1)),
    );
    expect(marked.offers[0]?.tiers.map((t) => t.unitPrice.amountMinor)).toEqual(
      offer.priceTiers.map((t) => expectSatang(t.unitPriceFen, 2500, 100)),
    );
    const first = marked.offers[0]!.tiers[0]!;
    expect(marked.offers[0]?.sentence).toContain(
      `${first.unitPrice.formatted} per piece from ${first.minQuantity}`,
    );
    expect(first.unitPrice.formatted).toMatch(/^THB\s|฿/);
  });
});

/** A browser-like client of the console host: keeps cookies, does not follow redirects. */
function consoleClient() {
  const jar = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await platform.request(path, { ...init, headers, host: 'console.localhost:3000' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    return res;
  };
  const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const post = (path: string, fields: [string, string][]) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  return {
    request,
    post,
    csrfOf,
    async signIn(user: { email: string; password: string }) {
      const form = await (await request('/sign-in')).text();
      const res = await post('/sign-in', [
        ['csrf', csrfOf(form)],
        ['email', user.email],
        ['password', user.password],
      ]);
      expect(res.status).toBe(303);
    },
  };
}

describe('the launch routes on the console host', () => {
  const users = {
    owner: { email: 'owner@th.test', password: 'th-owner-password-1' },
    staff: { email: 'staff@th.test', password: 'th-staff-password-1' },
    vnOwner: { email: 'owner@vn.test', password: 'vn-owner-password-1' },
  };
  beforeAll(async () => {
    const { partners } = platform.services;
    await partners.recordTenant('th');
    await partners.ensureUser({ ...users.owner, role: 'owner', tenantId: 'th' }, 'test');
    await partners.ensureUser({ ...users.staff, role: 'staff', tenantId: 'th' }, 'test');
    await partners.ensureUser({ ...users.vnOwner, role: 'owner', tenantId: 'vn' }, 'test');
  });

  it("refuses another tenant's owner and the tenant's own staff on every launch route, and asks the signed-out to sign in", async () => {
    const vn = consoleClient();
    await vn.signIn(users.vnOwner);
    const staff = consoleClient();
    await staff.signIn(users.staff);
    for (const path of [
      '/tenants/th/launch/brand',
      '/tenants/th/launch/publish',
      '/tenants/th/launch/preview/prices?pricing.markupBps=10',
      '/tenants/th/launch/preview/curation?curation.categories=toys',
      '/tenants/th/launch/preview/home',
    ]) {
      expect((await vn.request(path)).status, `vn owner on ${path}`).toBe(403);
      expect((await staff.request(path)).status, `th staff on ${path}`).toBe(403);
    }
    const form = await (await vn.request('/tenants/vn/launch/brand')).text();
    const refused = await vn.post('/tenants/th/launch/publish', [
      ['csrf', vn.csrfOf(form)],
      ['revision', '1'],
    ]);
    expect(refused.status).toBe(403);
    expect((await consoleClient().request('/tenants/th/launch/brand')).status).toBe(303);
    expect((await consoleClient().request('/tenants/th/launch/preview/prices')).status).toBe(401);
    // The same paths on a site's host do not exist.
    expect(
      (await platform.request('/console/tenants/th/launch/brand', { host: 'th.localhost' })).status,
    ).toBe(404);
  });

  it('saves the steps the browser test does not walk through (no JavaScript: plain form posts), and refuses a post without its CSRF token', async () => {
    const owner = consoleClient();
    await owner.signIn(users.owner);
    const csrf = owner.csrfOf(await (await owner.request('/tenants/th/launch/contact')).text());
    const save = async (step: string, fields: [string, string][]) => {
      const res = await owner.post(`/tenants/th/launch/${step}`, [['csrf', csrf], ...fields]);
      expect(res.status, `${step}: ${res.status === 400 ? await res.text() : ''}`).toBe(303);
      expect(res.headers.get('location')).toBe(`/tenants/th/launch/${step}?saved=1`);
    };
    await save('contact', [
      ['contact.email', 'sales@th.example'],
      ['contact.phone', '+66 2 123 4567'],
      ['legal.companyName', 'Thai Sourcing Co., Ltd.'],
      ['legal.terms.en', 'Orders are binding once paid.'],
    ]);
    await save('payments', [
      ['paymentMethods', 'bank_transfer'],
      ['paymentMethods', 'cash_on_delivery'],
      ['payments.bankAccount.bankName', 'Kasikornbank'],
      ['payments.bankAccount.accountNumber', '1234567890'],
      ['payments.bankAccount.accountName', 'Thai Sourcing'],
      ['payments.deadlineHours', '48'],
    ]);
    await save('lanes', [
      ['lane.id', 'air-express'],
      ['lane.kind', 'air_express'],
      ['lane.transitMin', '3'],
      ['lane.transitMax', '6'],
      ['lane.base', '20'],
      ['lane.per100g', '3.5'],
      ['lane.volumetricDivisor', '6000'],
    ]);
    await save('domains', [['add', 'shop.th-sourcing.example']]);
    const { draft } = await service().get(owner_, 'th');
    expect(draft.config).toMatchObject({
      contact: { email: 'sales@th.example', phone: '+66 2 123 4567' },
      legal: { companyName: 'Thai Sourcing Co., Ltd.', terms: { en: 'Orders are binding once paid.' } },
      paymentMethods: ['bank_transfer', 'cash_on_delivery'],
      payments: { bankAccount: { bankName: 'Kasikornbank', accountNumber: '1234567890' }, deadlineHours: 48 },
      shippingLanes: [{ id: 'air-express', baseFen: 2000, per100gFen: 350, transitDays: { min: 3, max: 6 } }],
    });
    expect(draft.config.domains).toContain('shop.th-sourcing.example');

    // Bank transfer without an account: refused with the field named, the draft unchanged.
    const refused = await owner.post('/tenants/th/launch/payments', [
      ['csrf', csrf],
      ['paymentMethods', 'bank_transfer'],
      ['payments.deadlineHours', '48'],
    ]);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('aria-invalid="true"');
    expect((await service().get(owner_, 'th')).draft.revision).toBe(draft.revision);
    const forged = await owner.post('/tenants/th/launch/contact', [['contact.email', 'evil@x.example']]);
    expect(forged.status).toBe(403);
  });

  it('answers the previews as JSON for the islands, from the form values given', async () => {
    const owner = consoleClient();
    await owner.signIn(users.owner);
    const prices = await owner.request(
      '/tenants/th/launch/preview/prices?pricing.markupBps=10&pricing.rounding.increment=1&pricing.rounding.mode=up',
    );
    expect(prices.status).toBe(200);
    const body = await prices.json();
    expect(body.currency).toBe('THB');
    expect(body.offers.length).toBeGreaterThan(0);
    const count = await (
      await owner.request(
        '/tenants/th/launch/preview/curation?curation.categories=plush_toys&curation.categories=womens_wear',
      )
    ).json();
    const expected = offers
      .map((o) => offerSchema.parse(o))
      .filter((o) =>
        withinCuration(o, {
          curation: {
            categories: ['plush_toys', 'womens_wear'],
            supplierTiers: [],
            requiredBadges: [],
            belts: [],
          },
        }),
      ).length;
    expect(count.total).toBe(expected);
    const bad = await owner.request('/tenants/th/launch/preview/prices?pricing.markupBps=-5');
    expect(bad.status).toBe(400);
  });
});
