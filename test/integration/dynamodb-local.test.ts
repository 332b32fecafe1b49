import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.close());

describe('the tenant repository on DynamoDB Local', () => {
  it('writes a tenant with its domains and finds it by host, any case and port', async () => {
    const repo = platform.services.tenantRepository;
    await repo.put({
      id: 'th',
      name: 'Thai Sourcing',
      domains: ['th.localhost', 'shop.example.co.th'],
      defaultLocale: 'en',
      locales: ['en'],
      currency: 'THB',
    });
    expect((await repo.byHost('SHOP.example.co.th:443'))?.id).toBe('th');
    expect((await repo.byHost('th.localhost:3000'))?.currency).toBe('THB');
    expect(await repo.byHost('unknown.localhost')).toBeUndefined();
  });

  it('has the seeded demo tenants', async () => {
    expect((await platform.services.tenants.byHost('vn.localhost:3000'))?.currency).toBe('VND');
    expect((await platform.services.tenants.byHost('kr.localhost'))?.defaultLocale).toBe('ko');
  });
});
