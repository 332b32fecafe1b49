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
