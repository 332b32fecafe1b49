import type { TFunction } from 'i18next';
import { formatMoney } from '../money/money.ts';
import type { Order } from '../orders/order.ts';
import { formatInTimeZone } from '../orders/timezones.ts';
import type { Tenant } from '../tenants/tenant.ts';

/** Korean banks by the provider's two-digit code (Toss `bankCode`): the name a buyer knows. */
const koreanBanks: Record<string, string> = {
  '02': 'KDB산업은행',
  '03': 'IBK기업은행',
  '04': 'KB국민은행',
  '07': 'Sh수협은행',
  '11': 'NH농협은행',
  '20': '우리은행',
  '23': 'SC제일은행',
  '27': '씨티은행',
  '31': 'iM뱅크(대구)',
  '32': '부산은행',
  '34': '광주은행',
  '35': '제주은행',
  '37': '전북은행',
  '39': '경남은행',
  '45': '새마을금고',
  '48': '신협',
  '71': '우체국예금보험',
  '81': '하나은행',
  '88': '신한은행',
  '89': '케이뱅크',
  '90': '카카오뱅크',
  '92': '토스뱅크',
};

/** One labelled row of payment details, in the buyer's language. */
export interface PaymentDetail {
  key: string;
  label: string;
  value: string;
}

/**
 * The payment part of the order view: the method and status as words, the amount formatted,
 * the due time and paid time in the tenant's time zone, and the details the buyer needs to pay
 * (bank, account, account name, amount, reference; for a virtual account the account number,
 * bank and due date). Provider keys and the callback secret's hash are never shown.
 */
export function presentPayment(order: Order, tenant: Pick<Tenant, 'timeZone'>, locale: string, t: TFunction) {
  const payment = order.payment;
  const money = (amountMinor: number) => ({
    amountMinor,
    currency: order.currency,
    formatted: formatMoney(amountMinor, order.currency, locale),
  });
  const time = (iso: string) => formatInTimeZone(iso, tenant.timeZone, locale);
  const refunded = payment.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
  const detail = (key: string, value: string | undefined): PaymentDetail[] =>
    value === undefined || value === '' ? [] : [{ key, label: t(`payment:field.${key}`), value }];
  const i = payment.instructions;
  const bankName = i.bankName ?? (i.bankCode ? (koreanBanks[i.bankCode] ?? i.bankCode) : undefined);
  const awaiting = payment.status === 'pending';
  const details: PaymentDetail[] =
    payment.method === 'bank_transfer' || payment.method === 'virtual_account'
      ? [
          ...detail('bank', bankName),
          ...detail('accountNumber', i.accountNumber),
          ...detail('accountName', i.accountName),
          ...detail('amount', money(payment.amountMinor).formatted),
          ...(payment.method === 'bank_transfer' ? detail('reference', payment.reference) : []),
          ...(awaiting && payment.dueAt ? detail('dueAt', time(payment.dueAt)) : []),
        ]
      : [];
  return {
    method: payment.method,
    methodLabel: t(`payment:method.${payment.method}`),
    status: payment.status,
    statusLabel: t(`payment:status.${payment.status}`),
    amount: money(payment.amountMinor),
    reference: payment.reference,
    timeZone: tenant.timeZone,
    ...(payment.dueAt !== undefined && { dueAt: payment.dueAt, dueAtText: time(payment.dueAt) }),
    ...(payment.paidAt !== undefined && { paidAt: payment.paidAt, paidAtText: time(payment.paidAt) }),
    /** What to do now, in one sentence. */
    instruction: awaiting
      ? t(`payment:instruction.${payment.method}`, {
          amount: money(payment.amountMinor).formatted,
          reference: payment.reference,
          due: payment.dueAt ? time(payment.dueAt) : '',
        })
      : t(`payment:statusNote.${payment.status}`),
    details,
    /** The EMVCo payload a banking app scans (VietQR), when the tenant's bank has a NAPAS BIN. */
    ...(awaiting && i.vietQr !== undefined && { vietQr: i.vietQr }),
    refunded: money(refunded),
    refunds: payment.refunds.map((r) => ({
      at: r.at,
      atText: time(r.at),
      amount: money(r.amountMinor),
      reason: r.reason,
    })),
  };
}

export type PaymentView = ReturnType<typeof presentPayment>;

/** An order after a payment action (the admin API's answer): status, version and its payment. */
export function presentOrderPayment(
  order: Order,
  tenant: Pick<Tenant, 'timeZone'>,
  locale: string,
  t: TFunction,
) {
  return {
    orderId: order.orderId,
    reference: order.reference,
    status: order.status,
    version: order.version,
    payment: presentPayment(order, tenant, locale, t),
  };
}
