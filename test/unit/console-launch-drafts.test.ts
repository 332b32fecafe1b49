import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import type { VersionedTenant } from '../../core/tenants/admin-service.ts';
import {
  applyStep,
  checkPublishable,
  draftChanges,
  rebaseDraft,
  startDraft,
  type TenantDraft,
} from '../../core/tenants/drafts.ts';
import { pricingWith } from '../../core/tenants/preview.ts';
import { type Tenant, tenantSchema } from '../../core/tenants/tenant.ts';

/** Pure rules of the launch flow's drafts: no I/O (the store is tested in test/integration). */
const base = tenantSchema.parse({
  id: 'th',
  name: 'Thai Sourcing',
  domains: ['th.localhost'],
  defaultLocale: 'en',
  locales: ['en'],
  currency: 'USD',
  pricing: { markupBps: 1000, rounding: { increment: 100, mode: 'up' }, maxRateAgeHours: 8784 },
});
const live = (tenant: Tenant, version: number): VersionedTenant => ({
  tenant,
  version,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: 'operator',
});
const at = new Date('2026-12-01T11:00:00.000Z');
const draftOf = (config: Tenant, baseVersion = 1, revision = 1): TenantDraft => ({
  ...startDraft(live(base, baseVersion), 'user:owner@th.example', at),
  config,
  revision,
});

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('drafts: each step replaces its own part of the config, validated as a whole', () => {
  it('starts from the live version, unchanged', () => {
    const draft = startDraft(live(base, 3), 'user:owner@th.example', at);
    expect(draft).toMatchObject({ tenantId: 'th', baseVersion: 3, revision: 0, config: base });
    expect(draftChanges(draft, live(base, 3))).toEqual([]);
  });

  it('changes only the fields of the step saved; fields of other steps in the values are ignored', () => {
    const { config, changes } = applyStep(draftOf(base), 'locales', {
      currency: 'THB',
      defaultLocale: 'en',
      locales: ['en'],
      name: 'not a field of this step',
    });
    expect(config.currency).toBe('THB');
    expect(config.name).toBe('Thai Sourcing');
    expect(changes).toEqual([{ path: 'currency', from: 'USD', to: 'THB' }]);
  });

  it('refuses a brand whose text does not reach WCAG AA on its background, naming the field', () => {
    const error = failure(() =>
      applyStep(draftOf(base), 'brand', {
        name: 'Thai Sourcing',
        brand: {
          colours: { primary: '#1f6feb', accent: '#f08c00', background: '#ffffff', text: '#cccccc' },
          font: 'system-ui, sans-serif',
        },
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'brand.colours.text', rule: 'contrast_too_low' }),
    );
  });

  it('refuses a step that breaks a rule of another (a default locale outside the locales)', () => {
    const error = failure(() =>
      applyStep(draftOf(base), 'locales', { currency: 'THB', defaultLocale: 'vi', locales: ['en'] }),
    );
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'defaultLocale', rule: 'not_among_locales' }),
    );
  });

  it('never lets a step change the tenant id', () => {
    const { config } = applyStep(draftOf(base), 'curation', {
      id: 'kr',
      curation: { categories: ['toys'], supplierTiers: [], requiredBadges: [], belts: [] },
    } as never);
    expect(config.id).toBe('th');
    expect(config.curation.categories).toEqual(['toys']);
  });
});

describe('drafts: publish and rebase', () => {
  it('shows what publishing changes against the live version', () => {
    const edited = { ...base, currency: 'THB', curation: { ...base.curation, categories: ['toys', 'bags'] } };
    expect(draftChanges(draftOf(edited), live(base, 1))).toEqual([
      { path: 'curation.categories', from: [], to: ['toys', 'bags'] },
      { path: 'currency', from: 'USD', to: 'THB' },
    ]);
  });

  it('refuses to publish a draft started from an older version than the live one', () => {
    expect(() => checkPublishable(draftOf(base, 2), live(base, 2))).not.toThrow();
    const error = failure(() => checkPublishable(draftOf(base, 2), live(base, 3)));
    expect(error.code).toBe('DRAFT_OUTDATED');
    expect(error.params).toEqual({ baseVersion: 2, liveVersion: 3 });
  });

  it('rebases the draft’s own changes onto the newer live version, keeping the others’ changes', () => {
    const mine = { ...base, currency: 'THB', name: 'Mine' };
    const theirs = { ...base, name: 'Theirs', contact: { email: 'sales@th.example' } };
    const { config, overlapping } = rebaseDraft(draftOf(mine, 1), base, live(theirs, 2));
    expect(config.currency).toBe('THB');
    expect(config.contact.email).toBe('sales@th.example');
    expect(config.name).toBe('Mine');
    expect(overlapping).toEqual(['name']);
  });
});

describe('price preview terms', () => {
  it('puts the terms being typed over the draft’s, keeping the rate age limit', () => {
    expect(pricingWith(base, { currency: 'THB', markupBps: 2500, increment: 5 })).toEqual({
      currency: 'THB',
      pricing: { markupBps: 2500, rounding: { increment: 5, mode: 'up' }, maxRateAgeHours: 8784 },
    });
    expect(pricingWith(base, {})).toEqual({ currency: 'USD', pricing: base.pricing });
  });
});
