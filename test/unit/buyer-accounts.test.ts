import { describe, expect, it } from 'vitest';
import { sesAddress } from '../../adapters/mail/ses.ts';
import { guestOrderAccess, guestOrderAccessValid, guestOrderLink } from '../../core/buyers/guest-orders.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../core/buyers/passwords.ts';
import {
  expiryOf,
  isLive,
  newSession,
  parseSessionToken,
  sessionIdOf,
  sessionPolicy,
  touched,
} from '../../core/buyers/sessions.ts';
import { senderFor } from '../../core/mail/mailer.ts';
import { orderPlacedMail, passwordResetMail } from '../../core/mail/templates.ts';

describe('passwords: scrypt with the parameters stored beside the hash', () => {
  it('hashes with N=2^15, r=8, p=1 and a fresh salt each time; verifies only the same password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$ln=15,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('correct horse batterY', a)).ok).toBe(false);
    expect((await verifyPassword('', a)).ok).toBe(false);
  });

  it('still verifies a hash made with weaker parameters, and says it needs a rehash', async () => {
    const weak = await hashPassword('correct horse battery', { ln: 12, r: 8, p: 1 });
    expect(weak).toMatch(/^scrypt\$ln=12,/);
    expect(await verifyPassword('correct horse battery', weak)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword('wrong horse battery', weak)).toEqual({ ok: false, needsRehash: false });
  });

  it('never verifies a hash in another format, or with parameters outside the accepted range', async () => {
    const good = await hashPassword('correct horse battery');
    for (const stored of [
      '',
      'plain-text',
      good.replace('scrypt$', 'bcrypt$'),
      good.replace('ln=15', 'ln=40'),
      good.replace('ln=15', 'ln=4'),
    ]) {
      expect((await verifyPassword('correct horse battery', stored)).ok, stored).toBe(false);
    }
  });

  it('compares the NFKC form, so the same password typed with composed or decomposed accents matches', async () => {
    const composed = 'mật khẩu Việt Nam';
    const hash = await hashPassword(composed);
    expect((await verifyPassword(composed.normalize('NFD'), hash)).ok).toBe(true);
  });

  it('requires 10 characters (counted as characters, not bytes) and refuses the email or its local part', () => {
    expect(passwordProblems('123456789', 'lan@example.vn')).toEqual([
      { path: 'body.password', rule: 'password_too_short', params: { minimum: 10 } },
    ]);
    expect(passwordProblems('mậtkhẩuđủ', 'lan@example.vn').map((p) => p.rule)).toEqual([
      'password_too_short',
    ]);
    expect(passwordProblems('mậtkhẩuđủ1', 'lan@example.vn')).toEqual([]);
    expect(passwordProblems('Lan.Anh.Nguyen@Example.vn', 'lan.anh.nguyen@example.vn')).toEqual([
      { path: 'body.password', rule: 'password_is_email' },
    ]);
    expect(passwordProblems('lan.anh.nguyen', 'lan.anh.nguyen@example.vn').map((p) => p.rule)).toEqual([
      'password_is_email',
    ]);
    expect(passwordProblems('lan.anh.nguyen-2026', 'lan.anh.nguyen@example.vn')).toEqual([]);
  });
});

describe('sessions: the cookie carries a secret the table only knows the hash of', () => {
  const t0 = Date.parse('2026-05-01T08:00:00Z');
  const hour = 3600_000;
  const day = 24 * hour;

  it('issues s1.<buyer>.<256-bit secret>; the record keeps the SHA-256 of the secret, never the secret', () => {
    const { token, record } = newSession(
      'vn',
      { buyerId: `b_${'a'.repeat(32)}`, email: 'lan@example.vn' },
      t0,
    );
    const [version, buyerId, secret] = token.split('.');
    expect(version).toBe('s1');
    expect(buyerId).toBe(`b_${'a'.repeat(32)}`);
    expect(Buffer.from(secret!, 'base64url')).toHaveLength(32);
    expect(record.sessionId).toBe(sessionIdOf(secret!));
    expect(record.sessionId).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(record)).not.toContain(secret);
    expect(parseSessionToken(token)).toEqual({ buyerId, sessionId: record.sessionId });
    const other = newSession('vn', { buyerId: `b_${'a'.repeat(32)}`, email: 'lan@example.vn' }, t0);
    expect(other.token).not.toBe(token);
  });

  it('reads anything the platform did not issue as no session', () => {
    const secret = 'A'.repeat(43);
    for (const token of [
      undefined,
      '',
      `s2.b_${'a'.repeat(32)}.${secret}`,
      `s1.b_${'a'.repeat(31)}.${secret}`,
      `s1.b_${'a'.repeat(32)}.${secret}x`,
      `s1.b_${'A'.repeat(32)}.${secret}`,
      `s1.b_${'a'.repeat(32)}#x.${secret}`,
    ]) {
      expect(parseSessionToken(token), String(token)).toBeUndefined();
    }
  });

  it('ends 7 days after the last use, and 30 days after sign-in at the latest', () => {
    const { record } = newSession('vn', { buyerId: `b_${'a'.repeat(32)}`, email: 'lan@example.vn' }, t0);
    expect(Date.parse(record.expiresAt) - t0).toBe(sessionPolicy.idleSeconds * 1000);
    expect(isLive(record, t0 + 7 * day - 1)).toBe(true);
    expect(isLive(record, t0 + 7 * day)).toBe(false);
    const created = new Date(t0).toISOString();
    expect(expiryOf(created, new Date(t0 + 6 * day).toISOString())).toBe(
      new Date(t0 + 13 * day).toISOString(),
    );
    expect(expiryOf(created, new Date(t0 + 29 * day).toISOString())).toBe(
      new Date(t0 + 30 * day).toISOString(),
    );
  });

  it('records a use at most once an hour, sliding the expiry from that use', () => {
    const { record } = newSession('vn', { buyerId: `b_${'a'.repeat(32)}`, email: 'lan@example.vn' }, t0);
    expect(touched(record, t0 + hour - 1)).toBeUndefined();
    const used = touched(record, t0 + 2 * day)!;
    expect(used.lastSeenAt).toBe(new Date(t0 + 2 * day).toISOString());
    expect(used.expiresAt).toBe(new Date(t0 + 9 * day).toISOString());
    expect(used.createdAt).toBe(record.createdAt);
  });
});

