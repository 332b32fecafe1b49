/**
 * `npm run bench:checkout [-- --orders 60]`
 *
 * Checkout through the local API as buyers do it: a visitor adds a line to their cart and posts
 * `POST /api/v1/orders` with an Idempotency-Key (VietQR bank transfer on vn.localhost). Reports
 * the checkout call's p50/p95 with 1 buyer at a time and with 20 at once, and the DynamoDB write
 * units one order costs, from DynamoDB's own accounting (ReturnConsumedCapacity) of every write
 * the checkout makes. By default on a private in-memory DynamoDB Local. Timings live here, never
 * in tests.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { DynamoOfferRepository } from '../adapters/dynamodb/offer-repository.ts';
import { createGateway, listen } from '../local/gateway.ts';
import { bootLocalPlatform } from '../local/platform.ts';
import { progressBar } from '../scripts/progress.ts';
import { fetchWithHost } from '../test/kit/http.ts';
import { testOffer } from '../test/kit/offers.ts';
import { benchServers, percentile, removeBenchCatalog } from './kit.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '60' },
    'shared-dynamodb': { type: 'boolean', default: false },
    'dynamodb-port': { type: 'string', default: '8015' },
  },
});
const ORDERS = Number(values.orders);

const bench = await benchServers({
  sharedDynamodb: values['shared-dynamodb'],
  dynamodbPort: Number(values['dynamodb-port']),
});
const { servers } = bench;
const stamp = Date.now().toString(36);
const names = { tableName: `bench-checkout-${stamp}`, offersAlias: `bench-checkout-offers-${stamp}` };
const services = await bootLocalPlatform(servers, names);
const offer = testOffer({ skus: testOffer().skus.map((s) => ({ ...s, stock: 10_000_000 })) });
await new DynamoOfferRepository(services.db, names.tableName).save([{ offer }]);

// Every write the checkout makes, with the write units DynamoDB charges for it.
let units = 0;
services.db.middlewareStack.add(
  (next) => async (args) => {
    const input = args.input as { ReturnConsumedCapacity?: string };
    input.ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
    for (const c of [consumed].flat() as ({ WriteCapacityUnits?: number } | undefined)[])
      units += c?.WriteCapacityUnits ?? 0;
    return result;
  },
  { step: 'initialize', name: 'benchConsumedCapacity' },
);

const gateway = createGateway();
const base = `http://127.0.0.1:${await listen(gateway, 0, '127.0.0.1')}`;
const host = 'vn.localhost:3000';
const body = JSON.stringify({
  business: {
    companyName: 'Cửa hàng An Phát',
    contactName: 'Nguyễn An',
    email: 'an@example.vn',
    phone: '0912345678',
  },
  shippingAddress: {
    name: 'Nguyễn An',
    phone: '0912345678',
    province: 'Hà Nội',
    commune: 'Phường Tràng Tiền',
    street: '12 Tràng Tiền',
  },
  laneId: 'air-express',
  paymentMethod: 'bank_transfer',
});

/** One buyer: a cart line, then the timed checkout; the write units of the checkout call alone. */
async function buyer(): Promise<{ ms: number; units: number }> {
  const add = await fetchWithHost(`${base}/api/v1/cart/lines`, {
    host,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'bulk',
      offerId: offer.offerId,
      skuId: offer.skus[0]!.skuId,
      quantity: offer.moq,
    }),
  });
  const cookie = add.headers.get('set-cookie')?.split(';')[0] ?? '';
  await add.text();
  const before = units;
  const started = performance.now();
  const res = await fetchWithHost(`${base}/api/v1/orders`, {
    host,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'idempotency-key': randomUUID() },
    body,
  });
  await res.text();
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(`checkout answered ${res.status}`);
  return { ms, units: units - before };
}

const rows: string[] = [];
for (const concurrency of [1, 20]) {
  await buyer(); // warm-up: first requests load the handlers and fill caches
  const bar = progressBar(`checkout ×${concurrency}`);
  const limit = pLimit(concurrency);
  const results: { ms: number; units: number }[] = [];
  await Promise.all(
    Array.from({ length: ORDERS }, () =>
      limit(async () => {
        results.push(await buyer());
        bar.update(results.length / ORDERS, `${results.length}/${ORDERS}`);
      }),
    ),
  );
  bar.done();
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const wcu = results.map((r) => r.units).sort((a, b) => a - b);
  // Write units are counted per client, so only one buyer at a time attributes them to one order.
  const units =
    concurrency === 1 ? `   write units per order p50 ${percentile(wcu, 50)} (max ${wcu.at(-1)})` : '';
  rows.push(
    `  ${String(concurrency).padStart(2)} at once   p50 ${percentile(ms, 50).toFixed(0)} ms   p95 ${percentile(ms, 95).toFixed(0)} ms${units}`,
  );
}
console.log(
  [
    `bench:checkout — ${ORDERS} orders per run through the local API (vn.localhost, one SKU line, bank transfer), ${bench.dynamodbLabel}`,
    ...rows,
    '  write units: order (+2 summary GSI entries), reference claim, stock decrement, payment set-up update, cart, idempotency record, rate window',
  ].join('\n'),
);
gateway.closeAllConnections();
gateway.close();
await removeBenchCatalog(services, names);
await bench.stop();
process.exit(0);
