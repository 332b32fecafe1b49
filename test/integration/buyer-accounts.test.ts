import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoBuyerStore } from '../../adapters/dynamodb/buyer-store.ts';
import { buyerAccounts, buyerAuthRules } from '../../core/buyers/accounts.ts';
import { secondsUntilNextWindow } from '../../core/security/rate-limits.ts';
import { routeHandler } from '../../functions/http/route.ts';
import type { Shopper } from '../../functions/http/shopper.ts';
import { mailDir } from '../../local/paths.ts';
import { demoTenants } from '../../local/seed/demo-tenants.ts';
import { httpEvent, lambdaContext } from '../kit/events.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { testRoute } from '../kit/routes.ts';

// Every sign-in hashes with scrypt (32 MiB, tens of ms): the throttling tests make 60 of them.
vi.setConfig({ testTimeout: 240_000 });

let platform: TestPlatform;
// A platform boots in seconds on an idle machine; the shared DynamoDB Local can be slow.
beforeAll(async () => {
  platform = await startTestPlatform();
}, 600_000);
afterAll(async () => platform?.close());

const VN = 'vn.localhost:3000';
const KR = 'kr.localhost:3000';
const vnName = demoTenants.find((t) => t.id === 'vn')!.name;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes, asserted field by field
  body: any;
  /** The sf_session value this answer set ('' when it cleared it). */
  session?: string;
  setCookie: string[];
}

/**
 * One call to the gateway from a chosen loopback address (127.0.0.x), so that each test's
 * failures count against its own client address, with the Host and session cookie given.
 */
function call(
  method: string,
  path: string,
  options: { host?: string; body?: unknown; session?: string; ip?: string; lang?: string } = {},
): Promise<Answer> {
  const url = new URL(path, platform.baseUrl);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { host: options.host ?? VN };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (options.session !== undefined) headers.cookie = `sf_session=${options.session}`;
  if (options.lang) headers['accept-language'] = options.lang;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, localAddress: options.ip ?? '127.0.0.1' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const setCookie = res.headers['set-cookie'] ?? [];
        const session = setCookie.find((c) => c.startsWith('sf_session='));
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text ? JSON.parse(text) : undefined,
          setCookie,
          ...(session !== undefined && { session: session.split(';')[0]!.slice('sf_session='.length) }),
        });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

