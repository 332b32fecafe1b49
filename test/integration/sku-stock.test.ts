import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockUpdate } from '../../adapters/dynamodb/entities/sku-stock.ts';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import type { OfferInput } from '../../core/catalog/model.ts';
import { fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
let offers: DynamoOfferRepository;
beforeAll(async () => {
  platform = await startTestPlatform();
  offers = new DynamoOfferRepository(platform.services.db, platform.tableName);
});
afterAll(async () => platform?.close());

const mat = (version: number, stocks: number[]): OfferInput => {
  const base = fixtureOffer({
    id: 'yoga-mat',
    version,
    category: 'fitness',
    title: ['瑜伽垫', 'Thảm yoga', '요가 매트', 'Yoga mat'],
    priceFen: 2600,
  });
  return {
    ...base,
    skus: stocks.map((stock, i) => ({ ...base.skus[0]!, skuId: `yoga-mat-${i + 1}`, stock })),
  };
};

/** What checkout does: take `quantity` units of one SKU, only while that many are left. */
async function take(offerId: string, skuId: string, quantity: number) {
  await platform.services.db.send(
    new UpdateCommand(stockUpdate(platform.tableName, offerId, [{ skuId, quantity }], -1)),
  );
}

async function pageStock(offerId: string) {
  const res = await platform.request(`/api/v1/offers/${offerId}`, { host: 'vn.localhost' });
  const body = await res.json();
  return body.skus.map((s: { stock: number }) => s.stock);
}

describe('stock: one item per offer, a count per SKU, written by the catalog import with the offer', () => {
  it('writes each SKU’s stock from the feed; the offer page and stockOf read those records', async () => {
    expect((await importLines(platform, [mat(1, [100, 7])])).stats).toMatchObject({ imported: 1 });
    expect(await offers.stockOf('yoga-mat', ['yoga-mat-1', 'yoga-mat-2', 'yoga-mat-9'])).toEqual(
      new Map([
        ['yoga-mat-1', 100],
        ['yoga-mat-2', 7],
      ]),
    );
    await take('yoga-mat', 'yoga-mat-1', 10);
    expect(await pageStock('yoga-mat')).toEqual([90, 7]);
  });

  it('keeps what checkout took when the same version is imported again, and never goes below zero', async () => {
    expect((await importLines(platform, [mat(1, [100, 7])])).stats).toMatchObject({ unchanged: 1 });
    expect((await offers.stockOf('yoga-mat', ['yoga-mat-1'])).get('yoga-mat-1')).toBe(90);
    await expect(take('yoga-mat', 'yoga-mat-2', 8)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect((await offers.stockOf('yoga-mat', ['yoga-mat-2'])).get('yoga-mat-2')).toBe(7);
  });

  it('a newer feed version sets stock to the feed’s value; an older one does not', async () => {
    expect((await importLines(platform, [mat(2, [500, 0])])).stats).toMatchObject({ updated: 1 });
    expect(await pageStock('yoga-mat')).toEqual([500, 0]);
    expect((await importLines(platform, [mat(1, [3, 3])])).stats).toMatchObject({ older: 1 });
    expect(await pageStock('yoga-mat')).toEqual([500, 0]);
  });

  it('writes every SKU of an offer with more SKUs than one transaction once held, next to other offers', async () => {
    const many = {
      ...mat(
        1,
        Array.from({ length: 150 }, (_, i) => i + 1),
      ),
      offerId: 'mat-many',
    };
    many.skus = many.skus.map((s, i) => ({ ...s, skuId: `mat-many-${i + 1}` }));
    const small = { ...mat(1, [42]), offerId: 'mat-small' };
    small.skus = [{ ...small.skus[0]!, skuId: 'mat-small-1' }];
    expect((await importLines(platform, [small, many])).stats).toMatchObject({ imported: 2 });
    const stock = await offers.stockOf(
      'mat-many',
      many.skus.map((s) => s.skuId),
    );
    expect(stock.size).toBe(150);
    expect(stock.get('mat-many-1')).toBe(1);
    expect(stock.get('mat-many-150')).toBe(150);
    expect((await offers.stockOf('mat-small', ['mat-small-1'])).get('mat-small-1')).toBe(42);
  }, 240_000);
});
