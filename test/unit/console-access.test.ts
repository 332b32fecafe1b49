import '../../core/partners/i18n.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPath } from '../../console/context.ts';
import { tenantOverview } from '../../console/pages/tenant.ts';
import { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { inviteIdOf, inviteMail, newInviteSecret } from '../../core/partners/invites.ts';
import {
  consoleExpiryOf,
  consoleSessionPolicy,
  mayActOn,
  mayInvite,
  newConsoleSession,
  parseConsoleToken,
  touchedConsoleSession,
  userKeyOf,
} from '../../core/partners/users.ts';
import {
  actorOf,
  authorizeTenant,
  isOperator,
  type Principal,
  requireOperator,
} from '../../core/tenants/admin-auth.ts';
import { type Tenant, tenantSchema } from '../../core/tenants/tenant.ts';
import { isConsoleHost, safeNext } from '../../functions/handlers/console-kit.ts';
import { consolePath } from '../../local/gateway.ts';
import { demoTenants } from '../../local/seed/demo-tenants.ts';
import { consoleResources } from '../../locales/console.ts';

const staffOfVn: Principal = { kind: 'user', email: 'an@vn.test', role: 'staff', tenantId: 'vn' };
const ownerOfVn: Principal = { kind: 'user', email: 'chu@vn.test', role: 'owner', tenantId: 'vn' };
const operatorUser: Principal = { kind: 'user', email: 'ops@sourcefront.test', role: 'operator' };

const codeOf = (run: () => void) => {
  try {
    run();
    return 'none';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
};

describe('console users under the admin rules (one Principal, one set of rules)', () => {
  it('a tenant user acts on its own tenant only; an operator user on any, like the operator key', () => {
    expect(codeOf(() => authorizeTenant(staffOfVn, 'vn'))).toBe('none');
    expect(codeOf(() => authorizeTenant(staffOfVn, 'kr'))).toBe('FORBIDDEN');
    expect(codeOf(() => authorizeTenant(ownerOfVn, 'kr'))).toBe('FORBIDDEN');
    expect(codeOf(() => authorizeTenant(operatorUser, 'kr'))).toBe('none');
    expect(codeOf(() => requireOperator(operatorUser))).toBe('none');
    expect(codeOf(() => requireOperator(ownerOfVn))).toBe('FORBIDDEN');
    expect(isOperator({ kind: 'operator' })).toBe(true);
    expect(isOperator({ kind: 'tenant', tenantId: 'vn', keyId: '0123456789abcdef' })).toBe(false);
  });

  it('the audit names the signed-in user', () => {
    expect(actorOf(staffOfVn)).toBe('user:an@vn.test');
    expect(actorOf({ kind: 'operator' })).toBe('operator');
    expect(actorOf({ kind: 'tenant', tenantId: 'vn', keyId: '0123456789abcdef' })).toBe(
      'key:vn/0123456789abcdef',
    );
  });

  it('the operator invites owners (and operators), an owner invites staff, staff invite no one', () => {
    expect(mayInvite({ role: 'operator' }, 'owner')).toBe(true);
    expect(mayInvite({ role: 'operator' }, 'staff')).toBe(false);
    expect(mayInvite({ role: 'owner' }, 'staff')).toBe(true);
    expect(mayInvite({ role: 'owner' }, 'owner')).toBe(false);
    expect(mayInvite({ role: 'owner' }, 'operator')).toBe(false);
    expect(mayInvite({ role: 'staff' }, 'staff')).toBe(false);
    expect(mayActOn({ role: 'staff', tenantId: 'vn' }, 'kr')).toBe(false);
    expect(mayActOn({ role: 'operator' }, 'kr')).toBe(true);
  });
});

describe('console sessions: their own realm', () => {
  it('a console token parses to its user and hashed secret; a buyer token or a tampered one does not', () => {
    const { token, record } = newConsoleSession('An@VN.test ', Date.parse('2026-12-01T00:00:00Z'));
    expect(parseConsoleToken(token)).toEqual({
      userKey: userKeyOf('an@vn.test'),
      sessionId: record.sessionId,
    });
    expect(record.email).toBe('an@vn.test');
    expect(token).not.toContain(record.sessionId);
    expect(parseConsoleToken(`s1.b_${'0'.repeat(32)}.${'a'.repeat(43)}`)).toBeUndefined();
    expect(parseConsoleToken(`${token}x`)).toBeUndefined();
    expect(parseConsoleToken(undefined)).toBeUndefined();
  });

  it('ends 12 hours after its last use, and 7 days after sign-in whatever happens; use is written at most every 10 minutes', () => {
    const created = '2026-12-01T00:00:00.000Z';
    expect(consoleExpiryOf(created, created)).toBe('2026-12-01T12:00:00.000Z');
    expect(consoleExpiryOf(created, '2026-12-07T20:00:00.000Z')).toBe('2026-12-08T00:00:00.000Z');
    const { record } = newConsoleSession('a@b.test', Date.parse(created));
    expect(touchedConsoleSession(record, Date.parse(created) + 60_000)).toBeUndefined();
    const later = Date.parse(created) + consoleSessionPolicy.touchEverySeconds * 1000;
    expect(touchedConsoleSession(record, later)?.expiresAt).toBe('2026-12-01T12:10:00.000Z');
  });
});

describe('console edges', () => {
  it('goes back after sign-in only to a path of the console itself', () => {
    expect(safeNext('/tenants/vn/orders?status=paid')).toBe('/tenants/vn/orders?status=paid');
    for (const bad of [
      '//evil.test/x',
      '/\\evil.test',
      'https://evil.test/',
      'javascript:alert(1)',
      '/"><script>',
    ])
      expect(safeNext(bad), bad).toBeUndefined();
  });

  it('is served on the console host only, at its root (the route table keeps it under /console)', () => {
    expect(isConsoleHost('console.localhost:3000')).toBe(true);
    expect(isConsoleHost('console.sourcefront.com')).toBe(true);
    expect(isConsoleHost('vn.localhost:3000')).toBe(false);
    expect(consolePath('console.localhost:3000', '/')).toBe('/console');
    expect(consolePath('console.localhost:3000', '/tenants/vn')).toBe('/console/tenants/vn');
    expect(consolePath('vn.localhost:3000', '/tenants/vn')).toBe('/tenants/vn');
    expect(browserPath('/console')).toBe('/');
    expect(browserPath('/console/tenants/vn')).toBe('/tenants/vn');
  });

  it('invite links: 256 random bits, stored only as a hash; anything else names no invite', () => {
    const { secret, inviteId } = newInviteSecret();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(inviteIdOf(secret)).toBe(inviteId);
    expect(inviteId).not.toContain(secret);
    expect(inviteIdOf(`${secret}x`)).toBeUndefined();
    expect(inviteIdOf('../../etc')).toBeUndefined();
  });

  it('the invitation mail is in the inviter’s language, its values escaped in the HTML part', () => {
    const values = {
      inviter: 'ops@x.test',
      site: '<b>Thai</b> & Co',
      role: 'owner',
      url: 'http://console.localhost:3000/invite/abc',
      hours: 72,
    };
    const vi = inviteMail('vi', values);
    expect(vi.subject).toContain('mời bạn');
    expect(vi.text).toContain(values.url);
    expect(vi.text).toContain('72 giờ');
    expect(vi.html).toContain('&lt;b&gt;Thai&lt;/b&gt; &amp; Co');
    expect(vi.html).not.toContain('<b>Thai</b>');
    expect(inviteMail('ko', values).subject).toContain('초대');
    expect(inviteMail('zh-CN', values).subject).toContain('邀请');
  });

  it("renders a partner's hostile tenant name as text", () => {
    const tenant = tenantSchema.parse({ ...demoTenants[0], name: '<img src=x onerror=alert(1)>' }) as Tenant;
    const view = tenantOverview(
      { locale: 'en', t: translatorFor('en'), nonce: 'n', path: '/tenants/vn', csrf: 'c' },
      tenant,
      3,
    );
    expect(view.main.value).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(view.main.value).not.toContain('<img');
  });
});

describe('the console namespace', () => {
  it('has the same keys in en, vi, ko and zh-CN, and every console:key the console uses exists', () => {
    const reference = Object.keys(consoleResources.en).sort();
    for (const locale of ['vi', 'ko', 'zh-CN'] as const)
      expect(Object.keys(consoleResources[locale]).sort(), locale).toEqual(reference);
    const root = join(import.meta.dirname, '../..');
    const files = [
      ...readdirSync(join(root, 'console'), { recursive: true }).map((f) => join(root, 'console', String(f))),
      ...readdirSync(join(root, 'functions/handlers'))
        .filter((f) => f.startsWith('console-'))
        .map((f) => join(root, 'functions/handlers', f)),
      join(root, 'core/partners/invites.ts'),
    ].filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const file of files)
      for (const m of readFileSync(file, 'utf8').matchAll(/'console:([A-Za-z]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(reference, key).toContain(key);
  });
});
