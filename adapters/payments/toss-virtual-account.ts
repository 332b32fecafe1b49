import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { DomainError } from '../../core/errors.ts';
import type { IssuedAccount, ProviderPayment, VirtualAccountProvider } from '../../core/payments/port.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';

/**
 * Toss Payments' virtual accounts (가상계좌), over its REST API v1:
 * - `POST /v1/virtual-accounts` issues an account for one order (`amount`, `orderId`,
 *   `orderName`, `customerName`, `bank`, `dueDate`); the answer is a Payment object in
 *   `WAITING_FOR_DEPOSIT` with `virtualAccount {accountNumber, bankCode, customerName, dueDate}`
 *   and the `secret` every deposit callback of that payment carries;
 * - `GET /v1/payments/orders/{orderId}` (and `/v1/payments/{paymentKey}`) reads a payment back:
 *   the callback is believed only after this says `DONE`;
 * - Basic auth with the secret key as user name and an empty password; errors are
 *   `{code, message}`.
 *
 * Every call has a timeout. Only idempotent calls are retried: reads, and the issuing POST
 * because it carries an `Idempotency-Key` (Toss replays the first answer for the same key), so
 * a retry after a lost answer never opens a second account.
 */
export interface TossOptions {
  /** https://api.tosspayments.com in AWS; the sandbox provider's URL locally (TOSS_API_BASE). */
  apiBase: string;
  /** The tenant's secret key (`test_sk_…` / `live_sk_…`). */
  secretKey: (tenant: Tenant) => Promise<string>;
  timeoutMs?: number;
  attempts?: number;
  fetch?: typeof fetch;
}

const tossError = z.object({ code: z.string(), message: z.string().optional() });

const tossPayment = z.object({
  paymentKey: z.string(),
  orderId: z.string(),
  status: z.string(),
  totalAmount: z.number().int(),
  currency: z.string().default('KRW'),
  approvedAt: z.string().nullish(),
  secret: z.string().nullish(),
  virtualAccount: z
    .object({
      accountNumber: z.string(),
      bankCode: z.string(),
      customerName: z.string(),
      dueDate: z.string(),
    })
    .nullish(),
});
type TossPayment = z.infer<typeof tossPayment>;

/** Toss's statuses in the port's words. */
export function paymentStatusOf(status: string): ProviderPayment['status'] {
  switch (status) {
    case 'WAITING_FOR_DEPOSIT':
      return 'waiting';
    case 'DONE':
      return 'paid';
    case 'CANCELED':
    case 'PARTIAL_CANCELED':
      return 'cancelled';
    case 'EXPIRED':
      return 'expired';
    default:
      return 'other';
  }
}

/** `2026-12-04T13:51:00` in Korea time, as Toss takes a due date. */
export function koreaLocalTime(iso: string): string {
  const kst = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return kst.toISOString().slice(0, 19);
}

/**
 * The secret key of a tenant from the platform secret `toss-secret-key`: either one key for
 * every tenant, or a JSON object of keys by tenant id (`{"kr": "live_sk_…"}`).
 */
export function secretKeyFor(value: string, tenantId: string): string {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  const keys = z.record(z.string(), z.string().min(1)).safeParse(JSON.parse(trimmed));
  const key = keys.success ? keys.data[tenantId] : undefined;
  if (!key) throw new DomainError('PAYMENT_UNAVAILABLE', { params: { method: 'virtual_account' } });
  return key;
}

/**
 * A Toss secret key as Toss issues them: `test_sk_` (test mode) or `live_sk_`, then letters and
 * digits. A client key (`test_ck_…`) or a pasted half is refused before it is stored.
 */
export const tossSecretKeyShape = /^(test|live)_sk_[A-Za-z0-9]{8,128}$/;

/**
 * The secret key a tenant's virtual accounts use: the partner's own (set in the console, stored
 * as that tenant's secret) when there is one, else the platform secret `toss-secret-key`.
 */
export function tenantFirstSecretKey(deps: {
  tenantKey: (tenantId: string) => Promise<string | undefined>;
  platformKey: () => Promise<string>;
}): (tenant: Tenant) => Promise<string> {
  return async (tenant) =>
    (await deps.tenantKey(tenant.id)) ?? secretKeyFor(await deps.platformKey(), tenant.id);
}

