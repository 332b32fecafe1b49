/**
 * The sandbox payment provider: a real HTTP server on loopback speaking the part of Toss
 * Payments' API v1 the platform uses, so `npm start` and the tests pay virtual accounts with no
 * provider account. Run as its own process:
 *
 *   node local/sandbox/payment-provider.ts --port 3100 [--webhook <url>]
 *
 * Provider API (Basic auth, the secret key as user name; each key is its own merchant):
 * - `POST /v1/virtual-accounts` issues an account (`WAITING_FOR_DEPOSIT`, with its `secret`);
 *   an `Idempotency-Key` replays the first answer; a second order id answers 400
 *   `DUPLICATED_ORDER_ID`;
 * - `GET /v1/payments/{paymentKey}`, `GET /v1/payments/orders/{orderId}`.
 *
 * Control API (what the bank and the developer centre do, for local use and tests):
 * - `POST /sandbox/deposits {orderId | accountNumber, amount, duplicates?}` marks the deposit
 *   (`DONE`) and sends the `DEPOSIT_CALLBACK` to the merchant's webhook, once plus `duplicates`
 *   more times; a wrong amount is refused as a bank would;
 * - `POST /sandbox/callbacks {orderId, status?, secret?}` sends a callback without any deposit
 *   (what a re-check must see through);
 * - `PUT /sandbox/webhooks {secretKey?, url}` sets a merchant's webhook (or the default);
 * - `GET /sandbox/health`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parseArgs } from 'node:util';
import * as z from 'zod';

interface Payment {
  merchant: string;
  body: Record<string, unknown> & {
    paymentKey: string;
    orderId: string;
    status: string;
    totalAmount: number;
    secret: string;
    virtualAccount: Record<string, unknown> & { accountNumber: string; dueDate: string };
  };
}

const issueBody = z.object({
  amount: z.number().int().positive(),
  orderId: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
  orderName: z.string().min(1).max(100),
  customerName: z.string().min(1).max(100),
  bank: z.string().min(2).max(10),
  dueDate: z.string().optional(),
  validHours: z.number().int().min(1).max(720).optional(),
  customerEmail: z.string().optional(),
});
const depositBody = z
  .object({
    orderId: z.string().optional(),
    accountNumber: z.string().optional(),
    amount: z.number().int(),
    duplicates: z.number().int().min(0).max(10).default(0),
  })
  .refine((b) => b.orderId || b.accountNumber, 'orderId or accountNumber');
const callbackBody = z.object({
  orderId: z.string(),
  status: z.string().default('DONE'),
  secret: z.string().optional(),
});
const webhookBody = z.object({ secretKey: z.string().optional(), url: z.url() });

export interface SandboxState {
  payments: Map<string, Payment>;
  /** merchant + orderId → paymentKey */
  byOrder: Map<string, string>;
  /** merchant + Idempotency-Key → the first answer */
  replies: Map<string, { status: number; body: unknown }>;
  webhooks: Map<string, string>;
  defaultWebhook?: string;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};
const tossError = (res: ServerResponse, status: number, code: string, message: string) =>
  json(res, status, { code, message });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/** The merchant a request speaks for: the user name of its Basic credentials. */
function merchantOf(req: IncomingMessage): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const user = decoded.split(':')[0];
  return user ? user : undefined;
}

