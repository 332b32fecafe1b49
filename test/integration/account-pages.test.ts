import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { buyerAuthRules } from '../../core/buyers/accounts.ts';
import { resetCodeFor } from '../kit/mail.ts';
import { testOffer } from '../kit/offers.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';
import { pageAgent } from '../kit/page-agent.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

// Every sign-in hashes with scrypt (tens of ms): the throttling test makes 11 of them.
vi.setConfig({ testTimeout: 240_000 });

/**
 * The account pages over HTTP with JavaScript off (a cookie jar and urlencoded forms): the same
 * accounts, sessions, throttling and order list as the API, CSRF on every form, PRG, no open
 * redirect, localized refusals.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  await new DynamoOfferRepository(platform.services.db, platform.tableName).save([{ offer: testOffer() }]);
}, 600_000);
afterAll(async () => platform?.close());

const VN = 'vn.localhost:3000';
const KR = 'kr.localhost:3000';
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.vn`;
const PASSWORD = 'mat-khau-rat-dai-2026';

const registration = (email: string) => ({
  companyName: 'Công ty TNHH Thương mại Lan Anh',
  taxId: '0100109106',
  contactName: 'Nguyễn Lan Anh',
  email,
  phone: '+84 90 123 4567',
  password: PASSWORD,
});

async function registered(host = VN) {
  const agent = pageAgent(platform, host);
  const email = uniqueEmail('page');
  const res = await agent.submit('/account/register', registration(email));
  expect(res.status, res.text.slice(0, 2000)).toBe(303);
  return { agent, email };
}

describe('sign-in, register and the session cookie', () => {
  it('serves the sign-in form in Vietnamese: no-store, nonce CSP, labels, autocomplete, a CSRF token, a visitor cookie', async () => {
    const agent = pageAgent(platform, VN);
    const res = await agent.get('/account/sign-in');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
    expect(res.text).toContain('<html lang="vi"');
    expect(res.text).toContain('<h1>Đăng nhập</h1>');
    expect(res.text).toMatch(/<label for="f-email">Email<\/label>/);
    expect(res.text).toMatch(/<input id="f-email" name="email" type="email" autocomplete="username"/);
    expect(res.text).toMatch(
      /<input id="f-password" name="password" type="password" autocomplete="current-password"/,
    );
    expect(res.text).toMatch(/<input type="hidden" name="csrf" value="[\w-]{43}">/);
    expect(agent.cookies.get('sf_visitor')).toMatch(/^v_/);
    // The header links a visitor to sign-in, in the page's language.
    expect(res.text).toContain('<a class="sf-account" href="/account/sign-in">Đăng nhập</a>');
  });

  it('registers from the form: the API’s session cookie, 303 to the account, which names the buyer in the header', async () => {
    const agent = pageAgent(platform, VN);
    const email = uniqueEmail('reg');
    const res = await agent.submit('/account/register', registration(email.toUpperCase()));
    expect(res.status).toBe(303);
    expect(res.location).toBe('/account');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sf_session='))!;
    expect(cookie).toMatch(
      /^sf_session=s1\.b_[0-9a-f]{32}\.[\w-]{43}; Path=\/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax$/,
    );
    const me = await agent.api('GET', '/api/v1/me');
    expect(JSON.parse(me.text)).toMatchObject({
      email,
      companyName: 'Công ty TNHH Thương mại Lan Anh',
      taxId: '0100109106',
    });
    const account = await agent.get('/account');
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('no-store');
    expect(account.text).toContain('<a class="sf-account" href="/account">Nguyễn Lan Anh</a>');
    expect(account.text).toContain(`<strong>${email}</strong>`);
    expect(account.text).toContain('value="Công ty TNHH Thương mại Lan Anh"');
  });

  it('refuses the API’s rules as the form again: 400, fields marked, a summary linked to them, what was typed kept (never the password)', async () => {
    const agent = pageAgent(platform, VN);
    const res = await agent.submit('/account/register', {
      ...registration('not-an-email'),
      password: 'short',
      companyName: 'Cửa hàng <b>Hoa</b>',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('Có lỗi cần sửa');
    expect(res.text).toMatch(/<a href="#f-email">Email: [^<]+<\/a>/);
    expect(res.text).toMatch(/<a href="#f-password">Mật khẩu: Mật khẩu cần ít nhất 10 ký tự\.<\/a>/);
    expect(res.text).toMatch(
      /<input id="f-email"[^>]* aria-describedby="f-email-error" aria-invalid="true">/,
    );
    expect(res.text).toContain('value="Cửa hàng &lt;b&gt;Hoa&lt;/b&gt;"');
    expect(res.text).toContain('value="not-an-email"');
    expect(res.text).not.toContain('value="short"');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('sf_session='))).toBe(false);
  });

  it('tells a taken email in the buyer’s language, next to the email field', async () => {
    const { email } = await registered();
    const again = await pageAgent(platform, VN).submit('/account/register', registration(email));
    expect(again.status).toBe(409);
    expect(again.text).toContain('Email này đã có tài khoản trên trang.');
  });

  it('refuses a post without the page’s CSRF token, or with another browser’s: 403, the form again, nobody signed in', async () => {
    const { email } = await registered();
    const stranger = pageAgent(platform, VN);
    const bare = await stranger.post('/account/sign-in', { email, password: PASSWORD });
    expect(bare.status).toBe(403);
    expect(bare.text).toContain('Biểu mẫu này đã hết hạn.');
    const other = pageAgent(platform, VN);
    const page = await other.get('/account/sign-in');
    const token = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    await stranger.get('/account/sign-in');
    const forged = await stranger.post('/account/sign-in', { csrf: token, email, password: PASSWORD });
    expect(forged.status).toBe(403);
    expect(stranger.cookies.has('sf_session')).toBe(false);
    expect((await stranger.api('GET', '/api/v1/me')).status).toBe(401);
  });

  it('signs in with a wrong password: 401, the localized message, the email kept', async () => {
    const { email } = await registered();
    const res = await pageAgent(platform, VN).submit('/account/sign-in', {
      email,
      password: 'sai-mat-khau-123',
    });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Email hoặc mật khẩu không đúng.');
    expect(res.text).toContain(`value="${email}"`);
  });

  it('shows throttling (429) with the wait in seconds, in Korean on kr', async () => {
    const { email } = await registered(KR);
    const agent = pageAgent(platform, KR);
    for (let i = 0; i < buyerAuthRules.perAccount.limit; i++) {
      expect(
        (await agent.submit('/account/sign-in', { email, password: `wrong-${i}-password` })).status,
      ).toBe(401);
    }
    const res = await agent.submit('/account/sign-in', { email, password: PASSWORD });
    expect(res.status).toBe(429);
    const wait = Number(res.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(res.text).toContain(`시도 횟수가 너무 많습니다. ${wait}초 후에 다시 시도해 주세요.`);
    expect(res.text).toContain('<html lang="ko"');
  });

  it('goes on to `next` only when it is a path of this site (no open redirect)', async () => {
    const { email } = await registered();
    const cases: [string, string][] = [
      ['/account/orders?lang=en', '/account/orders?lang=en'],
      ['//evil.example/phish', '/account'],
      ['https://evil.example/', '/account'],
      ['/\\evil.example', '/account'],
      ['/%0d%0aSet-Cookie:x=y', '/%0d%0aSet-Cookie:x=y'],
      ['javascript:alert(1)', '/account'],
    ];
    for (const [next, expected] of cases) {
      const agent = pageAgent(platform, VN);
      const res = await agent.submit(
        `/account/sign-in?next=${encodeURIComponent(next)}`,
        { email, password: PASSWORD },
        '/account/sign-in',
      );
      expect(res.status, next).toBe(303);
      expect(res.location, next).toBe(expected);
    }
    // The form carries `next` only when it is safe.
    const page = await pageAgent(platform, VN).get(
      `/account/sign-in?next=${encodeURIComponent('//evil.example')}`,
    );
    expect(page.text).not.toContain('name="next"');
    expect(page.text).toContain('<a href="/account/register">');
  });

  it('sends a visitor who is not signed in to sign-in, with this page as `next`', async () => {
    const agent = pageAgent(platform, VN);
    for (const path of ['/account', '/account/orders', '/account/orders?lang=en']) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(303);
      const location = new URL(res.location!, 'http://x');
      expect(location.pathname).toBe('/account/sign-in');
      expect(location.searchParams.get('next')).toBe(path);
    }
  });

  it('merges the visitor’s cart into the buyer’s on sign-in', async () => {
    const { email } = await registered();
    const agent = pageAgent(platform, VN);
    const offer = testOffer();
    const add = await agent.api('POST', '/api/v1/cart/lines', {
      kind: 'bulk',
      offerId: offer.offerId,
      skuId: offer.skus[0]!.skuId,
      quantity: offer.moq,
    });
    expect(add.status, add.text).toBe(200);
    expect((await agent.submit('/account/sign-in', { email, password: PASSWORD })).status).toBe(303);
    const cart = JSON.parse((await agent.api('GET', '/api/v1/cart')).text);
    const lines = cart.suppliers.flatMap((s: { offers: { lines: unknown[] }[] }) =>
      s.offers.flatMap((o) => o.lines),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ offerId: offer.offerId, quantity: offer.moq });
  });
});

describe('password reset by mailed code', () => {
  it('mails a code, the code sets the new password, ends the other sessions and signs in here', async () => {
    const { agent: old, email } = await registered();
    const agent = pageAgent(platform, VN);
    const asked = await agent.submit('/account/reset', { email });
    expect(asked.status).toBe(303);
    expect(asked.location).toBe('/account/reset/confirm?sent=1');
    const confirm = await agent.get(asked.location!);
    expect(confirm.text).toContain('mã đang được gửi đến');
    const code = await resetCodeFor(platform, email);
    const wrong = await agent.submit('/account/reset/confirm', {
      email,
      code: code === '000000' ? '111111' : '000000',
      password: 'mat-khau-moi-2027',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Mã này không đúng hoặc đã hết hiệu lực.');
    const done = await agent.submit('/account/reset/confirm', { email, code, password: 'mat-khau-moi-2027' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/account?reset=1');
    expect((await agent.get('/account?reset=1')).text).toContain('Đã đổi mật khẩu.');
    expect((await old.get('/account')).status).toBe(303);
    const signIn = await pageAgent(platform, VN).submit('/account/sign-in', {
      email,
      password: 'mat-khau-moi-2027',
    });
    expect(signIn.status).toBe(303);
  });
});

describe('the account and its orders', () => {
  it('updates the profile from the form (PRG with a notice); an empty tax id removes it', async () => {
    const { agent } = await registered();
    const res = await agent.submit(
      '/account',
      { companyName: 'Cửa hàng Hoa Mai', contactName: 'Trần Hoa', phone: '+84 28 3822 1111', taxId: '' },
      '/account',
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe('/account?saved=1');
    const page = await agent.get('/account?saved=1');
    expect(page.text).toContain('Đã lưu thay đổi.');
    expect(page.text).toContain('<a class="sf-account" href="/account">Trần Hoa</a>');
    const me = JSON.parse((await agent.api('GET', '/api/v1/me')).text);
    expect(me).toMatchObject({ companyName: 'Cửa hàng Hoa Mai', phone: '+84 28 3822 1111' });
    expect(me.taxId).toBeUndefined();
  });

  it('signs out here, or everywhere, by POST forms with the token; the session no longer works', async () => {
    const { agent, email } = await registered();
    const other = pageAgent(platform, VN);
    expect((await other.submit('/account/sign-in', { email, password: PASSWORD })).status).toBe(303);
    const out = await agent.submit('/account', {}, '/account/sign-out');
    expect(out.status).toBe(303);
    expect(out.location).toBe('/account/sign-in?signedOut=1');
    expect(out.headers.getSetCookie()).toContain(
      'sf_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax',
    );
    expect((await agent.get('/account/sign-in?signedOut=1')).text).toContain('Bạn đã đăng xuất.');
    expect((await other.get('/account')).status).toBe(200);
    const everywhere = await other.submit('/account', {}, '/account/sign-out-everywhere');
    expect(everywhere.status).toBe(303);
    expect((await other.api('GET', '/api/v1/me')).status).toBe(401);
  });

  it('refuses a vn session on kr: kr sends the visitor to sign in', async () => {
    const { agent } = await registered(VN);
    const kr = pageAgent(platform, KR);
    kr.cookies.set('sf_session', agent.cookies.get('sf_session')!);
    const res = await kr.get('/account');
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/account\/sign-in\?next=/);
  });

  it('lists the buyer’s orders newest first, 10 a page: status in Vietnamese, ₫ totals, Vietnam time, links to each order', async () => {
    const { agent } = await registered();
    const me = JSON.parse((await agent.api('GET', '/api/v1/me')).text);
    const empty = await agent.get('/account/orders');
    expect(empty.text).toContain('Bạn chưa có đơn hàng nào.');
    const orders = Array.from({ length: 12 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 1 + i, 1, 30)).toISOString();
      return paidOrder([orderLine({ supplierId: 'yongkang-steelware', unitMinor: 25_000 + i * 1000 })], {
        orderId: `o_${randomUUID().replaceAll('-', '')}`,
        owner: { kind: 'buyer', buyerId: me.buyerId },
        createdAt: at,
        updatedAt: at,
      });
    });
    for (const order of orders) await platform.services.orders.place(order, [], []);
    const first = await agent.get('/account/orders');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const references = [...first.text.matchAll(/<a href="\/orders\/(o_[0-9a-f]{32})">([^<]+)<\/a>/g)];
    const newest = orders.toReversed();
    expect(references.map((m) => m[1])).toEqual(newest.slice(0, 10).map((o) => o.orderId));
    expect(references.map((m) => m[2])).toEqual(newest.slice(0, 10).map((o) => o.reference));
    expect(first.text).toContain('<td>Đã thanh toán</td>');
    // 12 Nov 2026 01:30 UTC is 08:30 in Ho Chi Minh City.
    expect(first.text).toMatch(/<time datetime="2026-11-12T01:30:00.000Z">[^<]*08:30[^<]*<\/time>/);
    expect(first.text).toMatch(/<td>[\d.]+\s?₫<\/td>/);
    const older = /<a rel="next" href="([^"]+)">Đơn cũ hơn<\/a>/.exec(first.text)?.[1];
    expect(older).toBeDefined();
    const second = await agent.get(older!.replaceAll('&amp;', '&'));
    const rest = [...second.text.matchAll(/<a href="\/orders\/(o_[0-9a-f]{32})">/g)].map((m) => m[1]);
    expect(rest).toEqual(newest.slice(10).map((o) => o.orderId));
    expect(second.text).not.toContain('rel="next"');
    expect(second.text).toContain('Đơn mới nhất');
  });

  it('keeps the language the buyer chose across the account pages (switcher links and forms)', async () => {
    const { agent } = await registered();
    const page = await agent.get('/account/orders?lang=en');
    expect(page.text).toContain('<html lang="en"');
    expect(page.text).toContain('<h1>Your orders</h1>');
    expect(page.text).toMatch(/<a href="\/account\/orders" hreflang="vi" lang="vi">Tiếng Việt<\/a>/);
    const profile = await agent.get('/account?lang=en');
    expect(profile.text).toContain('action="/account/sign-out?lang=en"');
  });
});
