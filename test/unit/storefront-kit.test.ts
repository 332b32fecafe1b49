import { describe, expect, it } from 'vitest';
import { html, jsonForScript, raw } from '../../storefront/html.ts';
import {
  contentSecurityPolicy,
  csrfToken,
  etagOf,
  securityHeaders,
  verifyCsrfToken,
} from '../../storefront/security.ts';

describe('the page kit', () => {
  it('escapes every interpolated value unless it is html itself', () => {
    const title = `<script>alert("x")</script>' onload='x' & more`;
    expect(html`<h1 title="${title}">${title}</h1>`.value).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x&#39; &amp; more">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x&#39; &amp; more</h1>',
    );
    expect(html`<p>${html`<b>${'<i>'}</b>`}${[1, '<', null, false, undefined]}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b>1&lt;</p>',
    );
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });

  it('keeps JSON-LD inside its script element whatever the text holds', () => {
    const json = jsonForScript({ name: '</script><script>alert(1)</script>&' }).value;
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>&' });
  });

  it('a CSP with the nonce and nothing unsafe; HSTS only outside the local stage', () => {
    const csp = contentSecurityPolicy('abc123');
    expect(csp).toContain("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(securityHeaders('n', 'local')['strict-transport-security']).toBeUndefined();
    expect(securityHeaders('n', 'prod')['strict-transport-security']).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
  });

  it('CSRF tokens are bound to the session and refused otherwise', () => {
    const token = csrfToken('server-key', 'session-1');
    expect(verifyCsrfToken('server-key', 'session-1', token)).toBe(true);
    expect(verifyCsrfToken('server-key', 'session-2', token)).toBe(false);
    expect(verifyCsrfToken('other-key', 'session-1', token)).toBe(false);
    expect(verifyCsrfToken('server-key', 'session-1', undefined)).toBe(false);
    expect(verifyCsrfToken('server-key', 'session-1', `${token.slice(0, -1)}x`)).toBe(false);
  });

  it('the ETag does not change with the nonce, and does with the content', () => {
    expect(etagOf('<p nonce="AAA">x</p>', 'AAA')).toBe(etagOf('<p nonce="BBB">x</p>', 'BBB'));
    expect(etagOf('<p nonce="AAA">x</p>', 'AAA')).not.toBe(etagOf('<p nonce="AAA">y</p>', 'AAA'));
  });
});

describe("the partner's colours, checked when saved", () => {
  it('refuses text or primary colours below WCAG AA on the background, naming the field and the ratio', async () => {
    const { brandSchema, contrastRatio } = await import('../../core/tenants/tenant.ts');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    const result = brandSchema.safeParse({
      colours: { primary: '#ffcd00', accent: '#ffcd00', background: '#fffdf7', text: '#777777' },
    });
    expect(result.success).toBe(false);
    expect(
      result.error!.issues.map((i) => [i.path.join('.'), (i as { params?: { rule?: string } }).params?.rule]),
    ).toEqual([
      ['colours.text', 'contrast_too_low'],
      ['colours.primary', 'contrast_too_low'],
    ]);
    expect(
      brandSchema.safeParse({
        colours: { primary: '#c8102e', accent: '#ffcd00', background: '#fffdf7', text: '#1d1d1b' },
      }).success,
    ).toBe(true);
  });
});
