import '../../core/partners/i18n.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferInput } from '../../core/catalog/model.ts';
import { fixtureCatalog, fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { HOSTILE_TITLE, seedStorefrontCatalog } from '../kit/storefront.ts';

/**
 * The console's translations page against the real local servers: the offers a site sells
 * (found through the storefront's search port under the tenant's curation), source, translation
 * and wording side by side; the form saves through the admin API's rules (audited), the
 * storefront then shows the wording; vn's users never read nor write kr's.
 */
let platform: TestPlatform;
let offers: OfferInput[];
const VN_STAFF = { email: 'staff@vn-translations.test', password: 'vn-staff-password' };
const KR_OWNER = { email: 'owner@kr-translations.test', password: 'kr-owner-password' };
const TEE = 'tee-women-cotton';
const TEE_ZH = '夏季纯棉女士T恤';

beforeAll(async () => {
  platform = await startTestPlatform();
  offers = await seedStorefrontCatalog(platform, 0);
  const { partners, tenantRepository } = platform.services;
  for (const id of ['vn', 'kr']) await partners.recordTenant(id);
  await partners.ensureUser({ ...VN_STAFF, role: 'staff', tenantId: 'vn' }, 'test');
  await partners.ensureUser({ ...KR_OWNER, role: 'owner', tenantId: 'kr' }, 'test');
  // kr sells men's wear only: its list must not show the women's tee.
  const kr = await tenantRepository.versioned('kr');
  await tenantRepository.update(
    {
      ...kr!.tenant,
      curation: { categories: ['mens_wear'], supplierTiers: [], requiredBadges: [], belts: [] },
    },
    kr!.version,
    'test',
  );
});
afterAll(async () => platform?.close());

/** A browser-like client of the console host: keeps cookies, does not follow redirects. */
function consoleClient() {
  const jar = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await platform.request(path, { ...init, headers, host: 'console.localhost:3000' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...value] = pair!.split('=');
      if (attrs.some((a) => /max-age=0/i.test(a.trim()))) jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    return res;
  };
  const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  return {
    request,
    post,
    csrfOf,
    async signIn(user: { email: string; password: string }) {
      const form = await (await request('/sign-in')).text();
      const res = await post('/sign-in', { csrf: csrfOf(form), email: user.email, password: user.password });
      expect(res.status).toBe(303);
    },
    async page(path: string) {
      const res = await request(path);
      expect(res.status, path).toBe(200);
      return res.text();
    },
  };
}

const offerPage = async (host: string, offerId = TEE) => {
  const res = await platform.request(`/offers/${offerId}`, { host });
  expect(res.status).toBe(200);
  return res.text();
};

/** The form fields of one offer's section as the page renders them (what a browser would post). */
function formOf(page: string, offerId: string): Record<string, string> {
  const start = page.indexOf(`action="/tenants/vn/translations/${offerId}"`);
  expect(start, `the form of ${offerId}`).toBeGreaterThan(-1);
  const form = page.slice(start, page.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"/g))
    fields[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return fields;
}

describe('the translations page', () => {
  it("lists the site's offers: Chinese source marked zh-CN, the current translation per site locale, escaped", async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const page = await staff.page('/tenants/vn/translations');
    expect(page).toContain('href="/tenants/vn/translations"');
    expect(page).toContain('<h1>Translations</h1>');
    expect(page).toContain(`<span lang="zh-CN">${TEE_ZH}</span>`);
    expect(page).toContain('<span lang="vi">Áo thun nữ cotton mùa hè</span>');
    expect(page).toContain(`<span lang="en">Summer Cotton Women&#39;s T-Shirt</span>`);
    // vn's site is in vi and en: no Korean column.
    expect(page).not.toContain('여름 면 여성 티셔츠');
    expect(page).not.toContain(HOSTILE_TITLE);
    const hostile = await staff.page(`/tenants/vn/translations?q=${encodeURIComponent('script')}`);
    expect(hostile).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(hostile).not.toContain('<script>window.__pwned');
  });

  it('searches in any language: Korean, Chinese and Vietnamese find the same tee', async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    for (const q of ['여름 면 여성 티셔츠', TEE_ZH, 'ao thun nu cotton']) {
      const page = await staff.page(`/tenants/vn/translations?q=${encodeURIComponent(q)}`);
      // The best match comes first.
      expect(/action="\/tenants\/vn\/translations\/([\w-]+)"/.exec(page)?.[1], q).toBe(TEE);
    }
  });

  it("shows only the tenant's curation: kr (men's wear) lists the polo, not the women's tee", async () => {
    const owner = consoleClient();
    await owner.signIn(KR_OWNER);
    const page = await owner.page('/tenants/kr/translations');
    expect(page).toContain('action="/tenants/kr/translations/tee-men-polo"');
    expect(page).not.toContain(`action="/tenants/kr/translations/${TEE}"`);
    expect(page).toContain('<span lang="ko">비즈니스 남성 폴로 셔츠</span>');
  });
});

describe("saving the partner's wording", () => {
  it('staff save, the storefront shows the wording on vn only, the audit log names who and what', async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const page = await staff.page(`/tenants/vn/translations?q=${encodeURIComponent(TEE_ZH)}`);
    const fields = formOf(page, TEE);
    expect(fields['title.vi']).toBe('');
    const res = await staff.post(`/tenants/vn/translations/${TEE}`, {
      ...fields,
      'title.vi': 'Áo thun cotton cao cấp cho nữ',
      'attributes.material.en': '100% cotton',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/tenants/vn/translations?q=${encodeURIComponent(TEE_ZH).replace(/%20/g, '+')}&saved=${TEE}#offer-${TEE}`,
    );
    const after = await staff.page(res.headers.get('location')!.split('#')[0]!);
    expect(after).toContain(`Wording of offer ${TEE} saved.`);
    expect(after).toContain('value="Áo thun cotton cao cấp cho nữ"');
    expect(await offerPage('vn.localhost:3000')).toContain('Áo thun cotton cao cấp cho nữ');
    const kr = await offerPage('kr.localhost:3000', 'tee-men-polo');
    expect(kr).not.toContain('Áo thun cotton cao cấp');
    const audit = await staff.page('/tenants/vn/audit');
    expect(audit).toContain('Wording of an offer changed');
    expect(audit).toContain(`user:${VN_STAFF.email}`);
    expect(audit).toContain(TEE);
    expect(audit).toContain('<li>title.vi</li>');
    expect(audit).toContain('<li>attributes.material.en</li>');
  });

  it('bad input is a localized field error on that input, with what was typed, and changes nothing', async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const before = await platform.services.offers.getOverride('vn', TEE);
    const auditBefore = (await platform.services.tenantRepository.audit('vn')).length;
    const page = await staff.page(`/tenants/vn/translations?q=${encodeURIComponent(TEE_ZH)}&lang=vi`);
    const long = 'dài'.repeat(200);
    const res = await staff.post(
      `/tenants/vn/translations/${TEE}`,
      { ...formOf(page, TEE), 'title.en': long, 'title.vi': 'Một cách diễn đạt khác' },
      { 'accept-language': 'vi' },
    );
    expect(res.status).toBe(400);
    const again = await res.text();
    expect(again).toContain('<html lang="vi"');
    expect(again).toMatch(/aria-invalid="true"/);
    expect(again).toContain(`value="${long}"`);
    expect(again).toContain('value="Một cách diễn đạt khác"');
    expect(again).toMatch(/class="sc-field-error" id="w-tee-women-cotton-title_en-error">[^<]*500/);
    expect(await platform.services.offers.getOverride('vn', TEE)).toEqual(before);
    expect((await platform.services.tenantRepository.audit('vn')).length).toBe(auditBefore);
    expect(await offerPage('vn.localhost:3000')).toContain('Áo thun cotton cao cấp cho nữ');
  });

  it('clearing every box removes the override: the storefront shows the translation again', async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const page = await staff.page(`/tenants/vn/translations?q=${encodeURIComponent(TEE_ZH)}`);
    const cleared = Object.fromEntries(
      Object.entries(formOf(page, TEE)).map(([k, v]) => [k, k === 'csrf' || k === 'back' ? v : '']),
    );
    expect((await staff.post(`/tenants/vn/translations/${TEE}`, cleared)).status).toBe(303);
    expect(await platform.services.offers.getOverride('vn', TEE)).toBeUndefined();
    const shown = await offerPage('vn.localhost:3000');
    expect(shown).not.toContain('Áo thun cotton cao cấp cho nữ');
    expect(shown).toContain('Áo thun nữ cotton mùa hè');
  });
});

