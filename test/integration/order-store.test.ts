import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteTable, ensureTable } from '../../adapters/dynamodb/bootstrap.ts';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.ts';
import { DynamoOrderStore, OrderExistsError } from '../../adapters/dynamodb/order-store.ts';
import { DomainError } from '../../core/errors.ts';
import type { Order } from '../../core/orders/order.ts';
import { changeStatus, reservedStock } from '../../core/orders/transition.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';
import { readStock, setStock as setCounts } from '../kit/stock.ts';

const client = createDynamoClient({ region: 'local', endpoint: inject('dynamodbEndpoint') });
const db = createDocumentClient(client);
const tableName = `test-orders-${randomUUID().slice(0, 8)}`;
const store = new DynamoOrderStore(db, tableName);

beforeAll(async () => {
  await ensureTable(client, tableName);
});
afterAll(async () => deleteTable(client, tableName));

const setStock = (offerId: string, skuId: string, stock: number) =>
  setCounts(db, tableName, offerId, { [skuId]: stock });
const stockOf = (offerId: string, skuId: string) => readStock(db, tableName, offerId, skuId);

/** A just-placed order of `lines` (one supplier), due in two days. */
function anOrder(
  orderId: string,
  lines: { offerId: string; skuId: string; quantity: number }[],
  over: Partial<Order> = {},
): Order {
  const placed = paidOrder(
    lines.map((l, i) => orderLine({ lineId: `l${i}`, supplierId: 'sup-1', ...l })),
    { orderId, status: 'placed', version: 1, reference: `VN${orderId.slice(-8).toUpperCase()}` },
  );
  return {
    ...placed,
    payment: { ...placed.payment, status: 'pending', dueAt: '2026-12-03T08:00:00.000Z' },
    events: [{ at: placed.createdAt, actor: 'buyer', to: 'placed' }],
    ...over,
  };
}

describe('placing orders takes stock all or nothing', () => {
  it('sells exactly the 10 units in stock to 50 concurrent buyers of one unit each, never below zero', async () => {
    await setStock('hot', 'hot-1', 10);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => {
        const o = anOrder(`o_hot${String(i).padStart(4, '0')}`, [
          { offerId: 'hot', skuId: 'hot-1', quantity: 1 },
        ]);
        return store.place(o, reservedStock(o), []);
      }),
    );
    const placed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const reason of refused) expect(reason).toMatchObject({ code: 'OUT_OF_STOCK' });
    expect(await stockOf('hot', 'hot-1')).toBe(0);
  }, 240_000);

  it('refuses an order when one SKU is short, naming it, and takes nothing from the others', async () => {
    await setStock('cup', 'cup-1', 100);
    await setStock('cup', 'cup-2', 3);
    const o = anOrder('o_short0001', [
      { offerId: 'cup', skuId: 'cup-1', quantity: 50 },
      { offerId: 'cup', skuId: 'cup-2', quantity: 5 },
    ]);
    const error = await store.place(o, reservedStock(o), []).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.fields).toEqual([
      { path: 'lines', rule: 'out_of_stock', params: { offerId: 'cup', skuId: 'cup-2' } },
    ]);
    expect(await stockOf('cup', 'cup-1')).toBe(100);
    expect(await store.get('vn', 'o_short0001')).toBeUndefined();
  });

  it('reserves an order of 150 SKUs in steps, and gives every step back when the last one fails', async () => {
    // 150 offers of one SKU each: 150 stock updates, more than one transaction holds.
    const skus = Array.from({ length: 150 }, (_, i) => ({
      offerId: `big-${i}`,
      skuId: `big-${i}`,
      quantity: 2,
    }));
    for (const [i, s] of skus.entries()) await setStock(s.offerId, s.skuId, i === 149 ? 1 : 5);
    const o = anOrder('o_bigorder01', skus);
    await expect(store.place(o, reservedStock(o), [])).rejects.toMatchObject({ code: 'OUT_OF_STOCK' });
    expect(await Promise.all([0, 50, 99, 148].map((i) => stockOf(`big-${i}`, `big-${i}`)))).toEqual([
      5, 5, 5, 5,
    ]);
    await setStock('big-149', 'big-149', 5);
    await store.place(o, reservedStock(o), []);
    expect(await Promise.all([0, 99, 149].map((i) => stockOf(`big-${i}`, `big-${i}`)))).toEqual([3, 3, 3]);
    expect((await store.get('vn', 'o_bigorder01'))?.lines).toHaveLength(150);
  }, 240_000);

  it('answers a second placement of the same order id as existing, taking nothing twice', async () => {
    await setStock('bowl', 'bowl-1', 20);
    const o = anOrder('o_twice00001', [{ offerId: 'bowl', skuId: 'bowl-1', quantity: 4 }]);
    await store.place(o, reservedStock(o), []);
    await expect(store.place(o, reservedStock(o), [])).rejects.toBeInstanceOf(OrderExistsError);
    expect(await stockOf('bowl', 'bowl-1')).toBe(16);
  });
});

describe('changing an order', () => {
  it('cancels with the stock back exactly once, even when two cancels race', async () => {
    await setStock('hat', 'hat-1', 10);
    const o = anOrder('o_cancel0001', [{ offerId: 'hat', skuId: 'hat-1', quantity: 6 }]);
    await store.place(o, reservedStock(o), []);
    const read = (await store.get('vn', o.orderId))!;
    const changes = [1, 2].map(() =>
      changeStatus(read, 'cancelled', 'system', { now: new Date(), reason: 'payment_deadline' }),
    );
    const results = await Promise.allSettled(changes.map((c) => store.update(read, c.next, c)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(await stockOf('hat', 'hat-1')).toBe(10);
    expect((await store.get('vn', o.orderId))?.status).toBe('cancelled');
  });

  it('finds orders by reference, by owner newest first and by status, and overdue ones', async () => {
    await setStock('mug', 'mug-1', 100);
    for (const [i, createdAt] of ['2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z'].entries()) {
      const o = anOrder(`o_list000${i}`, [{ offerId: 'mug', skuId: 'mug-1', quantity: 1 }], {
        createdAt,
        owner: { kind: 'buyer', buyerId: 'b_list' },
        payment: {
          ...anOrder('x', []).payment,
          dueAt: i === 0 ? '2026-12-01T11:00:00.000Z' : '2026-12-09T00:00:00.000Z',
        },
      });
      await store.place(o, reservedStock(o), []);
    }
    expect((await store.byReference('vn', 'VNLIST0001'))?.orderId).toBe('o_list0001');
    const mine = await store.listByOwner('vn', { kind: 'buyer', buyerId: 'b_list' }, { limit: 1 });
    expect(mine.orders.map((o) => o.orderId)).toEqual(['o_list0001']);
    const next = await store.listByOwner(
      'vn',
      { kind: 'buyer', buyerId: 'b_list' },
      { limit: 1, cursor: mine.nextCursor! },
    );
    expect(next.orders.map((o) => o.orderId)).toEqual(['o_list0000']);
    expect(await store.listByOwner('kr', { kind: 'buyer', buyerId: 'b_list' }, { limit: 5 })).toEqual({
      orders: [],
    });
    const overdue = await store.overdue('vn', new Date('2026-12-02T00:00:00.000Z'), 50);
    expect(overdue.map((o) => o.orderId)).toContain('o_list0000');
    expect(overdue.map((o) => o.orderId)).not.toContain('o_list0001');
  });
});
