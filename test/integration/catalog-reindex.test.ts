import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexCatalog } from '../../adapters/catalog-import.ts';
import { reindexOffers, schemaVersionOf } from '../../adapters/opensearch/bootstrap.ts';
import { toOfferDocument } from '../../adapters/opensearch/offer-document.ts';
import { bulkIndexOffers } from '../../adapters/opensearch/offer-indexer.ts';
import { OFFERS_INDEX_SCHEMA_VERSION } from '../../adapters/opensearch/offers-index.ts';
import { offerSchema } from '../../core/catalog/model.ts';
import { fixtureCatalog, fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  const docs = fixtureCatalog.map((spec) =>
    toOfferDocument(offerSchema.parse(fixtureOffer({ ...spec, version: 4 }))),
  );
  await bulkIndexOffers(platform.services.search, platform.offersAlias, docs, { refresh: true });
});
afterAll(async () => platform?.close());

describe('full reindex behind the alias', () => {
  it('copies every document with its version into a new index and swaps the alias atomically', async () => {
    const { search } = platform.services;
    const before = Object.keys((await search.indices.getAlias({ name: platform.offersAlias })).body);
    const target = await reindexOffers(search, platform.offersAlias, new Date(Date.now() + 60_000));
    const after = Object.keys((await search.indices.getAlias({ name: platform.offersAlias })).body);
    expect(after).toEqual([target]);
    expect(before).not.toContain(target);
    expect(schemaVersionOf(target)).toBe(OFFERS_INDEX_SCHEMA_VERSION);
    expect((await search.indices.exists({ index: before[0]! })).body).toBe(false);
    expect((await search.count({ index: platform.offersAlias })).body.count).toBe(fixtureCatalog.length);
    // External versions survived: an older version is still refused after the swap.
    const doc = await search.get({ index: platform.offersAlias, id: fixtureCatalog[0]!.id });
    expect(doc.body._version).toBe(4);
    const stale = toOfferDocument(offerSchema.parse(fixtureOffer({ ...fixtureCatalog[0]!, version: 3 })));
    const outcome = await bulkIndexOffers(search, platform.offersAlias, [stale]);
    expect(outcome.get(stale.offerId)).toBe('not_newer');
  });

  it('still answers searches through the alias after the swap', async () => {
    const res = await platform.request('/api/v1/search?q=ao%20thun%20nu', { host: 'vn.localhost' });
    expect(res.status).toBe(200);
    expect((await res.json()).hits.map((h: { offerId: string }) => h.offerId)).toContain('tee-women-cotton');
  });

  it('rebuilds documents of an older schema from the offer store, so they get the fields the new one adds', async () => {
    const { search, db } = platform.services;
    const offer = fixtureOffer({ ...fixtureCatalog[0]!, id: 'reindex-brand', version: 7 });
    offer.attributes = [{ key: 'brand', value: { source: '雅鹿', translations: {} } }];
    expect((await importLines(platform, [offer])).stats).toMatchObject({ imported: 1 });
    // What a v3 index held: the same offer without the keywords (attributes and categories).
    const { keywords: _dropped, ...older } = toOfferDocument(offerSchema.parse(offer));
    await search.index({
      index: platform.offersAlias,
      id: offer.offerId,
      body: older,
      version: 7,
      version_type: 'external_gte',
      refresh: true,
    });
    const brandSearch = async () =>
      (
        await (await platform.request('/api/v1/search?q=%E9%9B%85%E9%B9%BF', { host: 'vn.localhost' })).json()
      ).hits.map((h: { offerId: string }) => h.offerId);
    expect(await brandSearch()).not.toContain('reindex-brand');

    await reindexCatalog(
      { db, tableName: platform.tableName, search, offersAlias: platform.offersAlias },
      new Date(Date.now() + 120_000),
    );
    const doc = await search.get({ index: platform.offersAlias, id: offer.offerId });
    expect(doc.body._version).toBe(7);
    expect((doc.body._source as { keywords?: { 'zh-CN': string } }).keywords?.['zh-CN']).toContain('雅鹿');
    expect(await brandSearch()).toContain('reindex-brand');
    // Documents the store does not hold (the fixtures indexed directly above) are still copied.
    expect((await search.count({ index: platform.offersAlias })).body.count).toBe(fixtureCatalog.length + 1);
  });
});
