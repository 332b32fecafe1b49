import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTenants } from '../../local/seed/demo-tenants.ts';
import { fixtureCatalog, fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;

async function get(path: string, host = 'vn.localhost') {
  const res = await platform.request(path, { host });
  return { status: res.status, body: await res.json() };
}

const search = (params: Record<string, string>, host?: string) =>
  get(`/api/v1/search?${new URLSearchParams(params)}`, host);

beforeAll(async () => {
  platform = await startTestPlatform();
  // A partner that sells apparel only, from factories with 48h shipping.
  await platform.services.tenantRepository.put({
    ...demoTenants[0]!,
    id: 'curated',
    domains: ['curated.localhost'],
    curation: { categories: ['apparel'], supplierTiers: [], requiredBadges: ['ship_48h'], belts: [] },
  });
  const { stats, rejects } = await importLines(platform, fixtureCatalog.map(fixtureOffer));
  expect(rejects).toEqual([]);
  expect(stats.imported).toBe(fixtureCatalog.length);
});
afterAll(async () => platform?.close());

describe('search in the buyer’s language', () => {
  it('finds Vietnamese with or without diacritics, the same offers in the same order, with VND prices', async () => {
    const plain = await search({ q: 'ao thun nu' });
    const marked = await search({ q: 'áo thun nữ' });
    expect(plain.status).toBe(200);
    const ids = plain.body.hits.map((h: { offerId: string }) => h.offerId);
    expect(ids.slice(0, 2).sort()).toEqual(['tee-women-cotton', 'tee-women-loose']);
    expect(marked.body.hits.map((h: { offerId: string }) => h.offerId)).toEqual(ids);
    const top = plain.body.hits[0];
    expect(top.title).toMatchObject({ lang: 'vi', stale: false });
    expect(top.title.text).toMatch(/^Áo thun nữ/);
    expect(plain.body.currency).toBe('VND');
    expect(top.price.from.currency).toBe('VND');
    expect(Number.isInteger(top.price.from.amountMinor)).toBe(true);
    expect(top.price.from.amountMinor % 1000).toBe(0); // the vn tenant rounds up to 1,000 đồng
    expect(top.price.from.formatted).toContain('₫');
    expect(top.badges.map((b: { name: string }) => b.name)).toContain('Giao trong 48 giờ');
  });

  it('finds Korean by bigrams and answers in Korean with KRW', async () => {
    const { body } = await search({ q: '티셔츠' }, 'kr.localhost');
    // both bigrams (티셔, 셔츠) first; the polo shirt (셔츠 only) is a substitute after them
    expect(
      body.hits
        .map((h: { offerId: string }) => h.offerId)
        .slice(0, 2)
        .sort(),
    ).toEqual(['tee-women-cotton', 'tee-women-loose']);
    expect(body.hits.map((h: { offerId: string }) => h.offerId).slice(2)).toEqual(['tee-men-polo']);
    expect(body.hits[0].title.text).toMatch(/티셔츠/);
    expect(body.hits[0].price.from.currency).toBe('KRW');
    expect(body.hits[0].price.from.formatted).toContain('₩');
  });

  it('stems English and falls back to the Chinese original', async () => {
    const en = await search({ q: 'wireless earbud', lang: 'en' });
    expect(en.body.hits[0].offerId).toBe('earbuds');
    expect(en.body.hits[0].title.text).toBe('Noise-Cancelling Wireless Bluetooth Earbuds');
    const zh = await search({ q: '连衣裙' });
    expect(zh.body.hits.map((h: { offerId: string }) => h.offerId)).toEqual(['dress-chiffon']);
    expect(zh.body.hits[0].title.lang).toBe('vi');
  });

  it('browses with an empty query, sorted by price', async () => {
    const { body } = await search({ sort: 'price_asc', size: '50' });
    expect(body.total).toBe(fixtureCatalog.length);
    const prices = body.hits.map(
      (h: { price: { from: { amountMinor: number } } }) => h.price.from.amountMinor,
    );
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('suggests phrases buyers type, not whole titles, in each language', async () => {
    const { status, body } = await get(`/api/v1/search/suggest?q=${encodeURIComponent('tai ng')}`);
    expect(status).toBe(200);
    expect(body.queries).toEqual(['tai nghe bluetooth']);
    const en = await get(`/api/v1/search/suggest?q=${encodeURIComponent('wom')}&lang=en`);
    expect(en.body.queries).toEqual(["women's t-shirt", "women's cotton"]);
    const ko = await get(`/api/v1/search/suggest?q=${encodeURIComponent('여성')}`, 'kr.localhost');
    expect(ko.body.queries).toContain('여성 티셔츠');
    const zh = await get(`/api/v1/search/suggest?q=${encodeURIComponent('连衣')}`, 'my.localhost');
    expect(zh.body.queries).toEqual(['连衣裙']);
  });

  it('rejects an unknown sort or a forged cursor with a field error', async () => {
    const badSort = await search({ sort: 'cheapest' });
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['query.sort']);
    const page = await search({ sort: 'newest', size: '2' });
    // A cursor is bound to its sort: replaying it under another sort is refused, not misread.
    const replayed = await search({ sort: 'price_asc', cursor: page.body.nextCursor });
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['query.cursor']);
  });
});

describe('well-formed but wrong input never reaches OpenSearch', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const fieldsOf = (body: { error: { code: string; fields: { path: string }[] } }) => ({
    code: body.error.code,
    fields: body.error.fields.map((f) => f.path),
  });

  it('answers 400 naming the cursor for a cursor of garbage, of another sort, of wrong types or too long', async () => {
    const page = await search({ sort: 'newest', size: '2' });
    expect(page.status).toBe(200);
    const cases: Record<string, string>[] = [
      { cursor: Buffer.from('{"garbage').toString('base64url') },
      { sort: 'price_asc', cursor: page.body.nextCursor },
      { sort: 'price_asc', cursor: forged({ s: 'price_asc', a: ['abc', 'tee-women-cotton'] }) },
      { sort: 'newest', cursor: forged({ s: 'newest', a: ['yesterday', 'tee-women-cotton'] }) },
      { cursor: forged({ s: 'relevance', a: ['abc', 'x', 'y'] }) },
      { sort: 'price_desc', cursor: forged({ s: 'price_desc', a: [100, 'x'.repeat(200)] }) },
      { cursor: 'A'.repeat(600) },
    ];
    for (const params of cases) {
      const res = await search(params);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(fieldsOf(res.body)).toEqual({ code: 'VALIDATION_FAILED', fields: ['query.cursor'] });
    }
  });

  it('answers 400 naming q for an over-long query, and 200 for the longest allowed in every script', async () => {
    const long = await search({ q: 'áo '.repeat(70) });
    expect(long.status).toBe(400);
    expect(fieldsOf(long.body)).toEqual({ code: 'VALIDATION_FAILED', fields: ['query.q'] });
    const longSuggest = await get(`/api/v1/search/suggest?q=${'x'.repeat(101)}`);
    expect(longSuggest.status).toBe(400);
    expect(fieldsOf(longSuggest.body)).toEqual({ code: 'VALIDATION_FAILED', fields: ['query.q'] });
    // The most terms a query can analyse to: CJK bigrams, one-letter words, diacritics.
    for (const q of ['连衣裙'.repeat(66), '티셔츠'.repeat(66), 'a '.repeat(100), 'ăâđêôơư '.repeat(25)]) {
      for (const lang of ['vi', 'ko', 'en', 'zh-CN']) {
        expect((await search({ q: q.slice(0, 200), lang })).status, `${lang} ${q.slice(0, 9)}`).toBe(200);
        const suggest = await get(
          `/api/v1/search/suggest?${new URLSearchParams({ q: q.slice(0, 100), lang })}`,
        );
        expect(suggest.status).toBe(200);
      }
    }
  });
});

