import { describe, expect, it } from 'vitest';
import { searchParamsSchema } from '../../core/catalog/search-query.ts';

/** What a buyer sending this query string is told: each refused field with its message. */
const refused = (query: Record<string, string>) =>
  searchParamsSchema
    .safeParse(query)
    .error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('search parameters a buyer sends (GET /api/v1/search)', () => {
  it('refuses a price filter whose minimum is above its maximum, naming priceMax', () => {
    expect(refused({ priceMin: '500000', priceMax: '100000' })).toEqual([
      { path: 'priceMax', message: 'below priceMin' },
    ]);
    expect(refused({ priceMin: '100001', priceMax: '100000' })).toEqual([
      { path: 'priceMax', message: 'below priceMin' },
    ]);
  });

  it('accepts one price, an open side on either end, and a range from 0', () => {
    expect(searchParamsSchema.parse({ priceMin: '100000', priceMax: '100000' })).toMatchObject({
      priceMin: 100_000,
      priceMax: 100_000,
    });
    expect(searchParamsSchema.parse({ priceMin: '100000' })).toMatchObject({ priceMin: 100_000 });
    expect(searchParamsSchema.parse({ priceMax: '100000' })).toMatchObject({ priceMax: 100_000 });
    expect(searchParamsSchema.parse({ priceMin: '0', priceMax: '0' })).toMatchObject({
      priceMin: 0,
      priceMax: 0,
    });
    expect(searchParamsSchema.safeParse({ priceMin: '1', priceMax: '0' }).success).toBe(false);
  });

  it('browses by relevance, 20 a page, when nothing is asked', () => {
    expect(searchParamsSchema.parse({})).toEqual({ q: '', sort: 'relevance', size: 20 });
  });

  it('reads badges as a comma list, spaces and empty items ignored', () => {
    expect(searchParamsSchema.parse({ badges: ' ship_48h , return_7d,,' }).badges).toEqual([
      'ship_48h',
      'return_7d',
    ]);
    expect(refused({ badges: 'ship_48h,teleport' })?.[0]?.path).toBe('badges.1');
  });

  it('refuses a cursor it did not make, naming cursor', () => {
    expect(refused({ cursor: 'bm90LWEtY3Vyc29y' })).toEqual([{ path: 'cursor', message: 'invalid cursor' }]);
  });
});