describe('stale flags', () => {
  it('a new Chinese source flags the old translation and the wording written before it; "only stale" finds it', async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const spec = fixtureCatalog.find((s) => s.id === 'tee-men-polo')!;
    const page = await staff.page('/tenants/vn/translations?q=polo');
    expect(
      (
        await staff.post('/tenants/vn/translations/tee-men-polo', {
          ...formOf(page, 'tee-men-polo'),
          'title.vi': 'Áo polo nam lịch lãm',
        })
      ).status,
    ).toBe(303);
    const fresh = await staff.page('/tenants/vn/translations?q=polo&stale=1');
    expect(fresh).not.toContain('action="/tenants/vn/translations/tee-men-polo"');
    // The supplier renames the offer; the translations still carry the old source's digest.
    const old = offers.find((o) => o.offerId === 'tee-men-polo')!;
    const renamed = fixtureOffer({ ...spec, version: 2 });
    renamed.title = { ...old.title, source: '商务男士POLO衫 新款' } as OfferInput['title'];
    renamed.images = old.images;
    const { rejects } = await importLines(platform, [renamed]);
    expect(rejects).toEqual([]);
    const stale = await staff.page('/tenants/vn/translations?q=polo&stale=1');
    expect(stale).toContain('action="/tenants/vn/translations/tee-men-polo"');
    expect(stale).toContain('<span lang="zh-CN">商务男士POLO衫 新款</span>');
    expect(stale).toContain('Stale: the Chinese source changed after this translation');
    expect(stale).toContain('Stale: the Chinese source changed after your wording was saved');
    // Only stale offers: the tee (translations current, no wording) is not listed.
    expect(stale).not.toContain(`action="/tenants/vn/translations/${TEE}"`);
  });
});

