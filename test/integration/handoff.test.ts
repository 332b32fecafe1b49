import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOrderStore } from '../../adapters/dynamodb/order-store.ts';
import { localFileSecrets } from '../../adapters/secrets/secret-store.ts';
import { httpSupplyClient } from '../../adapters/supply/http-supply-client.ts';
import { orderTimeline } from '../../core/handoff/timeline.ts';
import type { Order, OutboxMessage } from '../../core/orders/order.ts';
import { OPERATOR_API_KEY, SUPPLY_SIGNING_KEY } from '../../functions/secrets.ts';
import { type LocalBackground, startBackground } from '../../local/background.ts';
import { secretsDir } from '../../local/paths.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { type SupplierSandbox, startSupplierSandbox } from '../kit/sandbox.ts';

/**
 * A paid order crosses the border end to end: its outbox record on the table's stream, the
 * stream poller driving the dispatcher Lambda handler, signed POs at the sandbox supplier
 * process, its webhooks (out of order and twice) back through the gateway, the order's status
 * and the buyer's timeline following.
 */
let platform: TestPlatform;
let sandbox: SupplierSandbox;
let background: LocalBackground;
let orders: DynamoOrderStore;
const dir = process.env.SECRETS_DIR ?? secretsDir;
const secrets = localFileSecrets(dir);
const signingKey = () => secrets.get(SUPPLY_SIGNING_KEY);

beforeAll(async () => {
  await signingKey();
  sandbox = await startSupplierSandbox({ secretsDir: dir, webhookUrl: 'http://127.0.0.1:9/', stepMs: 400 });
  platform = await startTestPlatform({
    supply: httpSupplyClient({ baseUrl: sandbox.url, signingKey, timeoutMs: 5000 }),
    handoffRetry: { maxAttempts: 8, baseMs: 50 },
  });
  await sandbox.switches({ webhookUrl: `${platform.baseUrl}/api/v1/supply/webhooks` });
  orders = new DynamoOrderStore(platform.services.db, platform.tableName);
  background = await startBackground(platform.services, { only: ['handoff-dispatch'] });
}, 300_000);

afterAll(async () => {
  await background?.stop();
  await sandbox?.stop();
  await platform?.close();
});

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ready = (order: Order): OutboxMessage => ({
  type: 'order.ready_for_supply',
  tenantId: order.tenantId,
  orderId: order.orderId,
  orderVersion: order.version,
  at: new Date().toISOString(),
});

async function pay(order: Order): Promise<void> {
  await orders.place(order, [], [ready(order)]);
}

const posAtSandbox = async (order: Order) =>
  (await sandbox.received()).purchaseOrders.filter((p) => p.orderReference === order.reference);

