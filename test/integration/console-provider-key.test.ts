import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantSecretName } from '../../adapters/secrets/secret-store.ts';
import type { Order } from '../../core/orders/order.ts';
import { TOSS_SECRET_KEY } from '../../functions/secrets.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';
import { pageAgent } from '../kit/page-agent.ts';
import { type PaymentSandbox, startPaymentSandbox } from '../kit/payment-sandbox.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

/**
 * A partner's own Toss secret key from the console's payments step, against the sandbox
 * provider as its own process (each secret key is a merchant of its own there): refused when it
 * is not a secret key's shape (localized), stored as the tenant's secret file, shown back only as
 * its last four characters, audited without its value, used for that tenant's virtual accounts
 * instead of the platform secret, replaced, and removed (the platform's key again).
 */
let platform: TestPlatform;
let sandbox: PaymentSandbox;
let host: string;
const tenantId = `kq${randomBytes(3).toString('hex')}`;
const OWNER = { email: `owner@${tenantId}.test`, password: 'kq-owner-password-1' };
const ownKey = `test_sk_${randomBytes(12).toString('hex')}`;
const nextKey = `live_sk_${randomBytes(12).toString('hex')}`;

beforeAll(async () => {
  sandbox = await startPaymentSandbox();
  platform = await startTestPlatform({ tossApiBase: sandbox.url });
  host = `console.localhost:${new URL(platform.baseUrl).port}`;
  // A Korean site of its own (kr's config under a fresh id): no other test file's tenant gets its key.
  const kr = (await platform.services.tenantRepository.byId('kr'))!;
  await platform.services.tenantRepository.create(
    { ...kr, id: tenantId, name: 'KQ 도매', domains: [`${tenantId}.localhost`] },
    'test',
  );
  await platform.services.partners.recordTenant(tenantId);
  await platform.services.partners.ensureUser({ ...OWNER, role: 'owner', tenantId }, 'test');
}, 600_000);
afterAll(async () => {
  await platform?.services.tenantSecrets.remove(tenantSecretName(tenantId, TOSS_SECRET_KEY));
  await platform?.close();
  await sandbox?.stop();
});

const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';

async function signedIn() {
  const agent = pageAgent(platform, host);
  const form = await agent.get('/sign-in');
  const signed = await agent.post('/sign-in', { csrf: csrfOf(form.text), ...OWNER });
  expect(signed.status).toBe(303);
  return agent;
}

/** Sets up a virtual account for a fresh order of the tenant, then asks the sandbox which merchant holds it. */
async function merchantOfNewAccount(keys: string[]): Promise<string[]> {
  const tenant = (await platform.services.tenantRepository.byId(tenantId))!;
  const base = paidOrder([orderLine({ supplierId: 'sup-1', unitMinor: 4_350 })]);
  const order: Order = {
    ...base,
    tenantId,
    currency: 'KRW',
    locale: 'ko',
    status: 'awaiting_payment',
    payment: { ...base.payment, method: 'virtual_account', status: 'pending', instructions: {} },
  } as Order;
  await platform.services.payments.setUp(order, tenant);
  const holders: string[] = [];
  for (const key of keys) {
    const res = await fetch(`${sandbox.url}/v1/payments/orders/${encodeURIComponent(order.orderId)}`, {
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    });
    if (res.status === 200) holders.push(key);
  }
  return holders;
}

