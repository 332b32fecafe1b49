import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
const OPERATOR = { email: 'ops@sourcefront.test', password: 'operator-password-1' };
const VN_STAFF = { email: 'staff@vn.test', password: 'vn-staff-password' };

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.services.partners.ensureUser({ ...OPERATOR, role: 'operator' }, 'test');
  await platform.services.partners.ensureUser({ ...VN_STAFF, role: 'staff', tenantId: 'vn' }, 'test');
  for (const id of ['vn', 'kr']) await platform.services.partners.recordTenant(id);
});
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