describe('the handoff, end to end', { timeout: 300_000 }, () => {
  it('a paid order with two suppliers becomes two signed POs in CNY at supplier prices; the Vietnamese timeline follows the webhooks, out of order and twice', async () => {
    await sandbox.switches({ duplicates: true, outOfOrder: true, stopAfter: undefined });
    const order = paidOrder([
      orderLine({ supplierId: 'yiwu-cups', cnyUnitFen: 1_250, quantity: 40, unitMinor: 99_000 }),
      orderLine({ supplierId: 'gz-bags', cnyUnitFen: 3_900, quantity: 12 }),
    ]);
    await pay(order);
    const pos = await until(async () => {
      const found = await posAtSandbox(order);
      return found.length === 2 ? found : undefined;
    });
    expect(pos.map((p) => [p.supplierId, p.currency, p.totalFen]).sort()).toEqual([
      ['gz-bags', 'CNY', 12 * 3_900],
      ['yiwu-cups', 'CNY', 40 * 1_250],
    ]);
    const requests = (await sandbox.received()).requests.filter((r) => pos.some((p) => p.poId === r.poId));
    expect(requests.every((r) => r.signature === 'valid')).toBe(true);
    const shipped = await until(async () => {
      const current = await orders.get('vn', order.orderId);
      const records = await platform.services.handoffStore.byOrder('vn', order.orderId);
      return current?.status === 'shipped' && records.every((r) => r.status === 'shipped_international')
        ? { current, records }
        : undefined;
    });
    const timeline = orderTimeline(shipped.current, shipped.records, 'vi', 'Asia/Ho_Chi_Minh');
    const kinds = timeline.map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['order_placed', 'order_paid']);
    for (const kind of [
      'po_placed',
      'accepted',
      'shipped_domestic',
      'at_warehouse',
      'shipped_international',
    ] as const) {
      expect(kinds.filter((k) => k === kind)).toHaveLength(2);
    }
    // Each event once, although the sandbox sent each twice; in the order they happened.
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort());
    const domestic = timeline.find((e) => e.kind === 'shipped_domestic')!;
    expect(domestic.title).toMatch(/^Đã gửi đến kho gom hàng qua (ZTO|YTO)$/);
    expect(domestic.trackingNumber).toMatch(/\d/);
    expect(shipped.current.events.map((e) => e.to)).toEqual([
      'placed',
      'awaiting_payment',
      'paid',
      'handed_off',
      'shipped',
    ]);
  });

  it('a replayed outbox message mints no second PO and sends nothing new', async () => {
    await sandbox.switches({ duplicates: false, outOfOrder: false, stopAfter: 'accepted' });
    const order = paidOrder([orderLine({ supplierId: 'a' })]);
    await pay(order);
    const [po] = await until(async () => {
      const found = await posAtSandbox(order);
      return found.length === 1 ? found : undefined;
    });
    const { handler } = await import('../../functions/jobs/handoff-dispatch.ts');
    await platform.services.handoff.handleOutbox(ready(order));
    expect(typeof handler).toBe('function');
    expect(await posAtSandbox(order)).toHaveLength(1);
    expect(
      (await sandbox.received()).requests.filter((r) => r.poId === po!.poId && r.status === 201),
    ).toHaveLength(1);
  });

  it('150 SKU lines from one supplier become two POs of 100 and 50 lines', async () => {
    const order = paidOrder(
      Array.from({ length: 150 }, (_, i) =>
        orderLine({ supplierId: 'big', skuId: `sku-${i}`, lineId: `l-${i}` }),
      ),
    );
    await pay(order);
    const pos = await until(async () => {
      const found = await posAtSandbox(order);
      return found.length === 2 ? found : undefined;
    });
    expect(pos.map((p) => p.lines.length).sort()).toEqual([100, 50].sort());
  });

  it('an out-of-stock rejection puts the order in exception and tells the partner', async () => {
    await sandbox.switches({ rejectSkus: ['sku-gone'], stopAfter: 'accepted' });
    const order = paidOrder([
      orderLine({ supplierId: 'f', skuId: 'sku-gone', lineId: 'l-gone' }),
      orderLine({ supplierId: 'f', skuId: 'sku-ok' }),
    ]);
    await pay(order);
    const current = await until(async () => {
      const o = await orders.get('vn', order.orderId);
      return o?.status === 'exception' ? o : undefined;
    });
    expect(current.events.at(-1)).toMatchObject({ actor: 'supply', from: 'handed_off', to: 'exception' });
    const response = await platform.request('/api/v1/admin/tenants/vn/supply/notices', {
      headers: { authorization: `Bearer ${await platform.services.secrets.get(OPERATOR_API_KEY)}` },
    });
    expect(response.status).toBe(200);
    const { notices } = (await response.json()) as {
      notices: { orderId: string; lineId: string; reason: string }[];
    };
    expect(notices).toContainEqual(
      expect.objectContaining({
        orderId: order.orderId,
        lineId: 'l-gone',
        reason: 'out_of_stock',
        kind: 'line_rejected',
      }),
    );
    await sandbox.switches({ rejectSkus: [] });
  });

  it('an order cancelled after its hand-off withdraws its PO at the supplier, which sends nothing more; the timeline says so', async () => {
    await sandbox.switches({ duplicates: false, outOfOrder: false, stopAfter: 'accepted' });
    const order = paidOrder([orderLine({ supplierId: 'withdrawn' })]);
    await pay(order);
    const [record] = await until(async () => {
      const records = await platform.services.handoffStore.byOrder('vn', order.orderId);
      const o = await orders.get('vn', order.orderId);
      return records[0]?.status === 'accepted' && o?.status === 'handed_off' ? records : undefined;
    });
    const response = await platform.request(`/api/v1/admin/tenants/vn/orders/${order.orderId}/cancel`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await platform.services.secrets.get(OPERATOR_API_KEY)}`,
        'content-type': 'application/json',
        'idempotency-key': `cancel-${order.orderId}`,
      },
      body: JSON.stringify({ reason: 'buyer changed their mind' }),
    });
    expect(response.status).toBe(200);
    const withdrawn = await until(async () => {
      const r = await platform.services.handoffStore.get('vn', record!.poId);
      return r?.status === 'cancelled' ? r : undefined;
    });
    expect(withdrawn.cancellation).toMatchObject({ reason: 'order_cancelled', outcome: 'cancelled' });
    expect(withdrawn.delivery.state).toBe('delivered');
    const received = await sandbox.received();
    expect(
      received.requests.filter((r) => r.path === `/v1/purchase-orders/${record!.poId}/cancellation`),
    ).toEqual([expect.objectContaining({ signature: 'valid', status: 200 })]);
    expect(received.states.find((st) => st.poId === record!.poId)?.status).toBe('cancelled');
    const current = (await orders.get('vn', order.orderId))!;
    expect(current.status).toBe('cancelled');
    const timeline = orderTimeline(current, [withdrawn], 'vi', 'Asia/Ho_Chi_Minh');
    expect(timeline.at(-1)).toMatchObject({ kind: 'po_cancelled' });
    expect(timeline.at(-1)!.title).toMatch(/đã hủy đơn mua hàng$/);
  });
});