describe("a partner's own provider key from the console", () => {
  it('is refused unless it is a secret key, stored as a secret, shown only by its ending, audited without its value, and used for that site', async () => {
    const agent = await signedIn();
    const platformKey = await platform.services.secrets.get(TOSS_SECRET_KEY);
    const step = `/tenants/${tenantId}/launch/payments`;
    const before = await agent.get(step);
    expect(before.status).toBe(200);
    expect(before.text).toContain('No key of your own');
    // Before: the platform's merchant account issues the site's virtual accounts.
    expect(await merchantOfNewAccount([ownKey, platformKey])).toEqual([platformKey]);

    // A client key is not a secret key: the step again, the field marked, nothing stored.
    const refused = await agent.post(`${step}/provider-key`, {
      csrf: csrfOf(before.text),
      action: 'set',
      secretKey: 'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('This is not a Toss secret key');
    expect(refused.text).toMatch(/id="f-secretKey"[^>]*aria-invalid="true"/);
    expect(refused.text).not.toContain('test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq');
    expect(await platform.services.tenantSecrets.find(tenantSecretName(tenantId, TOSS_SECRET_KEY))).toBe(
      undefined,
    );

    const saved = await agent.post(`${step}/provider-key`, {
      csrf: csrfOf(before.text),
      action: 'set',
      secretKey: ownKey,
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${step}?key=set`);
    const after = await agent.get(saved.location!);
    expect(after.text).toContain(`A key is set, ending …${ownKey.slice(-4)}.`);
    expect(after.text).toContain(
      'Your key is saved: this site&#39;s virtual accounts are now issued with it.',
    );
    expect(after.text).not.toContain(ownKey);
    // Locally a file under the secrets folder, like the platform's own secrets, readable by its owner only.
    const file = join(
      platform.services.config.SECRETS_DIR ?? '.local/secrets',
      `tenants_${tenantId}_${TOSS_SECRET_KEY}`,
    );
    expect((await readFile(file, 'utf8')).trim()).toBe(ownKey);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    // The tenant's virtual accounts are now opened with the partner's own merchant account.
    expect(await merchantOfNewAccount([ownKey, platformKey])).toEqual([ownKey]);

    // Replaced, then removed: the platform's key again.
    const replaced = await agent.post(`${step}/provider-key`, {
      csrf: csrfOf(after.text),
      action: 'set',
      secretKey: nextKey,
    });
    expect(replaced.status).toBe(303);
    expect((await agent.get(step)).text).toContain(`ending …${nextKey.slice(-4)}`);
    expect(await merchantOfNewAccount([ownKey, nextKey, platformKey])).toEqual([nextKey]);
    const removed = await agent.post(`${step}/provider-key`, { csrf: csrfOf(after.text), action: 'remove' });
    expect(removed.location).toBe(`${step}?key=removed`);
    expect((await agent.get(removed.location!)).text).toContain('Your key is removed.');
    expect(await merchantOfNewAccount([nextKey, platformKey])).toEqual([platformKey]);

    // Every change audited, by whom, never with the value.
    const audit = await platform.services.tenantRepository.audit(tenantId);
    expect(audit.filter((r) => r.action.startsWith('providerKey.')).map((r) => r.action)).toEqual([
      'providerKey.removed',
      'providerKey.set',
      'providerKey.set',
    ]);
    for (const r of audit) expect(r.actor).not.toBe('');
    const text = JSON.stringify(audit);
    for (const key of [ownKey, nextKey]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice(-4));
    }
    const page = await agent.get(`/tenants/${tenantId}/audit`);
    expect(page.text).toContain('Provider key set');
    expect(page.text).toContain('Provider key removed');
  });

  it("another tenant's user cannot set this site's key, and a forged form token changes nothing", async () => {
    const vnOwner = { email: `owner-vn@${tenantId}.test`, password: 'vn-owner-password-1' };
    await platform.services.partners.recordTenant('vn');
    await platform.services.partners.ensureUser({ ...vnOwner, role: 'owner', tenantId: 'vn' }, 'test');
    const thisSite = tenantSecretName(tenantId, TOSS_SECRET_KEY);
    const vnSite = tenantSecretName('vn', TOSS_SECRET_KEY);
    const [thisBefore, vnBefore] = await Promise.all(
      [thisSite, vnSite].map((n) => platform.services.tenantSecrets.find(n)),
    );
    const agent = pageAgent(platform, host);
    const form = await agent.get('/sign-in');
    await agent.post('/sign-in', { csrf: csrfOf(form.text), ...vnOwner });
    const own = await agent.get('/tenants/vn/launch/payments');
    expect(own.status).toBe(200);
    const csrf = csrfOf(own.text);
    const spy = await agent.post(`/tenants/${tenantId}/launch/payments/provider-key`, {
      csrf,
      action: 'set',
      secretKey: `test_sk_${randomBytes(12).toString('hex')}`,
    });
    expect(spy.status).toBe(403);
    const forged = await agent.post('/tenants/vn/launch/payments/provider-key', {
      csrf: 'forged',
      action: 'remove',
    });
    expect(forged.status).toBe(403);
    const spyRemove = await agent.post(`/tenants/${tenantId}/launch/payments/provider-key`, {
      csrf,
      action: 'remove',
    });
    expect(spyRemove.status).toBe(403);
    expect(await platform.services.tenantSecrets.find(thisSite)).toBe(thisBefore);
    expect(await platform.services.tenantSecrets.find(vnSite)).toBe(vnBefore);
  });
});
