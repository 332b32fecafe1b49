import { describe, expect, it } from 'vitest';
import {
  buildDidYouMeanBody,
  buildSearchBody,
  hasMarks,
  LONG_QUERY,
} from '../../adapters/opensearch/offer-query.ts';
import { parseDidYouMean } from '../../adapters/opensearch/offer-results.ts';
import { offersIndexBody, synonymFilters } from '../../adapters/opensearch/offers-index.ts';
import type { OfferSearchCriteria } from '../../core/catalog/search.ts';
import { typeaheadPhrase, typeaheadPhrases } from '../../core/catalog/search-results.ts';
import { generateOffer } from '../../local/seed/generator/generate.ts';

const criteria = (text: string, locale: OfferSearchCriteria['locale'] = 'vi'): OfferSearchCriteria => ({
  text,
  locale,
  curation: { categories: [], supplierTiers: [], requiredBadges: [], belts: [] },
  filters: { badges: [], priceFen: {} },
  priceRanges: [],
  sort: 'relevance',
  size: 10,
});

describe('typeahead phrases', () => {
  it('gives the typed words and the next one, not the whole title', () => {
    expect(typeaheadPhrase('Tai nghe bluetooth không dây chống ồn', 'tai ng', 'vi')).toBe(
      'tai nghe bluetooth',
    );
    expect(typeaheadPhrase('Tai nghe không dây chống ồn', 'tai nghe khong', 'vi')).toBe('tai nghe không dây');
    expect(typeaheadPhrase('Ốp lưng iPhone 15, trơn màu', 'op lung iphone 1', 'vi')).toBe(
      'ốp lưng iphone 15',
    );
  });
  it('stops at the end of a keyword group', () => {
    expect(typeaheadPhrase('Áo thun nữ - bán sỉ', 'ao thun n', 'vi')).toBe('áo thun nữ');
    expect(typeaheadPhrase('Women’s Tee, Cotton', 'women’s te', 'en')).toBe('women’s tee');
  });
  it('takes the Chinese keyword group holding the text, and Korean words as typed', () => {
    expect(typeaheadPhrase('碎花雪纺连衣裙女夏 法式收腰显瘦', '连衣裙', 'zh-CN')).toBe('连衣裙女夏');
    expect(typeaheadPhrase('여름 면 반팔 티셔츠 여성', '반팔', 'ko')).toBe('반팔 티셔츠');
  });
  it('orders phrases by how many titles offer them', () => {
    const titles = [
      'Tai nghe có dây 3.5mm',
      'Tai nghe bluetooth thể thao',
      'Tai nghe bluetooth chống ồn',
      'Tai áo',
    ];
    expect(typeaheadPhrases(titles, 'tai ng', 'vi', 5)).toEqual(['tai nghe bluetooth', 'tai nghe có']);
    expect(typeaheadPhrases(titles, 'xyz', 'vi', 5)).toEqual([]);
  });
});

describe('did you mean', () => {
  it('replaces only the words the engine suggests, keeping the rest as typed', () => {
    const body = {
      suggest: {
        words: [
          { text: 'umbrela', offset: 0, length: 7, options: [{ text: 'umbrella' }] },
          { text: 'black', offset: 8, length: 5, options: [] },
        ],
      },
    };
    expect(parseDidYouMean('umbrela black', body)).toBe('umbrella black');
    expect(
      parseDidYouMean('black', {
        suggest: { words: [{ text: 'black', offset: 0, length: 5, options: [] }] },
      }),
    ).toBe(undefined);
  });
  it('asks Latin-script titles only', () => {
    expect(buildDidYouMeanBody(criteria('umbrela', 'en'))).toMatchObject({
      size: 0,
      suggest: { text: 'umbrela', words: { term: { field: 'title.en.plain' } } },
    });
    expect(buildDidYouMeanBody(criteria('우산', 'ko'))).toBeUndefined();
  });
});

describe('the query', () => {
  it('knows when the buyer typed Vietnamese marks', () => {
    expect(hasMarks('bát')).toBe(true);
    expect(hasMarks('đèn')).toBe(true);
    expect(hasMarks('Bat Nhua')).toBe(false);
  });
  it('matches a long pasted text on the buyer’s own fields only', () => {
    const text = '连衣裙'.repeat(20);
    expect([...text].length).toBeGreaterThan(LONG_QUERY);
    // biome-ignore lint/suspicious/noExplicitAny: walking the request body
    const must = (buildSearchBody(criteria(text, 'zh-CN')) as any).query.function_score.query.bool.must;
    expect(must).toEqual([
      {
        multi_match: {
          query: text,
          fields: ['title.zh-CN^3', 'keywords.zh-CN'],
          minimum_should_match: '1<-1 4<60%',
        },
      },
    ]);
  });
});

describe('the index definition', () => {
  it('applies synonyms at search time only, updatable, with brands in every language', () => {
    const filters = synonymFilters();
    for (const f of Object.values(filters)) {
      expect(f).toMatchObject({ type: 'synonym_graph', updateable: true });
      expect(f.synonyms).toContain('huawei, 华为, 화웨이');
    }
    expect(filters.vi_synonyms.synonyms).toContain('bát, chén');
    expect(filters.vi_synonyms_folded.synonyms).toContain('bat, chen');
    const analyzers = offersIndexBody.settings.analysis.analyzer as unknown as Record<
      string,
      { filter: string[] }
    >;
    const indexAnalyzers = ['vi_index', 'vi_folded_index', 'cjk_index', 'en_index'];
    for (const name of indexAnalyzers) expect(analyzers[name]!.filter.join()).not.toMatch(/synonyms/);
  });
});

describe('the generated catalog', () => {
  it('has long stacked-keyword titles like real 1688 offers, in every language', () => {
    const offers = Array.from({ length: 400 }, (_, i) => generateOffer(42, i));
    const lengths = offers.map((o) => [...o.title.source].length).sort((a, b) => a - b);
    const median = lengths[200]!;
    expect(median).toBeGreaterThanOrEqual(22);
    expect(median).toBeLessThanOrEqual(40);
    for (const o of offers.slice(0, 50)) {
      // keyword groups separated by spaces, and every translation there
      expect(o.title.source.split(' ').length).toBeGreaterThanOrEqual(2);
      for (const l of ['vi', 'ko', 'en'] as const)
        expect(o.title.translations?.[l]?.text.length).toBeGreaterThan(15);
    }
  });
  it('keeps every offer’s images as they were for the same seed', () => {
    // The stacked words come from their own random stream: the rest of the offer is unchanged.
    // (checked against the generator before the stacked titles: all but the title identical)
    expect(generateOffer(42, 0).images).toEqual(
      [0, 1, 2, 3, 4].map((n) => `https://asset-store.invalid/seed/stationery/${n}`),
    );
    expect([1, 2, 3].map((i) => generateOffer(42, i).images.length)).toEqual([4, 1, 4]);
  });
});
