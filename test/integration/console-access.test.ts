import '../../core/partners/i18n.ts';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPartnerStore } from '../../adapters/dynamodb/partner-store.ts';
import type { Order } from '../../core/orders/order.ts';
import { partnerAccounts } from '../../core/partners/accounts.ts';
import { mailDir } from '../../local/paths.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
const OPERATOR = { email: 'ops@sourcefront.test', password: 'operator-password-1' };
const VN_STAFF = { email: 'staff@vn.test', password: 'vn-staff-password' };

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.services.partners.ensureUser({ ...OPERATOR, role: 'operator' }, 'test');
  await platform.services.partners.ensureUser({ ...VN_STAFF, role: 'staff', tenantId: 'vn' }, 'test');
  for (const id of ['vn', 'kr']) await platform.services.partners.recordTenant(id);
  vnOrder = awaitingOrder('vn');
  krOrder = awaitingOrder('kr');
  await platform.services.orders.place(vnOrder, [], []);
  await platform.services.orders.place(krOrder, [], []);
});

let vnOrder: Order;
let krOrder: Order;

/** An order awaiting its bank transfer on `tenantId`. */
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
    payment: { ...base.payment, status: 'pending', reference: `REF${orderId.slice(2, 8).toUpperCase()}` },
    events: base.events.slice(0, 2),
  } as Order;
}

/** The .eml files sent to `to` (named by recipient in the shared mail folder). */
async function mailsTo(to: string): Promise<string[]> {
  const dir = platform.services.config.MAIL_DIR ?? mailDir;
  const tag = to.toLowerCase().replace(/[^a-z0-9@._-]/g, '_');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.includes(`-${tag}-`)).sort();
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

async function inviteLinkFor(email: string): Promise<string> {
  const raw = (await mailsTo(email)).at(-1);
  expect(raw, `a mail to ${email}`).toBeDefined();
  const mail = await PostalMime.parse(raw!);
  const link = /http:\/\/console\.localhost:3000(\/invite\/[\w-]{43})/.exec(mail.text ?? '')?.[1];
  expect(link).toBeDefined();
  return link!;
}
afterAll(async () => platform?.close());

/** A browser-like client of the console host: keeps cookies, does not follow redirects. */
function consoleClient(host = 'console.localhost:3000') {
  const jar = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await platform.request(path, { ...init, headers, host });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...value] = pair!.split('=');
      if (attrs.some((a) => /max-age=0/i.test(a.trim()))) jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    return res;
  };
  const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const post = (path: string, fields: Record<string, string>) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  return {
    jar,
    request,
    post,
    csrfOf,
    async signIn(user: { email: string; password: string }) {
      const form = await (await request('/sign-in')).text();
      return post('/sign-in', { csrf: csrfOf(form), email: user.email, password: user.password });
    },
  };
}

