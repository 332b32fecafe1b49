import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dynamoKeyLimits,
  type Entity,
  isEntity,
  keyPartLimits,
  type TableKey,
} from '../../adapters/dynamodb/entities/keys.ts';
import { tableDefinition } from '../../adapters/dynamodb/table-definition.ts';
import { DomainError } from '../../core/errors.ts';

/**
 * Every entity module under adapters/dynamodb/entities/ (a new module is picked up by being
 * there), and every entity each one exports.
 */
const dir = join(import.meta.dirname, '../../adapters/dynamodb/entities');
const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'keys.ts');
const loaded = await Promise.all(
  modules.map(async (file) => ({
    file,
    exports: (await import(join(dir, file))) as Record<string, unknown>,
  })),
);
type AnyEntity = Entity<Record<string, string | number>, Record<string, string | number>>;
const entities = loaded.flatMap(({ file, exports }) =>
  Object.values(exports)
    .filter(isEntity)
    .map((entity) => ({ file, entity: entity as AnyEntity })),
);
const tenantEntities = entities.filter((e) => e.entity.scope === 'tenant');

/**
 * Platform data, each for a reason; an entity outside this list must be tenant data. Adding
 * one here is a decision to make in review, not a way to quiet this test.
 */
const platformData: Record<string, string> = {
  offer: 'the supply catalog is shared by every tenant',
  skuStock: 'a supplier’s stock is one count for every tenant that sells the offer',
  translationTask: 'translations of the shared catalog',
  fxLatestRate: 'FX rates are the same for every tenant',
  fxRateHistory: 'FX rates are the same for every tenant',
  domainClaim:
    'host → tenant routing, read before any tenant is known; one item per host keeps a domain unique',
  tableLayout: 'the layout version of the whole table',
  platformRateWindow: 'failed sign-ins per client address, counted before any tenant is known',
  platformIdempotencyRecord: 'operator calls that name no tenant yet (creating one)',
  handoffRetry:
    'the PO retry queue the sweep reads before any tenant is known: pointers (tenant, order, PO id) only, the PO stays under T#<tenantId>#',
  handoffDeadLetter:
    "the operator's dead-letter list across tenants: pointers only, the PO stays under T#<tenantId>#",
  partnerUser: 'console users sign in by email before any tenant is known; operators have no tenant',
  partnerSession: "console sessions live in their user's partition (found from the cookie alone)",
  partnerInvite: 'an invite link is read before any session or tenant is known',
  partnerTenant: "the operator console's list of tenants: ids only",
};

/** Tenant ids as core/tenants/tenant.ts allows them. */
const tenantIdArb = fc.stringMatching(/^[a-z][a-z0-9-]{1,30}$/);

/** Every key an item of `entity` carries with `params`: its primary key and its GSI keys. */
function keysOf(entity: AnyEntity, params: Record<string, string | number>): [string, TableKey][] {
  return [
    ['primary key', entity.key(params)],
    ...Object.entries(entity.indexes ?? {}).map(([name, key]) => [name, key(params)] as [string, TableKey]),
  ];
}