describe('facets', () => {
  it('each count equals the number of results when filtering by that value', async () => {
    const base = await search({ size: '50' });
    const { categories, belts, badges, price } = base.body.facets;
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect((await search({ category: c.id })).body.total, c.id).toBe(c.count);
    for (const b of belts) expect((await search({ belt: b.id })).body.total, b.id).toBe(b.count);
    for (const b of badges) expect((await search({ badges: b.id })).body.total, b.id).toBe(b.count);
    expect(price.length).toBeGreaterThan(1);
    for (const p of price) {
      const params: Record<string, string> = {};
      if (p.min !== undefined) params.priceMin = String(p.min);
      if (p.max !== undefined) params.priceMax = String(p.max);
      expect((await search(params)).body.total, p.label).toBe(p.count);
    }
    expect(price.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(base.body.total);
  });

  it('browsing one category, still counts the other categories and belts as selecting them returns', async () => {
    const base = await search({ size: '50' });
    const [first, second] = base.body.facets.categories.filter((c: { level: number }) => c.level === 2);
    const browsing = await search({ category: first.id });
    expect(browsing.body.total).toBe(first.count);
    // The category facet counts without its own filter: the other category is there, as before.
    const other = browsing.body.facets.categories.find((c: { id: string }) => c.id === second.id);
    expect(other?.count).toBe(second.count);
    for (const b of browsing.body.facets.belts)
      expect((await search({ category: first.id, belt: b.id })).body.total, b.id).toBe(b.count);
    // A curated site counts only what it sells, even for the filtered dimension.
    const curated = await search({ category: 'womens_wear' }, 'curated.localhost');
    expect(
      curated.body.facets.categories.reduce(
        (n: number, c: { level: number; count: number }) => n + (c.level === 2 ? c.count : 0),
        0,
      ),
    ).toBe(2);
  });

  it('keeps other dimensions’ counts under a filter (facet counts agree under combined filters too)', async () => {
    const filtered = await search({ badges: 'ship_48h' });
    for (const c of filtered.body.facets.categories)
      expect((await search({ badges: 'ship_48h', category: c.id })).body.total).toBe(c.count);
  });
});

describe('curation', () => {
  it('never shows an offer outside the tenant’s curation, whatever the request asks', async () => {
    const all = await search({ size: '50' }, 'curated.localhost');
    expect(all.body.hits.map((h: { offerId: string }) => h.offerId).sort()).toEqual([
      'tee-women-cotton',
      'tee-women-loose',
    ]);
    expect((await search({ q: 'LED' }, 'curated.localhost')).body.total).toBe(0);
    expect((await search({ category: 'lighting' }, 'curated.localhost')).body.total).toBe(0);
    const suggest = await get('/api/v1/search/suggest?q=den', 'curated.localhost');
    expect(suggest.body.queries).toEqual([]);
  });

  it('answers 404 for an offer outside the curation, 200 inside', async () => {
    const outside = await get('/api/v1/offers/led-bulb-9w', 'curated.localhost');
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('OFFER_NOT_FOUND');
    expect((await get('/api/v1/offers/tee-women-cotton', 'curated.localhost')).status).toBe(200);
    expect((await get('/api/v1/offers/led-bulb-9w')).status).toBe(200);
  });
});

describe('categories', () => {
  it('lists the taxonomy in the buyer’s language, only what the tenant sells', async () => {
    const vn = await get('/api/v1/categories');
    expect(vn.body.categories).toHaveLength(16);
    expect(vn.body.categories[2]).toMatchObject({ id: 'apparel', name: 'Quần áo & phụ kiện' });
    const curated = await get('/api/v1/categories', 'curated.localhost');
    expect(curated.body.categories.map((c: { id: string }) => c.id)).toEqual(['apparel']);
    expect(curated.body.categories[0].children.map((c: { name: string }) => c.name)).toEqual([
      'Thời trang nữ',
      'Thời trang nam',
      'Đồ lót & tất',
    ]);
  });
});

describe('pagination', () => {
  it.each(['relevance', 'price_asc', 'price_desc', 'newest'])(
    'walks every page once with no duplicates or gaps (%s)',
    async (sort) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page++) {
        const params: Record<string, string> = { sort, size: '5', ...(cursor && { cursor }) };
        const { body } = await search(params);
        seen.push(...body.hits.map((h: { offerId: string }) => h.offerId));
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toHaveLength(fixtureCatalog.length);
      expect(new Set(seen).size).toBe(fixtureCatalog.length);
    },
  );
});