let ipCounter = 10;
/** A client address of its own for one test. */
const freshIp = () => `127.0.0.${ipCounter++}`;
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.vn`;

const registration = (email: string, overrides: Record<string, unknown> = {}) => ({
  companyName: 'Công ty TNHH Thương mại Lan Anh',
  contactName: 'Nguyễn Lan Anh',
  email,
  phone: '+84 90 123 4567',
  taxId: '0101234567',
  password: 'mat-khau-rat-dai-2026',
  ...overrides,
});

async function register(email: string, host = VN, overrides: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/v1/buyers', {
    host,
    body: registration(email, overrides),
    ip: freshIp(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res;
}

/** The .eml files sent to `to` (the local platform's mail folder, shared by test files: named by recipient). */
async function mailsTo(to: string): Promise<string[]> {
  const dir = platform.services.config.MAIL_DIR ?? mailDir;
  const tag = to.toLowerCase().replace(/[^a-z0-9@._-]/g, '_');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.includes(`-${tag}-`)).sort();
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

describe('registration', () => {
  it('creates the account and signs in with an HttpOnly, Secure, SameSite=Lax session cookie', async () => {
    const email = uniqueEmail('lan');
    const res = await register(email.toUpperCase());
    expect(res.body).toMatchObject({
      email,
      companyName: 'Công ty TNHH Thương mại Lan Anh',
      contactName: 'Nguyễn Lan Anh',
      phone: '+84 90 123 4567',
      taxId: '0101234567',
    });
    expect(res.body.buyerId).toMatch(/^b_[0-9a-f]{32}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
    const cookie = res.setCookie.find((c) => c.startsWith('sf_session='))!;
    expect(cookie).toMatch(
      /^sf_session=s1\.b_[0-9a-f]{32}\.[\w-]{43}; Path=\/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');

    const me = await call('GET', '/api/v1/me', { session: res.session });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body);
  });

  it('stores neither the session secret nor the password, only their hashes', async () => {
    const email = uniqueEmail('hash');
    const res = await register(email);
    const { Items = [] } = await platform.services.db.send(
      new ScanCommand({ TableName: platform.tableName }),
    );
    const dump = JSON.stringify(Items);
    const secret = res.session!.split('.')[2]!;
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain('mat-khau-rat-dai-2026');
    expect(dump).toMatch(/scrypt\$ln=15,r=8,p=1\$/);
  });

  it('refuses a second account for the same email on the same site, whatever its case (409, localized)', async () => {
    const email = uniqueEmail('twice');
    await register(email);
    const again = await call('POST', '/api/v1/buyers', {
      body: registration(email.replace('twice', 'TWICE')),
      ip: freshIp(),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EMAIL_TAKEN');
    expect(again.body.error.message).toBe(
      'Email này đã có tài khoản trên trang. Hãy đăng nhập hoặc đặt lại mật khẩu.',
    );
    expect(again.session).toBeUndefined();
  });

  it('gives the same email on another site (kr) another account, with its own password', async () => {
    const email = uniqueEmail('both');
    const vn = await register(email);
    const kr = await register(email, KR, { password: 'another-password-kr', taxId: '123-45-67890' });
    expect(kr.body.buyerId).not.toBe(vn.body.buyerId);
    const vnWithKrPassword = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'another-password-kr' },
      ip: freshIp(),
    });
    expect(vnWithKrPassword.status).toBe(401);
    const krSignIn = await call('POST', '/api/v1/sessions', {
      host: KR,
      body: { email, password: 'another-password-kr' },
      ip: freshIp(),
    });
    expect(krSignIn.status).toBe(200);
    expect(krSignIn.body.buyerId).toBe(kr.body.buyerId);
  });

  it('reports the password rules and a malformed tax id with the other fields, in the buyer language', async () => {
    const email = uniqueEmail('rules');
    const res = await call('POST', '/api/v1/buyers', {
      body: registration(email, { password: 'short', taxId: 'MST 01-ABC' }),
      ip: freshIp(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'body.password', rule: 'password_too_short', message: 'Mật khẩu cần ít nhất 10 ký tự.' },
        expect.objectContaining({ path: 'body.taxId', rule: 'tax_id_format' }),
      ]),
    );
    const sameAsEmail = await call('POST', '/api/v1/buyers', {
      host: KR,
      body: registration(email, { password: email.toUpperCase() }),
      ip: freshIp(),
    });
    expect(sameAsEmail.status).toBe(400);
    expect(sameAsEmail.body.error.fields).toEqual([
      {
        path: 'body.password',
        rule: 'password_is_email',
        message: '비밀번호는 이메일 주소와 같을 수 없습니다.',
      },
    ]);
  });
});

describe('sessions', () => {
  it('answers 401 on buyer routes without a session, localized', async () => {
    const res = await call('GET', '/api/v1/me', { host: KR });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(res.headers['content-language']).toBe('ko');
    const forged = await call('GET', '/api/v1/me', {
      session: `s1.b_${'0'.repeat(32)}.${'A'.repeat(43)}`,
    });
    expect(forged.status).toBe(401);
  });

  it('does not accept a vn session on kr.localhost', async () => {
    const email = uniqueEmail('cross');
    const vn = await register(email);
    expect((await call('GET', '/api/v1/me', { session: vn.session })).status).toBe(200);
    const onKr = await call('GET', '/api/v1/me', { host: KR, session: vn.session });
    expect(onKr.status).toBe(401);
  });

  it('signs in with the password (email in any case); a wrong password and an unknown email get the same 401', async () => {
    const email = uniqueEmail('signin');
    await register(email);
    const ip = freshIp();
    const wrong = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'not-the-password' },
      ip,
    });
    const unknown = await call('POST', '/api/v1/sessions', {
      body: { email: uniqueEmail('nobody'), password: 'not-the-password' },
      ip,
    });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(res.body.error.message).toBe('Email hoặc mật khẩu không đúng.');
      expect(res.session).toBeUndefined();
    }
    const ok = await call('POST', '/api/v1/sessions', {
      body: { email: email.toUpperCase(), password: 'mat-khau-rat-dai-2026' },
      ip,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.email).toBe(email);
    expect((await call('GET', '/api/v1/me', { session: ok.session })).status).toBe(200);
  });

  it('signs out here: this session ends and its cookie is cleared, the other device stays signed in', async () => {
    const email = uniqueEmail('out');
    const first = await register(email);
    const second = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'mat-khau-rat-dai-2026' },
      ip: freshIp(),
    });
    const out = await call('DELETE', '/api/v1/sessions/current', { session: first.session });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ sessionsEnded: 1 });
    expect(out.setCookie).toContain('sf_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax');
    expect((await call('GET', '/api/v1/me', { session: first.session })).status).toBe(401);
    expect((await call('GET', '/api/v1/me', { session: second.session })).status).toBe(200);
  });

  it('signs out everywhere: every session of the account ends, another account keeps its own', async () => {
    const email = uniqueEmail('everywhere');
    const first = await register(email);
    const others = await Promise.all(
      [1, 2].map(() =>
        call('POST', '/api/v1/sessions', {
          body: { email, password: 'mat-khau-rat-dai-2026' },
          ip: freshIp(),
        }),
      ),
    );
    const bystander = await register(uniqueEmail('bystander'));
    const out = await call('DELETE', '/api/v1/sessions', { session: others[0]!.session });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ sessionsEnded: 3 });
    for (const session of [first.session, others[0]!.session, others[1]!.session]) {
      expect((await call('GET', '/api/v1/me', { session })).status).toBe(401);
    }
    expect((await call('GET', '/api/v1/me', { session: bystander.session })).status).toBe(200);
  });

  it('ends a session 7 days after its last use, and 30 days after sign-in however often it is used', async () => {
    let now = Date.parse('2026-03-01T00:00:00Z');
    const accounts = buyerAccounts({
      store: new DynamoBuyerStore(platform.services.db, platform.tableName),
      rateLimits: platform.services.rateLimits,
      mailer: platform.services.mailer,
      platformFrom: 'no-reply@example.test',
      codeKey: async () => 'test-key',
      now: () => now,
    });
    const tenant = (await platform.services.tenantRepository.byId('vn'))!;
    const day = 24 * 3600_000;
    const idle = await accounts.register(tenant, registration(uniqueEmail('idle')));
    now += 6 * day;
    expect(await accounts.authenticate('vn', idle.token)).toBeDefined();
    now += 6 * day + 23 * 3600_000; // 6 days 23 h after the last use: still on
    expect(await accounts.authenticate('vn', idle.token)).toBeDefined();
    now += 7 * day + 1000; // more than 7 days since that use
    expect(await accounts.authenticate('vn', idle.token)).toBeUndefined();

    const busy = await accounts.register(tenant, registration(uniqueEmail('busy')));
    for (let d = 0; d < 29; d += 2) {
      now += 2 * day;
      if (d < 28) expect(await accounts.authenticate('vn', busy.token), `day ${d + 2}`).toBeDefined();
    }
    expect(await accounts.authenticate('vn', busy.token)).toBeUndefined();
  });
});

describe('shopper routes know the signed-in buyer', () => {
  const cartRoute = testRoute('test-cart-owner', { method: 'GET', auth: 'shopper', tenant: 'required' });
  const whoAmI = routeHandler(
    cartRoute,
    async ({ shopper }) => ({ body: shopper }),
    () => platform.services,
  );
  const visit = async (host: string, cookies: string[]) => {
    const res = await whoAmI(
      httpEvent({ method: 'GET', path: cartRoute.path, headers: { host }, cookies }),
      lambdaContext(),
    );
    return { status: res.statusCode, shopper: JSON.parse(res.body ?? '{}') as Shopper };
  };

  it('adds the buyer of a valid session to the visitor; an invalid or other-site session is ignored', async () => {
    const email = uniqueEmail('shopper');
    const signedIn = await register(email);
    const visitor = 'v_AAAAAAAAAAAAAAAAAAAAAA';
    const cookies = (session: string) => [`sf_visitor=${visitor}`, `sf_session=${session}`];
    const known = await visit('vn.localhost', cookies(signedIn.session!));
    expect(known.status).toBe(200);
    expect(known.shopper).toEqual({
      visitorId: visitor,
      buyer: { buyerId: signedIn.body.buyerId, sessionId: expect.stringMatching(/^[0-9a-f]{64}$/), email },
    });
    const elsewhere = await visit('kr.localhost', cookies(signedIn.session!));
    expect(elsewhere).toEqual({ status: 200, shopper: { visitorId: visitor } });
    const forged = await visit('vn.localhost', cookies('s1.nonsense'));
    expect(forged).toEqual({ status: 200, shopper: { visitorId: visitor } });
  });
});

describe('profile', () => {
  it('changes company, contact, phone and removes the tax id; the email stays', async () => {
    const email = uniqueEmail('profile');
    const { session } = await register(email);
    const res = await call('PATCH', '/api/v1/me', {
      session,
      body: { phone: '+84 28 3822 1111', contactName: 'Trần Minh', taxId: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email, phone: '+84 28 3822 1111', contactName: 'Trần Minh' });
    expect(res.body).not.toHaveProperty('taxId');
    expect((await call('GET', '/api/v1/me', { session })).body).toEqual(res.body);
    const refused = await call('PATCH', '/api/v1/me', { session, body: { email: uniqueEmail('other') } });
    expect(refused.status).toBe(400);
  });
});

/**
 * Failures are counted in fixed 15-minute windows: a test whose attempts straddled a window's
 * end would see the count start over. Waits, if need be, until `seconds` remain in the window.
 */
async function withinOneWindow(seconds: number) {
  const left = secondsUntilNextWindow(buyerAuthRules.perAccount, Date.now());
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}

describe('throttling', () => {
  it('after 10 failed sign-ins for one account, refuses even the right password with 429 and Retry-After, localized', async () => {
    const email = uniqueEmail('throttle');
    await register(email, KR);
    await withinOneWindow(90);
    for (let i = 0; i < 10; i++) {
      const res = await call('POST', '/api/v1/sessions', {
        host: KR,
        body: { email, password: `wrong-password-${i}` },
        ip: freshIp(),
      });
      expect(res.status).toBe(401);
    }
    const blocked = await call('POST', '/api/v1/sessions', {
      host: KR,
      body: { email, password: 'mat-khau-rat-dai-2026' },
      ip: freshIp(),
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(blocked.body.error.message).toBe(
      `시도 횟수가 너무 많습니다. ${retryAfter}초 후에 다시 시도해 주세요.`,
    );
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(blocked.session).toBeUndefined();
    // The same email on vn is another account, not blocked.
    await register(email);
    const vn = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'mat-khau-rat-dai-2026' },
      ip: freshIp(),
    });
    expect(vn.status).toBe(200);
  });

  it('after 50 failures from one address (any accounts), refuses that address; another address is served', async () => {
    const email = uniqueEmail('victim');
    await register(email);
    await withinOneWindow(150);
    const ip = freshIp();
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          call('POST', '/api/v1/sessions', {
            body: { email: uniqueEmail('spray'), password: 'guessing-passwords' },
            ip,
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    }
    const blocked = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'mat-khau-rat-dai-2026' },
      ip,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    const elsewhere = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'mat-khau-rat-dai-2026' },
      ip: freshIp(),
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe('password reset by emailed code', () => {
  const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

  it('mails a 6-digit code as a real .eml (UTF-8 subject decoded); the code sets the password, ends every session, signs in', async () => {
    const email = uniqueEmail('reset');
    const old = await register(email);
    const accepted = await call('POST', '/api/v1/password-resets', { body: { email }, ip: freshIp() });
    expect(accepted.status).toBe(202);
    expect(accepted.body.accepted).toBe(true);
    expect(accepted.body.message).toContain('15 phút');

    const [raw] = await mailsTo(email);
    expect(raw).toBeDefined();
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m); // encoded on the wire
    const mail = await PostalMime.parse(raw!);
    expect(mail.subject).toBe(`Mã đặt lại mật khẩu của bạn tại ${vnName}`);
    expect(mail.from).toMatchObject({ name: vnName, address: 'hotro@nguonhang.example.vn' });
    expect(mail.to?.[0]?.address).toBe(email);
    expect(mail.text).toContain('Xin chào Nguyễn Lan Anh,');
    expect(mail.html).toContain('Nguyễn Lan Anh');
    const code = codeIn(mail.text ?? '');
    expect(code).toMatch(/^\d{6}$/);
    // Stored hashed: the code is nowhere in the table.
    const { Items = [] } = await platform.services.db.send(
      new ScanCommand({ TableName: platform.tableName }),
    );
    expect(JSON.stringify(Items)).not.toContain(`"${code}"`);

    const ip = freshIp();
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await call('POST', '/api/v1/password-resets/confirm', {
      body: { email, code: wrongCode, password: 'brand-new-password-1' },
      ip,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('RESET_CODE_INVALID');

    const done = await call('POST', '/api/v1/password-resets/confirm', {
      body: { email, code, password: 'brand-new-password-1' },
      ip,
    });
    expect(done.status).toBe(200);
    expect(done.body.email).toBe(email);
    expect((await call('GET', '/api/v1/me', { session: done.session })).status).toBe(200);
    expect((await call('GET', '/api/v1/me', { session: old.session })).status).toBe(401);

    const oldPassword = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'mat-khau-rat-dai-2026' },
      ip,
    });
    expect(oldPassword.status).toBe(401);
    const newPassword = await call('POST', '/api/v1/sessions', {
      body: { email, password: 'brand-new-password-1' },
      ip,
    });
    expect(newPassword.status).toBe(200);

    const reused = await call('POST', '/api/v1/password-resets/confirm', {
      body: { email, code, password: 'yet-another-password' },
      ip,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('RESET_CODE_INVALID');
  });

  it('answers an unknown email exactly alike and sends nothing', async () => {
    const known = uniqueEmail('known');
    await register(known);
    const nobody = uniqueEmail('nobody');
    const a = await call('POST', '/api/v1/password-resets', { body: { email: known }, ip: freshIp() });
    const b = await call('POST', '/api/v1/password-resets', { body: { email: nobody }, ip: freshIp() });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(Object.keys(b.body).sort()).toEqual(Object.keys(a.body).sort());
    expect(await mailsTo(known)).toHaveLength(1);
    expect(await mailsTo(nobody)).toHaveLength(0);
  });

  it('voids the code after 5 wrong tries, and a code mailed on kr works only there', async () => {
    const email = uniqueEmail('void');
    await register(email);
    await register(email, KR);
    await call('POST', '/api/v1/password-resets', { host: KR, body: { email }, ip: freshIp(), lang: 'ko' });
    const [raw] = await mailsTo(email);
    const mail = await PostalMime.parse(raw!);
    expect(mail.subject).toBe('중국도매 소싱 비밀번호 재설정 코드');
    const code = codeIn(mail.text ?? '')!;
    const onVn = await call('POST', '/api/v1/password-resets/confirm', {
      body: { email, code, password: 'brand-new-password-2' },
      ip: freshIp(),
    });
    expect(onVn.status).toBe(400);
    for (let i = 0; i < 5; i++) {
      const wrong = await call('POST', '/api/v1/password-resets/confirm', {
        host: KR,
        body: {
          email,
          code: String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
          password: 'brand-new-password-2',
        },
        ip: freshIp(),
      });
      expect(wrong.status).toBe(400);
    }
    const late = await call('POST', '/api/v1/password-resets/confirm', {
      host: KR,
      body: { email, code, password: 'brand-new-password-2' },
      ip: freshIp(),
    });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('RESET_CODE_INVALID');
  });
});