class Retryable extends Error {}

export function tossVirtualAccounts(options: TossOptions): VirtualAccountProvider {
  const base = options.apiBase.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const attempts = options.attempts ?? 3;
  const doFetch = options.fetch ?? fetch;

  async function call(
    tenant: Tenant,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<{ status: number; json: unknown }> {
    const key = await options.secretKey(tenant);
    const headers: Record<string, string> = {
      authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await doFetch(`${base}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        // The provider's own trouble: the same request may succeed on a retry.
        if (response.status >= 500 || response.status === 429)
          throw new Retryable(`Toss answered ${response.status}`);
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch (cause) {
          throw new Retryable('Toss answered something that is not JSON', { cause });
        }
        return { status: response.status, json };
      } catch (error) {
        lastError = error;
        const transient =
          error instanceof Retryable ||
          (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'TypeError'));
        // Retry only what is safe to send twice: GET, or a POST with its Idempotency-Key.
        const safe = method === 'GET' || idempotencyKey !== undefined;
        if (!transient || !safe || attempt === attempts) break;
        await sleep(100 * 2 ** (attempt - 1));
      }
    }
    throw new DomainError('PAYMENT_UNAVAILABLE', { params: { method: 'virtual_account' }, cause: lastError });
  }

  function unexpected(status: number, json: unknown): never {
    const parsed = tossError.safeParse(json);
    throw new DomainError('PAYMENT_UNAVAILABLE', {
      params: { method: 'virtual_account' },
      cause: new Error(`Toss answered ${status} ${parsed.success ? parsed.data.code : ''}`.trim()),
    });
  }

  function toPort(payment: TossPayment): ProviderPayment {
    return {
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      status: paymentStatusOf(payment.status),
      amountMinor: payment.totalAmount,
      currency: payment.currency,
      ...(payment.approvedAt && { paidAt: new Date(payment.approvedAt).toISOString() }),
    };
  }

  async function lookup(tenant: Tenant, orderId: string): Promise<ProviderPayment | undefined> {
    const found = await findByOrder(tenant, orderId);
    return found && toPort(found);
  }

  async function findByOrder(tenant: Tenant, orderId: string): Promise<TossPayment | undefined> {
    const { status, json } = await call(tenant, 'GET', `/v1/payments/orders/${encodeURIComponent(orderId)}`);
    if (status === 404) return undefined;
    const parsed = tossPayment.safeParse(json);
    if (status !== 200 || !parsed.success) unexpected(status, json);
    return parsed.data;
  }

  return {
    async issue(tenant, request): Promise<IssuedAccount> {
      if (tenant.currency !== 'KRW')
        throw new DomainError('PAYMENT_UNAVAILABLE', { params: { method: 'virtual_account' } });
      const { status, json } = await call(
        tenant,
        'POST',
        '/v1/virtual-accounts',
        {
          amount: request.amountMinor,
          orderId: request.orderId,
          orderName: request.orderName,
          customerName: request.holderName,
          bank: request.bankCode,
          dueDate: koreaLocalTime(request.dueAt),
          ...(request.email !== undefined && { customerEmail: request.email }),
        },
        // One account per order, however often this is retried.
        `va-${request.orderId}`,
      );
      let payment = tossPayment.safeParse(json).data;
      if (status !== 200 || !payment) {
        // Issued before (a retry after the key's replay window): read that payment back.
        const code = tossError.safeParse(json).data?.code;
        if (status === 400 && (code === 'DUPLICATED_ORDER_ID' || code === 'ALREADY_PROCESSED_PAYMENT'))
          payment = await findByOrder(tenant, request.orderId);
        if (!payment) unexpected(status, json);
      }
      const account = payment.virtualAccount;
      if (!account || !payment.secret) unexpected(status, json);
      return {
        paymentKey: payment.paymentKey,
        bankCode: account.bankCode,
        accountNumber: account.accountNumber,
        holderName: account.customerName,
        dueAt: new Date(account.dueDate).toISOString(),
        callbackSecret: payment.secret,
      };
    },
    lookup,
  };
}
