import { describe, expect, it } from 'vitest';
import { tenantFirstSecretKey, tossSecretKeyShape } from '../../adapters/payments/toss-virtual-account.ts';
import {
  cachedWritableSecrets,
  tenantSecretName,
  type WritableSecrets,
} from '../../adapters/secrets/secret-store.ts';
import { DomainError } from '../../core/errors.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';

/** A partner's own Toss key: its shape, its precedence over the platform secret, its cache. */
describe('provider keys', () => {
  it('takes Toss secret keys (test or live) and refuses client keys, halves and padding', () => {
    for (const key of ['test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R', 'live_sk_0123456789abcdefABCD'])
      expect(tossSecretKeyShape.test(key), key).toBe(true);
    for (const key of [
      'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq',
      'test_sk_',
      'test_sk_short',
      'sk_live_0123456789abcdef',
      ' test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R',
      'test_sk_zXLkKEypNArWmo50nX3l-maxYG5R',
      `test_sk_${'a'.repeat(129)}`,
    ])
      expect(tossSecretKeyShape.test(key), key).toBe(false);
  });

  it("uses the tenant's own key before the platform secret, and the platform's when the tenant has none", async () => {
    const own = new Map([['kr', 'live_sk_krOwnMerchant01']]);
    const keyOf = tenantFirstSecretKey({
      tenantKey: async (id) => own.get(id),
      platformKey: async () => '{"vn":"live_sk_platformForVn","kr":"live_sk_platformForKr"}',
    });
    expect(await keyOf({ id: 'kr' } as Tenant)).toBe('live_sk_krOwnMerchant01');
    expect(await keyOf({ id: 'vn' } as Tenant)).toBe('live_sk_platformForVn');
    await expect(keyOf({ id: 'th' } as Tenant)).rejects.toBeInstanceOf(DomainError);
  });

  it('names tenant secrets under the tenant, and a write through the cache is read back at once', async () => {
    expect(tenantSecretName('th', 'toss-secret-key')).toBe('tenants/th/toss-secret-key');
    const stored = new Map<string, string>();
    let reads = 0;
    const source: WritableSecrets = {
      find: async (name) => {
        reads++;
        return stored.get(name);
      },
      put: async (name, value) => void stored.set(name, value),
      remove: async (name) => void stored.delete(name),
    };
    const cached = cachedWritableSecrets(source, 60_000, () => 0);
    expect(await cached.find('a')).toBeUndefined();
    expect(await cached.find('a')).toBeUndefined();
    expect(reads).toBe(1);
    await cached.put('a', 'test_sk_one');
    expect(await cached.find('a')).toBe('test_sk_one');
    await cached.remove('a');
    expect(await cached.find('a')).toBeUndefined();
  });
});
