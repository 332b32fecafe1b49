import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../core/i18n/translator.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { safeNext } from '../../functions/handlers/page-account-kit.ts';
import { demoTenants } from '../../local/seed/demo-tenants.ts';
import type { PageContext } from '../../storefront/context.ts';
import { ordersPage, registerPage, signInPage } from '../../storefront/pages/account.ts';

/** The account pages' pure parts: where a form may send the buyer, and what the pages render. */
describe('safeNext: a form goes on only to a path of this site', () => {
  it('keeps a path with its query and fragment', () => {
    expect(safeNext('/account/orders?lang=en')).toBe('/account/orders?lang=en');
    expect(safeNext('/offers/tee?x=1#buy')).toBe('/offers/tee?x=1#buy');
    expect(safeNext('/a/../account')).toBe('/account');
  });

  it('refuses other sites, schemes, protocol-relative and backslash tricks, control characters', () => {
    for (const next of [
      undefined,
      '',
      'account',
      'https://evil.example/',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      'javascript:alert(1)',
      '/ok\r\nSet-Cookie: a=b',
      '/ok\u0000',
      `/${'a'.repeat(1100)}`,
    ]) {
      expect(safeNext(next), JSON.stringify(next)).toBeUndefined();
    }
  });
});

function contextFor(tenantId: string): PageContext {
  const tenant = demoTenants.find((t) => t.id === tenantId) as unknown as Tenant;
  return {
    tenant,
    locale: tenant.defaultLocale,
    t: translatorFor(tenant.defaultLocale),
    nonce: 'n0nce',
    origin: `http://${tenantId}.localhost:3000`,
    path: '/account/sign-in',
    query: new URLSearchParams(),
    picture: () => ({ sources: [], width: 1, height: 1 }),
  };
}

describe('account page rendering', () => {
  const form = { csrf: 'tok"en', values: {}, errors: [] };

  it('escapes what the buyer typed and never writes a password back', () => {
    const ctx = contextFor('vn');
    const page = registerPage(
      ctx,
      { signedIn: false },
      {
        ...form,
        values: { companyName: '"><script>alert(1)</script>', password: 'secret-password-1' },
        errors: [{ field: 'companyName', message: '<b>bad</b>' }],
      },
      '/account/orders?a=1&b=2',
    );
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).toContain('&lt;b&gt;bad&lt;/b&gt;');
    expect(page).not.toContain('secret-password-1');
    expect(page).toContain('name="csrf" value="tok&quot;en"');
    expect(page).toContain('name="next" value="/account/orders?a=1&amp;b=2"');
  });

  it('uses the site country’s tax id example and the visitor’s sign-in link in the header', () => {
    const vn = registerPage(contextFor('vn'), { signedIn: false }, form);
    expect(vn).toContain('ví dụ 0123456789, 0123456789-001');
    const kr = registerPage(contextFor('kr'), { signedIn: false }, form);
    expect(kr).toContain('123-45-67890');
    expect(signInPage(contextFor('kr'), { signedIn: false }, form)).toContain(
      '<a class="sf-account" href="/account/sign-in">로그인</a>',
    );
  });

  it('names the signed-in buyer in the header, escaped', () => {
    const page = signInPage(contextFor('vn'), { signedIn: true, name: 'Lan <Anh>' }, form);
    expect(page).toContain('<a class="sf-account" href="/account">Lan &lt;Anh&gt;</a>');
  });

  it('lists orders with a link each, the older page only when there is one', () => {
    const ctx = { ...contextFor('vn'), path: '/account/orders' };
    const row = {
      orderId: 'o_1',
      reference: 'VN1',
      statusLabel: 'Đã thanh toán',
      placedAt: { at: '2026-12-01T01:00:00.000Z', local: '08:00 1/12/2026' },
      total: { formatted: '290.000 ₫' },
      lineCount: 2,
    };
    const page = ordersPage(ctx, { signedIn: true, name: 'An' }, [row], 'c1', false);
    expect(page).toContain('<a href="/orders/o_1">VN1</a>');
    expect(page).toContain('2 dòng hàng');
    expect(page).toContain('href="/account/orders?cursor=c1"');
    expect(page).not.toContain('Đơn mới nhất');
    expect(ordersPage(ctx, { signedIn: true, name: 'An' }, [row], undefined, true)).not.toContain(
      'rel="next"',
    );
  });
});