describe('entity modules: every DynamoDB key of tenant data starts with T#<tenantId>#', () => {
  it('finds the entity modules, each declaring at least one entity with a unique name', () => {
    expect(modules.length).toBeGreaterThanOrEqual(10);
    for (const { file, exports } of loaded) {
      expect(Object.values(exports).filter(isEntity), `${file} declares no entity`).not.toHaveLength(0);
    }
    const names = entities.map((e) => e.entity.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('treats as platform data exactly the entities listed with a reason; all others are tenant data', () => {
    const platform = entities.filter((e) => e.entity.scope === 'platform').map((e) => e.entity.name);
    expect(platform.sort()).toEqual(Object.keys(platformData).sort());
    for (const name of ['tenantConfig', 'tenantVersion', 'auditRecord', 'apiKey', 'offerOverride', 'quote']) {
      expect(tenantEntities.map((e) => e.entity.name)).toContain(name);
    }
  });

  it.each(tenantEntities.map((e) => [e.entity.name, e.entity] as const))(
    '%s: primary and GSI keys start with T#<tenantId>#, and T#vn#* never matches tenant vn-x',
    (_name, entity) => {
      expect(entity.example).toHaveProperty('tenantId');
      fc.assert(
        fc.property(tenantIdArb, fc.stringMatching(/^-?[a-z0-9-]{1,20}$/), (tenantId, tail) => {
          for (const [, key] of keysOf(entity, { ...entity.example, tenantId })) {
            expect(key.pk.startsWith(`T#${tenantId}#`)).toBe(true);
          }
          // A tenant whose id extends this one's (vn → vn-x, vn2) never falls under its prefix.
          const other = `${tenantId}${tail}`.slice(0, 31);
          if (other === tenantId) return;
          for (const [, key] of keysOf(entity, { ...entity.example, tenantId: other })) {
            expect(key.pk.startsWith(`T#${tenantId}#`)).toBe(false);
          }
        }),
      );
      if (entity.query) {
        expect(entity.query({ ...entity.example, tenantId: 'vn' }).pk.startsWith('T#vn#')).toBe(true);
      }
    },
  );

  it.each(
    entities.filter((e) => e.entity.scope === 'platform').map((e) => [e.entity.name, e.entity] as const),
  )('%s (platform data) never starts with T#, so no tenant-scoped role can reach it', (_name, entity) => {
    for (const [, key] of keysOf(entity, entity.example)) expect(key.pk.startsWith('T#')).toBe(false);
  });

  it('refuses a tenant id with a # (vn#x would land under T#vn#): no key, NOT_FOUND on write', () => {
    for (const { entity } of tenantEntities) {
      const params = { ...entity.example, tenantId: 'vn#x' };
      expect(entity.lookupKey(params)).toBeUndefined();
      expect(() => entity.key(params)).toThrow(DomainError);
    }
  });
});

describe('repositories take their keys from the entity modules', () => {
  it('no repository writes a key literal of its own (the old-layout migration in bootstrap.ts aside)', () => {
    const adapters = join(import.meta.dirname, '../../adapters/dynamodb');
    const code = (file: string) =>
      readFileSync(join(adapters, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
    const files = readdirSync(adapters).filter((f) => f.endsWith('.ts') && f !== 'bootstrap.ts');
    expect(files).toContain('tenant-repository.ts');
    for (const file of files) {
      expect(code(file), file).not.toMatch(/\b(pk|sk)\s*:\s*[`'"]/);
      expect(code(file), file).not.toMatch(/[`'"](T|OFFER|DOMAIN|FX|TRANSLATE)#/);
    }
  });
});

describe('GSIs are named after the access pattern that uses them', () => {
  it('every GSI of the table definition is filled by some entity, and every entity index exists', () => {
    const defined = tableDefinition.globalSecondaryIndexes.map((g) => g.indexName);
    const used = new Set(entities.flatMap((e) => Object.keys(e.entity.indexes ?? {})));
    expect([...used].filter((name) => !defined.includes(name))).toEqual([]);
    expect(defined.filter((name) => !used.has(name))).toEqual([]);
    for (const name of defined) expect(name).toMatch(/^by[A-Z][A-Za-z]+$/);
  });
});

describe('key limits: DynamoDB is never asked with a key beyond 2,048 bytes pk / 1,024 bytes sk', () => {
  const partOf = (param: string): keyof typeof keyPartLimits | undefined =>
    param in keyPartLimits ? (param as keyof typeof keyPartLimits) : undefined;

  it('at the exposed part limits every key fits, even with 4-byte characters', () => {
    for (const { entity } of entities) {
      const longest = Object.fromEntries(
        Object.entries(entity.example).map(([param, value]) => {
          const part = partOf(param);
          return [param, part ? '𠀀'.repeat(keyPartLimits[part]) : value];
        }),
      );
      const key = entity.lookupKey(longest);
      expect(key, `${entity.name} at its part limits`).toBeDefined();
      expect(Buffer.byteLength(key!.pk)).toBeLessThanOrEqual(dynamoKeyLimits.partitionKeyBytes);
      expect(Buffer.byteLength(key!.sk)).toBeLessThanOrEqual(dynamoKeyLimits.sortKeyBytes);
    }
  });

  it.each([
    ['tenant id', 'tenantId'],
    ['key id', 'keyId'],
    ['offer id', 'offerId'],
    ['quote id', 'quoteId'],
    ['host', 'host'],
  ])('a %s of 3,000 characters gives no key (reads find nothing) and NOT_FOUND on write', (_label, param) => {
    const holders = entities.filter((e) => param in e.entity.example);
    expect(holders.length).toBeGreaterThan(0);
    for (const { entity } of holders) {
      const params = { ...entity.example, [param]: 'a'.repeat(3000) };
      expect(entity.lookupKey(params)).toBeUndefined();
      expect(() => entity.key(params)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    }
  });

  it('a sort key part just over 1,024 bytes is refused although the partition key would fit', () => {
    const key = (keyId: string) =>
      entities
        .find((e) => e.entity.name === 'apiKey')!
        .entity.lookupKey({
          tenantId: 'vn',
          keyId,
        });
    expect(key('k'.repeat(1024 - 'KEY#'.length))).toBeDefined();
    expect(key('k'.repeat(1025 - 'KEY#'.length))).toBeUndefined();
  });
});
