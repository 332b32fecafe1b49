import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tossVirtualAccounts } from '../../adapters/payments/toss-virtual-account.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { demoTenants } from '../../local/seed/demo-tenants.ts';
import { type PaymentSandbox, startPaymentSandbox } from '../kit/payment-sandbox.ts';
import { freePort } from '../kit/ports.ts';

const kr = tenantSchema.parse(demoTenants.find((t) => t.id === 'kr'));
const secretKey = `test_sk_${Math.random().toString(36).slice(2)}`;

/** A webhook receiver: every callback the sandbox delivers, with the Host it was sent to. */
function receiver() {
  const received: { host: string | undefined; body: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({ host: req.headers.host, body: JSON.parse(text) });
      res.writeHead(200).end();
    });
  });
  return { server, received };
}

describe('Toss virtual accounts against the sandbox provider process', () => {
  let sandbox: PaymentSandbox;
  const hook = receiver();
  let hookPort: number;

  beforeAll(async () => {
    sandbox = await startPaymentSandbox();
    await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
    hookPort = (hook.server.address() as { port: number }).port;
    await sandbox.setWebhook(
      `http://kr.localhost:${hookPort}/api/v1/payments/toss/deposit-callback`,
      secretKey,
    );
  });
  afterAll(async () => {
    await sandbox?.stop();
    await new Promise((resolve) => hook.server.close(resolve));
  });

  const toss = () => tossVirtualAccounts({ apiBase: sandbox.url, secretKey: async () => secretKey });
  const request = (orderId: string) => ({
    orderId,
    orderName: '스테인리스 텀블러 +1',
    amountMinor: 54_320,
    holderName: '주식회사 가나',
    email: 'buyer@example.kr',
    bankCode: '88',
    dueAt: '2026-12-04T14:59:59.000Z',
  });

  it('issues an account waiting for deposit, due when asked (Korea time), once per order however often it is retried', async () => {
    const orderId = `o_${Date.now()}a`;
    const first = await toss().issue(kr, request(orderId));
    expect(first).toMatchObject({
      bankCode: '88',
      holderName: '주식회사 가나',
      dueAt: '2026-12-04T14:59:59.000Z',
    });
    expect(first.accountNumber).toMatch(/^\d{14}$/);
    expect(first.callbackSecret.length).toBeGreaterThan(16);
    // The retry carries the same Idempotency-Key: the same account, not a second one.
    const again = await toss().issue(kr, request(orderId));
    expect(again).toEqual(first);
    expect(await toss().lookup(kr, orderId)).toMatchObject({
      paymentKey: first.paymentKey,
      orderId,
      status: 'waiting',
      amountMinor: 54_320,
      currency: 'KRW',
    });
  });

  it('a deposit makes the payment DONE and sends the DEPOSIT_CALLBACK with its secret to the merchant webhook, duplicated on request', async () => {
    const orderId = `o_${Date.now()}b`;
    const issued = await toss().issue(kr, request(orderId));
    const wrong = await sandbox.deposit({ orderId, amount: 54_000 });
    expect(wrong.status).toBe(400);
    expect((await toss().lookup(kr, orderId))?.status).toBe('waiting');
    const deposit = await sandbox.deposit({
      accountNumber: issued.accountNumber,
      amount: 54_320,
      duplicates: 1,
    });
    expect(deposit.status).toBe(200);
    expect(deposit.body.deliveries).toEqual([200, 200]);
    const mine = hook.received.filter((r) => r.body.orderId === orderId);
    expect(mine).toHaveLength(2);
    expect(mine[0]!.host).toBe(`kr.localhost:${hookPort}`);
    expect(mine[0]!.body).toMatchObject({ orderId, status: 'DONE', secret: issued.callbackSecret });
    const paid = await toss().lookup(kr, orderId);
    expect(paid?.status).toBe('paid');
    expect(paid?.paidAt).toBeDefined();
  });

  it("keeps each merchant's payments to itself: another secret key finds nothing", async () => {
    const orderId = `o_${Date.now()}c`;
    await toss().issue(kr, request(orderId));
    const other = tossVirtualAccounts({
      apiBase: sandbox.url,
      secretKey: async () => 'test_sk_someone_else',
    });
    expect(await other.lookup(kr, orderId)).toBeUndefined();
  });

  it('a provider that does not answer is PAYMENT_UNAVAILABLE after bounded retries, never a hang', async () => {
    const closed = tossVirtualAccounts({
      apiBase: `http://127.0.0.1:${await freePort()}`,
      secretKey: async () => secretKey,
      timeoutMs: 500,
    });
    const started = Date.now();
    await expect(closed.lookup(kr, 'o_nothing_here')).rejects.toMatchObject({ code: 'PAYMENT_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
