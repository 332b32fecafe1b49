import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { HOSTILE_OFFER_ID, HOSTILE_TITLE, seedStorefrontCatalog } from '../kit/storefront.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  await seedStorefrontCatalog(platform, 60);
});
afterAll(async () => platform?.close());

const vn = (path: string, init: RequestInit = {}) =>
  platform.request(path, { ...init, host: 'vn.localhost:3000' });
const kr = (path: string, init: RequestInit = {}) =>
  platform.request(path, { ...init, host: 'kr.localhost:3000' });

function scriptsOf(page: string) {
  return [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
}

describe('storefront pages (server-rendered HTML)', () => {
  it("home on vn.localhost is in Vietnamese, in the site's brand, with ₫ prices and pictures from /assets/", async () => {
    const res = await vn('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain('<html lang="vi"');
    expect(page).toContain('Nguồn Hàng Trung Quốc');
    expect(page).toContain('Siêu nhà máy');
    expect(page).toMatch(/\d[\d.]*\s?₫/);
    expect(page).toMatch(/<source type="image\/avif" srcset="\/assets\/seed\/[a-z_]+\/\d\/240\.avif 240w/);
    expect(page.toLowerCase()).not.toContain('sourcefront');
  });

  it('kr.localhost is Korean with ₩ and its own brand, never the other site’s', async () => {
    const page = await (await kr('/')).text();
    expect(page).toContain('<html lang="ko"');
    expect(page).toContain('중국도매 소싱');
    expect(page).toContain('₩');
    expect(page).not.toContain('Nguồn Hàng');
    expect(page.toLowerCase()).not.toContain('sourcefront');
  });

  it('every HTML answer carries a nonce CSP (no unsafe-inline), nosniff, referrer policy and frame-ancestors; every script has the nonce', async () => {
    for (const path of ['/', '/search?q=ao+thun', '/c/womens_wear', '/offers/tee-women-cotton', '/nowhere']) {
      const res = await vn(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      // Local stage is plain HTTP: no HSTS (deployed stages send it).
      expect(res.headers.get('strict-transport-security')).toBeNull();
      const page = await res.text();
      for (const attrs of scriptsOf(page)) expect(attrs, path).toContain(`nonce="${nonce}"`);
    }
    const other = await vn('/');
    expect(other.headers.get('content-security-policy')).not.toBe(
      (await vn('/')).headers.get('content-security-policy'),
    );
  });

  it('catalog pages are cacheable briefly with stale-while-revalidate; a matching If-None-Match answers 304', async () => {
    const first = await vn('/offers/tee-women-cotton');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await vn('/offers/tee-women-cotton', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await vn('/offers/tee-women-cotton?lang=en', { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
  });

  it('pages are compressed as CloudFront compresses them: Brotli or gzip as accepted, identity otherwise', async () => {
    const raw = (acceptEncoding?: string, ifNoneMatch?: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const url = new URL('/offers/tee-women-cotton', platform.baseUrl);
        get(
          url,
          {
            headers: {
              host: 'vn.localhost:3000',
              ...(acceptEncoding && { 'accept-encoding': acceptEncoding }),
              ...(ifNoneMatch && { 'if-none-match': ifNoneMatch }),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        ).on('error', reject);
      });
    // Every answer carries its own CSP nonce: compare the pages without it.
    const page = (body: Buffer) => body.toString().replace(/nonce="[^"]+"/g, 'nonce=""');
    const plain = await raw();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toMatch(/^"[\w-]+"$/);
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(page(brotliDecompressSync(br.body))).toBe(page(plain.body));
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    // The weak ETag the viewer keeps still answers 304.
    expect(br.headers.etag).toBe(`W/${plain.headers.etag}`);
    const revalidated = await raw('br', br.headers.etag as string);
    expect(revalidated.body.length).toBe(0);
    const gz = await raw('gzip;q=1, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(page(gunzipSync(gz.body))).toBe(page(plain.body));
  });

  it('search shows results with facets and sorting, filters applied from the form’s GET', async () => {
    const page = await (await vn('/search?q=ao+thun')).text();
    expect(page).toContain('Áo thun nữ cotton mùa hè');
    expect(page).toContain('<select id="f-sort" name="sort">');
    expect(page).toMatch(/name="badges" value="ship_48h"/);
    const sorted = await (await vn('/search?q=ao+thun&sort=price_asc')).text();
    const a = sorted.indexOf('Áo thun nữ dáng rộng');
    const b = sorted.indexOf('Áo thun nữ cotton mùa hè');
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(b);
    const filtered = await (await vn('/search?q=ao+thun&belt=guangzhou')).text();
    expect(filtered).toContain('Áo thun nữ cotton mùa hè');
    expect(filtered).not.toContain('Áo thun nữ dáng rộng');
    // A plain query may be indexed; a filtered or sorted one says noindex.
    expect(page).not.toContain('<meta name="robots" content="noindex">');
    expect(filtered).toContain('<meta name="robots" content="noindex">');
    expect(sorted).toContain('<meta name="robots" content="noindex">');
    // A hand-edited bad value is dropped, not a 400.
    expect((await vn('/search?q=ao+thun&priceMin=abc')).status).toBe(200);
  });

  it('category pages: breadcrumb, localized name; an unknown category is the localized 404 page', async () => {
    const page = await (await vn('/c/womens_wear')).text();
    expect(page).toMatch(/<h1 id="results-heading">[^<]+<\/h1>/);
    expect(page).toContain('Áo thun nữ cotton mùa hè');
    const missing = await vn('/c/not_a_category');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
  });

  it('offer page: tier ladder in ₫, MOQ, SKUs, supplier card, landed cost per lane, the Chinese original, JSON-LD Product with AggregateOffer in VND', async () => {
    const page = await (await vn('/offers/tee-women-cotton')).text();
    expect(page).toContain('<h1 lang="vi">Áo thun nữ cotton mùa hè</h1>');
    expect(page).toContain('<p lang="zh-CN">夏季纯棉女士T恤</p>');
    expect(page).toContain('Số lượng tối thiểu: 2');
    expect(page).toContain('name="skuId"');
    expect(page).toContain('Công ty TNHH Jiamei Nghĩa Ô');
    expect(page).toMatch(/Chi phí về đến nơi/);
    const ld = [...page.matchAll(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/gs)].map((m) =>
      JSON.parse(m[1]!),
    );
    const product = ld.find((d) => d['@type'] === 'Product');
    expect(product.offers).toMatchObject({ '@type': 'AggregateOffer', priceCurrency: 'VND' });
    expect(Number(product.offers.lowPrice)).toBeGreaterThan(0);
    expect(page).toContain('<link rel="canonical" href="http://vn.localhost:3000/offers/tee-women-cotton">');
    expect(page).toContain(
      '<link rel="alternate" hreflang="en" href="http://vn.localhost:3000/offers/tee-women-cotton?lang=en">',
    );
    expect(page).toContain('<meta property="og:type" content="product">');
  });

  it('the language switcher offers the site’s locales; ?lang=en renders English', async () => {
    const page = await (await vn('/offers/tee-women-cotton?lang=en')).text();
    expect(page).toContain('<html lang="en"');
    expect(page).toContain("Summer Cotton Women's T-Shirt".replace("'", '&#39;'));
    expect(page).toMatch(/<a href="\/offers\/tee-women-cotton" hreflang="vi" lang="vi">Tiếng Việt<\/a>/);
    expect(page).not.toContain('hreflang="ko"');
    // One URL, one language: a browser's Accept-Language does not change the page.
    const guessed = await (await vn('/', { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text();
    expect(guessed).toContain('<html lang="vi"');
  });

  it('a supplier title with <script> is escaped text in the page and in its JSON-LD', async () => {
    const page = await (await vn(`/offers/${HOSTILE_OFFER_ID}`)).text();
    expect(page).not.toContain(HOSTILE_TITLE);
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(page).not.toMatch(/<script>window/);
    expect(page).not.toMatch(/<\/script><img/);
  });

  it('an unknown path is the site’s localized 404 page; /api/ and hosts without a site keep the JSON error', async () => {
    const res = await kr('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain('페이지를 찾을 수 없습니다');
    expect(page).toContain('중국도매 소싱');
    const offer = await vn('/offers/no-such-offer-here');
    expect(offer.status).toBe(404);
    expect(await offer.text()).toContain('Không tìm thấy trang');
    const api = await vn('/api/v1/nowhere');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('robots.txt and a sitemap per site, with hreflang alternates', async () => {
    const robots = await (await vn('/robots.txt')).text();
    expect(robots).toContain('Sitemap: http://vn.localhost:3000/sitemap.xml');
    const sitemap = await vn('/sitemap.xml');
    expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await sitemap.text();
    expect(xml).toContain('<loc>http://vn.localhost:3000/c/womens_wear</loc>');
    expect(xml).toContain('hreflang="en" href="http://vn.localhost:3000/c/womens_wear?lang=en"');
  });

  it('serves the seed pictures from /assets/ as real AVIF, WebP and JPEG, cached for a year', async () => {
    const avif = await vn('/assets/seed/womens_wear/1/240.avif');
    expect(avif.status).toBe(200);
    expect(avif.headers.get('content-type')).toBe('image/avif');
    expect(avif.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await avif.arrayBuffer());
    expect(bytes.subarray(4, 12).toString('latin1')).toBe('ftypavif');
    const jpeg = Buffer.from(await (await vn('/assets/seed/womens_wear/1/480.jpg')).arrayBuffer());
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const webp = Buffer.from(await (await vn('/assets/seed/womens_wear/1/960.webp')).arrayBuffer());
    expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect((await vn('/assets/seed/womens_wear/1/123.jpg')).status).toBe(404);
    expect((await vn('/assets/../secrets/x/240.jpg')).status).toBe(404);
  });
});