describe('mail', () => {
  it('renders the reset code in the recipient language, with every value escaped in the HTML', () => {
    const mail = passwordResetMail('vi', {
      site: 'Nguồn Hàng',
      name: '<b>Lan</b> & co',
      code: '042917',
      minutes: 15,
    });
    expect(mail.subject).toBe('Mã đặt lại mật khẩu của bạn tại Nguồn Hàng');
    expect(mail.text).toContain('Xin chào <b>Lan</b> & co,');
    expect(mail.text).toContain('042917');
    expect(mail.text).toContain('15 phút');
    expect(mail.html).toContain('&lt;b&gt;Lan&lt;/b&gt; &amp; co');
    expect(mail.html).not.toContain('<b>Lan</b>');
    expect(mail.html).toContain('<html lang="vi">');
    expect(
      passwordResetMail('ko', { site: '중국도매', name: '김', code: '000001', minutes: 15 }).subject,
    ).toBe('중국도매 비밀번호 재설정 코드');
  });

  it('links a guest to the order with an href that cannot break out of its attribute', () => {
    const mail = orderPlacedMail('en', 'guest', {
      site: 'Pifa',
      reference: 'SF-2026-0001',
      url: 'https://pifa.example.my/orders/o1?access=abc"><script>',
    });
    expect(mail.subject).toBe('Your order SF-2026-0001 at Pifa');
    expect(mail.html).toContain(
      'href="https://pifa.example.my/orders/o1?access=abc&quot;&gt;&lt;script&gt;"',
    );
    expect(mail.text).toContain('https://pifa.example.my/orders/o1?access=abc"><script>');
  });

  it('sends from the site name at its contact address, or at the platform address', () => {
    expect(
      senderFor(
        { name: 'Nguồn Hàng', contact: { email: 'hotro@nguonhang.example.vn' } },
        'no-reply@x.example',
      ),
    ).toEqual({
      name: 'Nguồn Hàng',
      address: 'hotro@nguonhang.example.vn',
    });
    expect(senderFor({ name: 'Pifa', contact: {} }, 'no-reply@x.example')).toEqual({
      name: 'Pifa',
      address: 'no-reply@x.example',
    });
  });

  it('gives SES a non-ASCII display name as an RFC 2047 encoded-word, an ASCII one quoted', () => {
    const encoded = sesAddress({ name: 'Nguồn Hàng', address: 'hotro@nguonhang.example.vn' });
    expect(encoded).toBe(
      `=?UTF-8?B?${Buffer.from('Nguồn Hàng').toString('base64')}?= <hotro@nguonhang.example.vn>`,
    );
    expect(sesAddress({ name: 'Pifa "MY"', address: 'a@b.example' })).toBe('"Pifa \\"MY\\"" <a@b.example>');
    expect(sesAddress({ address: 'a@b.example' })).toBe('a@b.example');
  });
});

describe('guest order links', () => {
  it('are unguessable without the key, the same for every retry of one order, only their SHA-256 kept', () => {
    const key = 'k'.repeat(64);
    const access = guestOrderAccess(key, 'o_123');
    expect(Buffer.from(access.token, 'base64url')).toHaveLength(32);
    expect(access.accessHash).toMatch(/^[0-9a-f]{64}$/);
    expect(access.accessHash).not.toContain(access.token);
    // A retry of the same checkout (same order) holds the same token; another order or key does not.
    expect(guestOrderAccess(key, 'o_123')).toEqual(access);
    expect(guestOrderAccess(key, 'o_124').token).not.toBe(access.token);
    expect(guestOrderAccess('j'.repeat(64), 'o_123').token).not.toBe(access.token);
    const url = new URL(guestOrderLink('https://nguonhang.example.vn', 'o_123', access.token));
    expect(url.origin + url.pathname).toBe('https://nguonhang.example.vn/orders/o_123');
    expect(url.searchParams.get('access')).toBe(access.token);
    expect(guestOrderAccessValid(access.token, access.accessHash)).toBe(true);
    expect(guestOrderAccessValid(guestOrderAccess(key, 'o_124').token, access.accessHash)).toBe(false);
    expect(guestOrderAccessValid(undefined, access.accessHash)).toBe(false);
    expect(guestOrderAccessValid(access.accessHash, access.accessHash)).toBe(false);
  });

  it('keep an order id inside its path segment', () => {
    const url = guestOrderLink('http://vn.localhost:3000', '../admin?x=1', 'tok');
    expect(new URL(url).pathname).toBe('/orders/..%2Fadmin%3Fx%3D1');
  });
});
