import { DomainError } from '../errors.ts';
import type { Order, OrderPayment } from '../orders/order.ts';
import { type PaymentMethod, payLaterMethods, type Tenant } from '../tenants/tenant.ts';

/**
 * The payment port: per method, how an order's payment is set up once the order is placed —
 * what the buyer is told (the account to pay into, the amount, the reference) and by when.
 * Prepaid methods (bank transfer, virtual account) leave the payment `pending` with a due
 * time; cash on delivery and pay later take no money up front (`not_required`) and the order
 * goes to the suppliers at placement (the lifecycle's placed → handed_off).
 */
export interface PaymentSetUp {
  status: Extract<OrderPayment['status'], 'pending' | 'not_required'>;
  /** Unpaid past this time the order is cancelled (absent when nothing is due up front). */
  dueAt?: string;
  /**
   * What the buyer is told, as stored on the order (`payment.instructions`). Keys are the
   * method's own (bankName, accountNumber, accountName, vietQr; the provider's keys for a
   * virtual account). `callbackSecretHash` is never shown.
   */
  instructions: Record<string, string>;
}

export interface PaymentMethodAdapter {
  readonly method: PaymentMethod;
  setUp(order: Order, tenant: Tenant, now: Date): Promise<PaymentSetUp>;
}

/** The time `hours` after `now`, as stored. */
export function dueAfter(now: Date, hours: number): string {
  return new Date(now.getTime() + hours * 3_600_000).toISOString();
}

/** True for methods whose orders go to the suppliers before any money arrives. */
export function isPayLater(method: PaymentMethod): boolean {
  return payLaterMethods.includes(method);
}

/** The VietQR payload builder (core/payments/vietqr.ts), handed in so this port does not depend on it. */
export type VietQrBuilder = (input: {
  bankBin: string;
  accountNumber: string;
  amount: number;
  currency: 'VND';
  reference: string;
  merchantName?: string;
}) => string;

/**
 * Bank transfer to the partner's own account, matched by the order reference the buyer puts in
 * the transfer's description. In Vietnam (VND with a NAPAS BIN) the instructions carry the
 * VietQR payload banking apps scan. Nothing is assumed paid: the partner marks the transfer
 * received through the admin API.
 */
export function bankTransfer(options: { vietQr?: VietQrBuilder } = {}): PaymentMethodAdapter {
  return {
    method: 'bank_transfer',
    async setUp(order, tenant, now) {
      const account = tenant.payments.bankAccount;
      if (!account) throw new DomainError('PAYMENT_UNAVAILABLE', { params: { method: 'bank_transfer' } });
      const instructions: Record<string, string> = {
        bankName: account.bankName,
        accountNumber: account.accountNumber,
        accountName: account.accountName,
      };
      if (account.bankBin) instructions.bankBin = account.bankBin;
      if (options.vietQr && account.bankBin && order.currency === 'VND') {
        instructions.vietQr = options.vietQr({
          bankBin: account.bankBin,
          accountNumber: account.accountNumber,
          amount: order.payment.amountMinor,
          currency: 'VND',
          reference: order.payment.reference,
          // EMVCo tag 59 holds 25 ASCII characters; a longer or accented name is left to the text details.
          ...(/^[\x20-\x7e]+$/.test(account.accountName) && {
            merchantName: account.accountName.slice(0, 25).trim(),
          }),
        });
      }
      // Due from placement (checkout stamps it), not from this set-up.
      return {
        status: 'pending',
        dueAt: order.payment.dueAt ?? dueAfter(now, tenant.payments.deadlineHours),
        instructions,
      };
    },
  };
}

/** Nothing up front: cash on delivery or pay later on invoice. */
export function noPrepayment(method: 'cash_on_delivery' | 'pay_later'): PaymentMethodAdapter {
  return {
    method,
    async setUp() {
      return { status: 'not_required', instructions: {} };
    },
  };
}

/** A virtual account as a provider issued it (adapters/payments/toss-virtual-account.ts). */
export interface IssuedAccount {
  /** The provider's payment id (Toss `paymentKey`). */
  paymentKey: string;
  bankCode: string;
  accountNumber: string;
  /** The account holder's name the buyer's bank shows (Toss `customerName`). */
  holderName: string;
  /** The provider's own due date: the account closes then. */
  dueAt: string;
  /** The value each deposit callback of this payment carries (Toss `secret`). */
  callbackSecret: string;
}

/** What a provider says about a payment when asked (never what a callback claims). */
export interface ProviderPayment {
  paymentKey: string;
  orderId: string;
  status: 'waiting' | 'paid' | 'cancelled' | 'expired' | 'other';
  /** Total in minor units of the order's currency. */
  amountMinor: number;
  currency: string;
  paidAt?: string;
}

/** A virtual-account provider (Toss Payments' 가상계좌 API), one secret key per tenant. */
export interface VirtualAccountProvider {
  issue(
    tenant: Tenant,
    request: {
      orderId: string;
      orderName: string;
      amountMinor: number;
      holderName: string;
      email?: string;
      bankCode: string;
      dueAt: string;
    },
  ): Promise<IssuedAccount>;
  /** The payment of `orderId` as the provider has it now; undefined when it knows none. */
  lookup(tenant: Tenant, orderId: string): Promise<ProviderPayment | undefined>;
}

/** Toss accepts order ids of 6–64 characters from this set. */
const PROVIDER_ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** The id the provider knows an order by: the order id itself when the provider accepts it. */
export function providerOrderId(order: Pick<Order, 'orderId'>): string {
  if (!PROVIDER_ORDER_ID.test(order.orderId)) {
    throw new DomainError('PAYMENT_UNAVAILABLE', { params: { method: 'virtual_account' } });
  }
  return order.orderId;
}

/**
 * A virtual account issued for the order, due at the tenant's deadline: the account number,
 * its bank and the provider's due date are what the buyer is told; the callback secret is kept
 * only as a hash, to check deposit callbacks against.
 */
export function virtualAccount(
  provider: VirtualAccountProvider,
  hash: (secret: string) => string,
): PaymentMethodAdapter {
  return {
    method: 'virtual_account',
    async setUp(order, tenant, now) {
      const settings = tenant.payments.virtualAccount;
      if (!settings) throw new DomainError('PAYMENT_UNAVAILABLE', { params: { method: 'virtual_account' } });
      const issued = await provider.issue(tenant, {
        orderId: providerOrderId(order),
        orderName: orderName(order),
        amountMinor: order.payment.amountMinor,
        holderName: order.business.companyName.slice(0, 100),
        email: order.business.email,
        bankCode: settings.bankCode,
        dueAt: order.payment.dueAt ?? dueAfter(now, tenant.payments.deadlineHours),
      });
      return {
        status: 'pending',
        dueAt: issued.dueAt,
        instructions: {
          provider: settings.provider,
          paymentKey: issued.paymentKey,
          bankCode: issued.bankCode,
          accountNumber: issued.accountNumber,
          accountName: issued.holderName,
          callbackSecretHash: hash(issued.callbackSecret),
        },
      };
    },
  };
}

/** "<first title> and 2 more" as the provider shows it on the buyer's statement (≤ 100 chars). */
function orderName(order: Order): string {
  const first = order.lines[0]?.title ?? order.reference;
  const more = order.lines.length > 1 ? ` +${order.lines.length - 1}` : '';
  return `${first.slice(0, 90)}${more}`.slice(0, 100);
}