describe('console shell: sign-in, sessions, host and role checks', () => {
  it('a signed-out visit to a console page goes to the sign-in page, which is localized and has a nonce CSP', async () => {
    const client = consoleClient();
    const home = await client.request('/');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/sign-in?next=%2F');
    const res = await client.request('/sign-in?lang=vi');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="vi"');
    expect(page).toContain('Đăng nhập bảng điều khiển');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('a language picked with ?lang= stays for the posts that follow (a lang cookie of the console host)', async () => {
    const client = consoleClient();
    const picked = await client.request('/sign-in?lang=vi');
    expect(picked.headers.getSetCookie().join()).toMatch(
      /lang=vi; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict/,
    );
    const form = await picked.text();
    const wrong = await client.post('/sign-in', {
      csrf: client.csrfOf(form),
      email: OPERATOR.email,
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    const page = await wrong.text();
    expect(page).toContain('<html lang="vi"');
    expect(page).toContain('Email và mật khẩu không khớp với tài khoản nào.');
    // Once kept, the cookie is not set again on every page.
    expect((await client.request('/sign-in')).headers.getSetCookie().join()).not.toMatch(/lang=/);
  });

  it('the operator signs in, sees its tenants; a wrong password gets the same message as an unknown email', async () => {
    const client = consoleClient();
    const wrong = await client.signIn({ email: OPERATOR.email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    const unknown = await consoleClient().signIn({ email: 'nobody@x.test', password: 'whatever-password' });
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('That email and password do not match an account.');
    const ok = await client.signIn(OPERATOR);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/');
    expect(ok.headers.getSetCookie().join()).toMatch(
      /sc_session=c1\.[0-9a-f]{40}\.[\w-]{43}; .*HttpOnly; Secure; SameSite=Strict/,
    );
    const home = await (await client.request('/')).text();
    expect(home).toContain('Sourcefront Console');
    expect(home).toContain('href="/tenants/vn"');
    expect(home).toContain('href="/tenants/kr"');
  });

  it('a sign-in post without the form token is refused (403) and starts no session', async () => {
    const client = consoleClient();
    await client.request('/sign-in');
    const res = await client.post('/sign-in', { csrf: 'forged', ...OPERATOR });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().join()).not.toContain('sc_session');
  });

  it("vn's staff lands on vn, cannot open kr (403) nor sign out without the session's token", async () => {
    const client = consoleClient();
    const ok = await client.signIn(VN_STAFF);
    expect(ok.headers.get('location')).toBe('/tenants/vn');
    const vn = await client.request('/tenants/vn');
    expect(vn.status).toBe(200);
    expect(await vn.text()).toContain('Nguồn Hàng');
    const kr = await client.request('/tenants/kr');
    expect(kr.status).toBe(403);
    expect(await kr.text()).toContain('Not allowed');
    expect(await (await client.request('/tenants/kr')).text()).not.toContain('중국도매');
    const forged = await client.post('/sign-out', { csrf: 'nope' });
    expect(forged.status).toBe(403);
    const page = await (await client.request('/tenants/vn')).text();
    const out = await client.post('/sign-out', { csrf: client.csrfOf(page) });
    expect(out.status).toBe(303);
    expect((await client.request('/tenants/vn')).status).toBe(303);
  });

  it('console paths do not exist on a site host, and a buyer cookie opens nothing', async () => {
    const site = await platform.request('/console/sign-in', { host: 'vn.localhost:3000' });
    expect(site.status).toBe(404);
    const client = consoleClient();
    const res = await client.request('/tenants/vn', { headers: { cookie: 'sf_session=s1.b_0.x' } });
    expect(res.status).toBe(303);
  });

  it('an unknown console path is the console 404 page', async () => {
    const res = await consoleClient().request('/nowhere/at-all');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });
});

const unique = (name: string) => `${name}-${randomBytes(4).toString('hex')}@partner.test`;

describe('operator console: tenants, invites, domains', () => {
  it('creates tenant th with the admin API rules: a bad currency is a localized field error, then th exists and is audited as the user', async () => {
    const ops = consoleClient();
    await ops.signIn(OPERATOR);
    const form = await (await ops.request('/new-tenant')).text();
    const csrf = ops.csrfOf(form);
    const fields = {
      csrf,
      id: 'th',
      name: 'Thai Sourcing',
      domain: 'shop.thaisourcing.co.th',
      defaultLocale: 'en',
      locales: 'en',
      currency: 'XYZ',
    };
    const bad = await ops.post('/new-tenant', fields);
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain('aria-invalid="true"');
    expect(badPage).toContain('value="Thai Sourcing"');
    const ok = await ops.post('/new-tenant', { ...fields, currency: 'THB' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/tenants/th');
    const th = await platform.services.tenantRepository.versioned('th');
    expect(th?.tenant).toMatchObject({ currency: 'THB', defaultLocale: 'en', locales: ['en'] });
    expect(th?.updatedBy).toBe(`user:${OPERATOR.email}`);
    expect(await (await ops.request('/')).text()).toContain('href="/tenants/th"');
    const audit = await (await ops.request('/tenants/th/audit')).text();
    expect(audit).toContain(`user:${OPERATOR.email}`);
    const again = await ops.post('/new-tenant', { ...fields, currency: 'THB' });
    expect(again.status).toBe(409);
  });

  it('invites the owner by a mailed link that sets the password once; the owner invites staff but not owners; staff invite no one', async () => {
    const ops = consoleClient();
    await ops.signIn(OPERATOR);
    const owner = unique('owner');
    const users = await (await ops.request('/tenants/vn/users')).text();
    const sent = await ops.post('/tenants/vn/users', {
      csrf: ops.csrfOf(users),
      email: owner,
      role: 'owner',
    });
    expect(sent.status).toBe(303);
    const link = await inviteLinkFor(owner);
    const person = consoleClient();
    const page = await (await person.request(link)).text();
    expect(page).toContain(owner);
    const short = await person.post(link, { csrf: person.csrfOf(page), password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('aria-invalid="true"');
    const accepted = await person.post(link, { csrf: person.csrfOf(page), password: 'owner-password-vn' });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/tenants/vn');
    expect((await person.request('/tenants/vn')).status).toBe(200);
    const reused = await consoleClient().request(link);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('already used or it expired');
    // The owner invites staff; an owner is not theirs to invite; another tenant's users are not theirs.
    const ownerUsers = await (await person.request('/tenants/vn/users')).text();
    expect(ownerUsers).not.toContain('value="owner"');
    const csrf = person.csrfOf(ownerUsers);
    expect(
      (await person.post('/tenants/vn/users', { csrf, email: unique('staff'), role: 'staff' })).status,
    ).toBe(303);
    expect(
      (await person.post('/tenants/vn/users', { csrf, email: unique('boss'), role: 'owner' })).status,
    ).toBe(403);
    expect(
      (await person.post('/tenants/kr/users', { csrf, email: unique('spy'), role: 'staff' })).status,
    ).toBe(403);
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const staffPage = await (await staff.request('/tenants/vn')).text();
    expect(
      (
        await staff.post('/tenants/vn/users', {
          csrf: staff.csrfOf(staffPage),
          email: unique('x'),
          role: 'staff',
        })
      ).status,
    ).toBe(403);
  });

  it('the operator approves a pending domain; a partner staff user can neither see nor decide domains', async () => {
    const ops = consoleClient();
    await ops.signIn(OPERATOR);
    const page = await (await ops.request('/tenants/th/domains')).text();
    const domain = 'shop.thaisourcing.co.th';
    expect(page).toContain(domain);
    const decided = await ops.post(`/tenants/th/domains/${domain}/approval`, {
      csrf: ops.csrfOf(page),
      approved: 'true',
    });
    expect(decided.status, await decided.clone().text()).toBe(303);
    expect((await platform.services.domainVerifications.get('th', domain))?.status).toBe('approved');
    expect(await (await ops.request('/tenants/th/domains')).text()).toContain('approved');
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const staffPage = await (await staff.request('/tenants/vn')).text();
    expect((await staff.request('/tenants/vn/domains')).status).toBe(403);
    expect(
      (
        await staff.post(`/tenants/vn/domains/${domain}/approval`, {
          csrf: staff.csrfOf(staffPage),
          approved: 'false',
        })
      ).status,
    ).toBe(403);
  });
});

describe('keys: created (shown once), listed, revoked', () => {
  it('a key made in the console works on the admin API until it is revoked there', async () => {
    const ops = consoleClient();
    await ops.signIn(OPERATOR);
    const page = await (await ops.request('/tenants/kr/keys')).text();
    const made = await ops.post('/tenants/kr/keys', { csrf: ops.csrfOf(page), label: 'ERP sync' });
    expect(made.status).toBe(201);
    const key = /<p class="sc-secret" id="new-key">([^<]+)<\/p>/.exec(await made.text())?.[1];
    expect(key).toBeDefined();
    const api = (k: string) =>
      platform.request('/api/v1/admin/tenants/kr', { headers: { authorization: `Bearer ${k}` } });
    expect((await api(key!)).status).toBe(200);
    const list = await (await ops.request('/tenants/kr/keys')).text();
    expect(list).toContain('ERP sync');
    expect(list).not.toContain(key!);
    const keyId = /\/keys\/([a-f0-9]{16})\/revoke/.exec(list)?.[1];
    expect((await ops.post(`/tenants/kr/keys/${keyId}/revoke`, { csrf: ops.csrfOf(list) })).status).toBe(303);
    expect((await api(key!)).status).toBe(401);
  });
});

describe("run a site: vn's staff and vn's orders only", () => {
  it("lists vn's orders awaiting payment and opens one; kr's orders, pages and forms are refused", async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const list = await (await staff.request('/tenants/vn/orders?status=awaiting_payment')).text();
    expect(list).toContain(vnOrder.reference);
    expect(list).not.toContain(krOrder.reference);
    const page = await (await staff.request(`/tenants/vn/orders/${vnOrder.orderId}`)).text();
    expect(page).toContain(vnOrder.reference);
    expect(page).toContain('白色陶瓷杯');
    const csrf = staff.csrfOf(page);
    for (const path of [
      '/tenants/kr',
      '/tenants/kr/orders',
      `/tenants/kr/orders/${krOrder.orderId}`,
      '/tenants/kr/audit',
      '/dead-letters',
    ]) {
      const res = await staff.request(path);
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).not.toContain(krOrder.reference);
    }
    const transfer = {
      csrf,
      reference: krOrder.reference,
      amountMinor: String(krOrder.totalMinor),
      receivedAt: new Date().toISOString(),
    };
    expect((await staff.post(`/tenants/kr/orders/${krOrder.orderId}/bank-transfer`, transfer)).status).toBe(
      403,
    );
    expect(
      (await staff.post(`/tenants/kr/orders/${krOrder.orderId}/cancel`, { csrf, version: '2' })).status,
    ).toBe(403);
    expect((await staff.post('/tenants/kr/keys', { csrf, label: 'mine now' })).status).toBe(403);
    expect((await platform.services.orders.get('kr', krOrder.orderId))?.status).toBe('awaiting_payment');
    // kr's order id under vn's path is simply not vn's.
    expect((await staff.request(`/tenants/vn/orders/${krOrder.orderId}`)).status).toBe(404);
  });

  it('marks the bank transfer received (a wrong amount is shown on the order), then the order is paid by the partner', async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const page = await (await staff.request(`/tenants/vn/orders/${vnOrder.orderId}`)).text();
    const csrf = staff.csrfOf(page);
    const fields = { csrf, reference: vnOrder.reference, receivedAt: new Date().toISOString() };
    const wrong = await staff.post(`/tenants/vn/orders/${vnOrder.orderId}/bank-transfer`, {
      ...fields,
      amountMinor: '1',
    });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(await wrong.text()).toContain('role="alert"');
    expect((await platform.services.orders.get('vn', vnOrder.orderId))?.status).toBe('awaiting_payment');
    const ok = await staff.post(`/tenants/vn/orders/${vnOrder.orderId}/bank-transfer`, {
      ...fields,
      amountMinor: String(vnOrder.totalMinor),
    });
    expect(ok.status).toBe(303);
    const paid = await platform.services.orders.get('vn', vnOrder.orderId);
    expect(paid?.status).toBe('paid');
    expect(paid?.events.at(-1)).toMatchObject({ actor: 'partner', to: 'paid' });
    expect(await (await staff.request(`/tenants/vn/orders?status=paid`)).text()).toContain(vnOrder.reference);
  });

  it('the operator sees dead letters; a forged form token is refused on every console post', async () => {
    const ops = consoleClient();
    await ops.signIn(OPERATOR);
    expect((await ops.request('/dead-letters')).status).toBe(200);
    for (const path of [
      '/new-tenant',
      '/tenants/vn/users',
      '/tenants/vn/keys',
      '/dead-letters/replay',
      `/tenants/kr/orders/${krOrder.orderId}/cancel`,
    ]) {
      expect(
        (
          await ops.post(path, {
            csrf: 'forged',
            label: 'x',
            email: 'a@b.test',
            role: 'owner',
            poIds: 'po-1',
            version: '2',
          })
        ).status,
        path,
      ).toBe(403);
    }
    expect((await platform.services.orders.get('kr', krOrder.orderId))?.status).toBe('awaiting_payment');
  });
});

describe('invites expire', () => {
  it('a link older than 72 hours is INVITE_INVALID and sets no password', async () => {
    const store = new DynamoPartnerStore(platform.services.db, platform.tableName);
    let now = Date.parse('2026-12-01T00:00:00Z');
    const accounts = partnerAccounts({
      store,
      rateLimits: platform.services.rateLimits,
      mailer: platform.services.mailer,
      now: () => now,
    });
    const email = unique('late');
    await accounts.invite(
      { kind: 'user', email: OPERATOR.email, role: 'operator' },
      { email, role: 'owner', tenantId: 'kr' },
      { consoleOrigin: 'http://console.localhost:3000', locale: 'ko', site: 'kr' },
    );
    const link = await inviteLinkFor(email);
    const secret = link.split('/').at(-1)!;
    now += 72 * 3600_000 + 1000;
    await expect(accounts.acceptInvite(secret, 'late-owner-password')).rejects.toMatchObject({
      code: 'INVITE_INVALID',
    });
    expect((await store.byEmail(email))?.passwordHash).toBeUndefined();
    now -= 2000;
    await expect(accounts.acceptInvite(secret, 'late-owner-password')).resolves.toMatchObject({
      user: { email },
    });
  });
});
