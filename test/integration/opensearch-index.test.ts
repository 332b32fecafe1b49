import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  const { search } = platform.services;
  const docs = [
    {
      offerId: 'o1',
      title: {
        vi: 'Áo thun nữ cotton',
        'zh-CN': '女士纯棉T恤',
        ko: '여성 면 티셔츠',
        en: "Women's cotton T-shirts",
      },
    },
    {
      offerId: 'o2',
      title: {
        vi: 'Đèn LED trang trí',
        'zh-CN': 'LED装饰灯',
        ko: 'LED 장식 조명',
        en: 'Decorative LED lights',
      },
    },
  ];
  await search.bulk({
    index: platform.offersAlias,
    refresh: 'wait_for',
    body: docs.flatMap((d) => [{ index: { _id: d.offerId } }, { ...d, listed: true }]),
  });
});
afterAll(async () => platform?.close());

async function titles(field: string, query: string): Promise<string[]> {
  const { body } = await platform.services.search.search({
    index: platform.offersAlias,
    body: { query: { match: { [field]: query } } },
  });
  return body.hits.hits.map((h) => String(h._id));
}

describe('the offers index on the real OpenSearch node', () => {
  it('finds Vietnamese with or without diacritics', async () => {
    expect(await titles('title.vi', 'ao thun nu')).toEqual(['o1']);
    expect(await titles('title.vi', 'áo thun nữ')).toEqual(['o1']);
    expect(await titles('title.vi', 'den led')).toEqual(['o2']);
  });

  it('finds Korean and Chinese by bigrams and English by stem', async () => {
    expect(await titles('title.ko', '티셔츠')).toEqual(['o1']);
    expect(await titles('title.zh-CN', '纯棉')).toEqual(['o1']);
    expect(await titles('title.en', 'woman t-shirt')).toEqual(['o1']);
    expect(await titles('title.en', 'light')).toEqual(['o2']);
  });

  it('refuses a document with a field outside the mapping', async () => {
    await expect(
      platform.services.search.index({ index: platform.offersAlias, body: { offerId: 'x', price: 1 } }),
    ).rejects.toThrow(/strict_dynamic_mapping_exception|not allowed/);
  });
});
