/**
 * `npm run bench:handoff [-- --orders 200 --concurrency 10]`
 *
 * Places paid orders (two suppliers each) with their outbox records into a table of its own,
 * lets the stream poller drive the dispatcher handler as `npm start` does, and waits until the
 * sandbox supplier process has accepted every PO. Reports paid → PO accepted latency (p50/p95,
 * from the order's write to the supply side's 201) and POs per second through the poller. By
 * default on a private in-memory DynamoDB Local (the shared one is busy with everyone's tests).
 * Timings live here, never in tests.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { DynamoOrderStore } from '../adapters/dynamodb/order-store.ts';
import { httpSupplyClient } from '../adapters/supply/http-supply-client.ts';
import type { Order } from '../core/orders/order.ts';
import { SUPPLY_SIGNING_KEY } from '../functions/secrets.ts';
import { startBackground } from '../local/background.ts';
import { secretsDir } from '../local/paths.ts';
import { bootLocalPlatform } from '../local/platform.ts';
import { startSupplierSandbox } from '../local/sandbox/process.ts';
import { orderLine, paidOrder } from '../test/kit/orders.ts';
import { benchServers, percentile, removeBenchCatalog } from './kit.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '10' },
    'shared-dynamodb': { type: 'boolean', default: false },
    'dynamodb-port': { type: 'string', default: '8012' },
  },
});
const ORDERS = Number(values.orders);

const bench = await benchServers({
  sharedDynamodb: values['shared-dynamodb'],
  dynamodbPort: Number(values['dynamodb-port']),
});
const { servers } = bench;
const stamp = Date.now().toString(36);
const names = { tableName: `bench-handoff-${stamp}`, offersAlias: `bench-handoff-offers-${stamp}` };
const dir = process.env.SECRETS_DIR ?? secretsDir;
const sandbox = await startSupplierSandbox({
  keyFile: join(dir, SUPPLY_SIGNING_KEY),
  webhookUrl: 'http://127.0.0.1:9/',
  stepMs: 3_600_000,
});
let signingKey: () => Promise<string> = async () => '';
const services = await bootLocalPlatform(servers, names, {
  supply: httpSupplyClient({ baseUrl: sandbox.url, signingKey: () => signingKey() }),
});
signingKey = () => services.secrets.get(SUPPLY_SIGNING_KEY);
const orders = new DynamoOrderStore(services.db, names.tableName);
const background = await startBackground(services, { only: ['handoff-dispatch'] });

const paidAt = new Map<string, number>();
const placed: Order[] = [];
const limit = pLimit(Number(values.concurrency));
const started = Date.now();
await Promise.all(
  Array.from({ length: ORDERS }, () =>
    limit(async () => {
      const order = paidOrder([
        orderLine({ supplierId: `s-${randomUUID().slice(0, 4)}` }),
        orderLine({ supplierId: `t-${randomUUID().slice(0, 4)}` }),
      ]);
      const at = Date.now();
      await orders.place(
        order,
        [],
        [
          {
            type: 'order.ready_for_supply',
            tenantId: 'vn',
            orderId: order.orderId,
            orderVersion: order.version,
            at: new Date(at).toISOString(),
          },
        ],
      );
      paidAt.set(order.orderId, at);
      placed.push(order);
    }),
  ),
);
const expected = ORDERS * 2;
const accepted = new Map<string, number>();
console.log(
  `${ORDERS} orders placed in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for the POs…`,
);
let lastReport = Date.now();
for (;;) {
  if (Date.now() - lastReport > 5000) {
    console.log(`  ${accepted.size} of ${expected} POs accepted`);
    lastReport = Date.now();
  }
  const { requests } = await sandbox.received();
  for (const r of requests)
    if (r.status === 201 && r.poId && !accepted.has(r.poId)) accepted.set(r.poId, Date.parse(r.at));
  if (accepted.size >= expected) break;
  if (Date.now() - started > 600_000)
    throw new Error(`only ${accepted.size} of ${expected} POs accepted in 10 minutes`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const latencies: number[] = [];
for (const order of placed) {
  const records = await services.handoffStore.byOrder('vn', order.orderId);
  for (const r of records) latencies.push(accepted.get(r.poId)! - paidAt.get(order.orderId)!);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => percentile(latencies, p);
const seconds = (Math.max(...accepted.values()) - started) / 1000;
console.log(
  [
    `bench:handoff — ${ORDERS} paid orders, ${expected} POs, ${bench.dynamodbLabel}`,
    `  paid → PO accepted  p50 ${pct(50)} ms   p95 ${pct(95)} ms   max ${latencies.at(-1)} ms`,
    `  throughput          ${(expected / seconds).toFixed(1)} POs/s through the stream poller (${seconds.toFixed(1)} s)`,
  ].join('\n'),
);
await background.stop();
await sandbox.stop();
await removeBenchCatalog(services, names);
await bench.stop();
process.exit(0);