describe('tenant isolation and roles', () => {
  it("vn's staff can neither read nor write kr's wording (403), and kr's stays as it was", async () => {
    const owner = consoleClient();
    await owner.signIn(KR_OWNER);
    const krPage = await owner.page('/tenants/kr/translations?q=polo');
    expect(
      (
        await owner.post('/tenants/kr/translations/tee-men-polo', {
          csrf: owner.csrfOf(krPage),
          'title.ko': '비즈니스 폴로 셔츠 (kr)',
        })
      ).status,
    ).toBe(303);
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const read = await staff.request('/tenants/kr/translations');
    expect(read.status).toBe(403);
    expect(await read.text()).not.toContain('비즈니스 폴로 셔츠 (kr)');
    const vnPage = await staff.page('/tenants/vn/translations');
    const write = await staff.post('/tenants/kr/translations/tee-men-polo', {
      csrf: staff.csrfOf(vnPage),
      'title.ko': 'hijacked',
    });
    expect(write.status).toBe(403);
    expect(await platform.services.offers.getOverride('kr', 'tee-men-polo')).toEqual({
      fields: { title: { ko: '비즈니스 폴로 셔츠 (kr)' } },
    });
    expect(await offerPage('kr.localhost:3000', 'tee-men-polo')).toContain('비즈니스 폴로 셔츠 (kr)');
  });

  it('a forged form token is refused (403); an unknown offer is 404; signed out goes to sign-in', async () => {
    const staff = consoleClient();
    await staff.signIn(VN_STAFF);
    const page = await staff.page('/tenants/vn/translations');
    expect(
      (await staff.post(`/tenants/vn/translations/${TEE}`, { csrf: 'forged', 'title.vi': 'x' })).status,
    ).toBe(403);
    expect(await platform.services.offers.getOverride('vn', TEE)).toBeUndefined();
    const unknown = await staff.post('/tenants/vn/translations/no-such-offer', {
      csrf: staff.csrfOf(page),
      'title.vi': 'x',
    });
    expect(unknown.status).toBe(404);
    const anonymous = await consoleClient().request('/tenants/vn/translations');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Ftenants%2Fvn%2Ftranslations');
  });

  it("the admin API's PUT follows the same rules: audited as the key, kr's key refused, an empty override removed", async () => {
    const { tenantAdmin, offers: store, tenantRepository } = platform.services;
    const vnKey = await tenantAdmin.createKey({ kind: 'operator' }, 'vn', 'translations test');
    const krKey = await tenantAdmin.createKey({ kind: 'operator' }, 'kr', 'translations test');
    const put = (key: string, body: unknown) =>
      platform.request(`/api/v1/admin/tenants/vn/offers/${TEE}/overrides`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    const override = { fields: { title: { en: 'Cotton tee for women' } } };
    expect((await put(krKey.key, override)).status).toBe(403);
    expect((await put(vnKey.key, override)).status).toBe(200);
    expect(await store.getOverride('vn', TEE)).toEqual(override);
    const [last] = await tenantRepository.audit('vn', 1);
    expect(last).toMatchObject({
      action: 'override.saved',
      actor: `key:vn/${vnKey.keyId}`,
      offerId: TEE,
      changes: [{ path: 'title.en' }],
    });
    expect((await put(vnKey.key, { fields: {} })).status).toBe(200);
    expect(await store.getOverride('vn', TEE)).toBeUndefined();
  });
});