/** Now in Korea time with its offset, as Toss writes times (`2026-12-01T22:51:00+09:00`). */
function kst(date: Date): string {
  return `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

/** POSTs a JSON body to `url`; a `*.localhost` host is reached on loopback with its name as Host. */
function post(url: string, body: unknown): Promise<number> {
  const target = new URL(url);
  const local = target.hostname === 'localhost' || target.hostname.endsWith('.localhost');
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = send(
      {
        host: local ? '127.0.0.1' : target.hostname,
        port: target.port || (target.protocol === 'https:' ? 443 : 80),
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: {
          host: target.host,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

export function createSandbox(state: SandboxState = emptyState()) {
  const webhookOf = (merchant: string) => state.webhooks.get(merchant) ?? state.defaultWebhook;

  async function deliver(payment: Payment, status: string, secret: string, times: number) {
    const url = webhookOf(payment.merchant);
    if (!url) return [];
    const callback = {
      createdAt: kst(new Date()).slice(0, 19),
      secret,
      orderId: payment.body.orderId,
      status,
      transactionKey: randomBytes(16).toString('hex'),
    };
    const deliveries: number[] = [];
    for (let i = 0; i < times; i++) deliveries.push(await post(url, callback));
    return deliveries;
  }

  function find(
    merchant: string | undefined,
    by: { orderId?: string; accountNumber?: string; paymentKey?: string },
  ) {
    for (const payment of state.payments.values()) {
      if (merchant !== undefined && payment.merchant !== merchant) continue;
      if (by.paymentKey !== undefined && payment.body.paymentKey === by.paymentKey) return payment;
      if (by.orderId !== undefined && payment.body.orderId === by.orderId) return payment;
      if (by.accountNumber !== undefined && payment.body.virtualAccount.accountNumber === by.accountNumber)
        return payment;
    }
    return undefined;
  }

  async function issue(req: IncomingMessage, res: ServerResponse, merchant: string) {
    const idempotencyKey = req.headers['idempotency-key'];
    const replyKey = typeof idempotencyKey === 'string' ? `${merchant}\u0000${idempotencyKey}` : undefined;
    const replay = replyKey ? state.replies.get(replyKey) : undefined;
    if (replay) return json(res, replay.status, replay.body);
    const parsed = issueBody.safeParse(await readJson(req));
    if (!parsed.success)
      return tossError(res, 400, 'INVALID_REQUEST', parsed.error.issues[0]?.message ?? 'invalid');
    const body = parsed.data;
    if (state.byOrder.has(`${merchant}\u0000${body.orderId}`))
      return tossError(res, 400, 'DUPLICATED_ORDER_ID', '이미 승인 및 취소가 진행된 중복된 주문번호 입니다.');
    const now = new Date();
    const due = body.dueDate
      ? new Date(`${body.dueDate.slice(0, 19)}+09:00`)
      : new Date(now.getTime() + (body.validHours ?? 168) * 3_600_000);
    const paymentKey = `sbx_${randomBytes(12).toString('hex')}`;
    const payment: Payment = {
      merchant,
      body: {
        mId: 'sandbox',
        version: '2022-11-16',
        paymentKey,
        type: 'NORMAL',
        orderId: body.orderId,
        orderName: body.orderName,
        status: 'WAITING_FOR_DEPOSIT',
        method: '가상계좌',
        requestedAt: kst(now),
        approvedAt: null,
        currency: 'KRW',
        totalAmount: body.amount,
        balanceAmount: body.amount,
        secret: `ps_${randomBytes(16).toString('hex')}`,
        virtualAccount: {
          accountType: '일반',
          accountNumber: `${randomInt(10 ** 6, 10 ** 7)}${randomInt(10 ** 6, 10 ** 7)}`,
          bankCode: body.bank,
          customerName: body.customerName,
          dueDate: kst(due),
          refundStatus: 'NONE',
          expired: false,
          settlementStatus: 'INCOMPLETED',
        },
      },
    };
    state.payments.set(paymentKey, payment);
    state.byOrder.set(`${merchant}\u0000${body.orderId}`, paymentKey);
    if (replyKey) state.replies.set(replyKey, { status: 200, body: payment.body });
    return json(res, 200, payment.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/sandbox/health') return json(res, 200, { status: 'ok' });
    if (req.method === 'PUT' && path === '/sandbox/webhooks') {
      const body = webhookBody.parse(await readJson(req));
      if (body.secretKey) state.webhooks.set(body.secretKey, body.url);
      else state.defaultWebhook = body.url;
      return json(res, 200, body);
    }
    if (req.method === 'POST' && path === '/sandbox/deposits') {
      const body = depositBody.parse(await readJson(req));
      const payment = find(undefined, body);
      if (!payment) return tossError(res, 404, 'NOT_FOUND_PAYMENT', 'no such virtual account');
      if (payment.body.status !== 'WAITING_FOR_DEPOSIT')
        return tossError(res, 400, 'ALREADY_PROCESSED_PAYMENT', `payment is ${payment.body.status}`);
      // A bank refuses a deposit of another amount into a fixed-amount virtual account.
      if (body.amount !== payment.body.totalAmount)
        return tossError(res, 400, 'INVALID_AMOUNT', `expected ${payment.body.totalAmount}`);
      payment.body.status = 'DONE';
      payment.body.approvedAt = kst(new Date());
      payment.body.balanceAmount = payment.body.totalAmount;
      const deliveries = await deliver(payment, 'DONE', payment.body.secret, 1 + body.duplicates);
      return json(res, 200, { payment: payment.body, deliveries });
    }
    if (req.method === 'POST' && path === '/sandbox/callbacks') {
      const body = callbackBody.parse(await readJson(req));
      const payment = find(undefined, { orderId: body.orderId });
      if (!payment) return tossError(res, 404, 'NOT_FOUND_PAYMENT', 'no such payment');
      const deliveries = await deliver(payment, body.status, body.secret ?? payment.body.secret, 1);
      return json(res, 200, { deliveries });
    }
    if (!path.startsWith('/v1/')) return tossError(res, 404, 'NOT_FOUND', 'no such endpoint');
    const merchant = merchantOf(req);
    if (!merchant)
      return tossError(res, 401, 'UNAUTHORIZED_KEY', '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.');
    if (req.method === 'POST' && path === '/v1/virtual-accounts') return issue(req, res, merchant);
    const byOrder = /^\/v1\/payments\/orders\/([^/]+)$/.exec(path);
    const byKey = /^\/v1\/payments\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && (byOrder || byKey)) {
      const payment = byOrder
        ? find(merchant, { orderId: decodeURIComponent(byOrder[1]!) })
        : find(merchant, { paymentKey: decodeURIComponent(byKey![1]!) });
      if (!payment) return tossError(res, 404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
      return json(res, 200, payment.body);
    }
    return tossError(res, 404, 'NOT_FOUND', 'no such endpoint');
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      const invalid = error instanceof z.ZodError || error instanceof SyntaxError;
      tossError(res, invalid ? 400 : 500, invalid ? 'INVALID_REQUEST' : 'PROVIDER_ERROR', String(error));
    });
  });
}

export function emptyState(): SandboxState {
  return { payments: new Map(), byOrder: new Map(), replies: new Map(), webhooks: new Map() };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3100' },
      host: { type: 'string', default: '127.0.0.1' },
      webhook: { type: 'string' },
    },
  });
  const state = emptyState();
  if (values.webhook) state.defaultWebhook = values.webhook;
  const server = createSandbox(state);
  server.listen(Number(values.port), values.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : values.port;
    console.log(JSON.stringify({ event: 'listening', url: `http://${values.host}:${port}` }));
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold the close open.
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
