import { describe, expect, it } from 'vitest';
import {
  koreaLocalTime,
  paymentStatusOf,
  secretKeyFor,
} from '../../adapters/payments/toss-virtual-account.ts';
import { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import type { Order } from '../../core/orders/order.ts';
import { bankTransfer, noPrepayment, providerOrderId } from '../../core/payments/port.ts';
import { presentPayment } from '../../core/payments/present.ts';
import { readVietQr, vietQrPayload } from '../../core/payments/vietqr.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { rateMs } from '../../local/background.ts';
import { demoTenants } from '../../local/seed/demo-tenants.ts';

const vn = tenantSchema.parse(demoTenants.find((t) => t.id === 'vn'));
const kr = tenantSchema.parse(demoTenants.find((t) => t.id === 'kr'));
const now = new Date('2026-12-01T08:00:00.000Z');

const order = (
  over: Omit<Partial<Order>, 'payment'> & { payment?: Partial<Order['payment']> } = {},
): Order => {
  const { payment, ...rest } = over;
  return {
    orderId: 'o_0123456789abcdef0123456789abcdef',
    tenantId: 'vn',
    reference: 'VN7K3Q9XAB',
    status: 'awaiting_payment',
    version: 2,
    owner: { kind: 'buyer', buyerId: 'b_1' },
    locale: 'vi',
    currency: 'VND',
    lines: [
      {
        lineId: 'l1',
        offerId: 'yw-1',
        skuId: 's1',
        supplierId: 'sup-1',
        kind: 'bulk',
        quantity: 60,
        unitMinor: 21000,
        totalMinor: 1_260_000,
        cnyUnitFen: 250,
        title: 'Áo thun',
        titleZh: 'T恤',
        specs: {},
        customisation: [],
      },
    ],
    suppliers: [{ supplierId: 'sup-1', name: '义乌', cnyTotalFen: 15000 }],
    subtotalMinor: 1_260_000,
    shippingMinor: 90_000,
    totalMinor: 1_350_000,
    cnyTotalFen: 15000,
    fx: { rate: '3650', asOf: '2026-11-20', source: 'vietcombank' },
    markupBps: 1500,
    pricedAt: now.toISOString(),
    cartVersion: 3,
    business: { companyName: 'Shop An', contactName: 'An', email: 'an@example.vn', phone: '+84901234567' },
    shippingAddress: { country: 'VN', name: 'An', phone: '+84901234567', fields: {}, lines: ['Hà Nội'] },
    lane: { id: 'air-express', kind: 'air_express', transitDays: { min: 3, max: 5 } },
    events: [{ at: now.toISOString(), actor: 'buyer', to: 'placed' }],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...rest,
    payment: {
      method: 'bank_transfer',
      status: 'pending',
      amountMinor: 1_350_000,
      reference: 'VN7K3Q9XAB',
      dueAt: '2026-12-03T08:00:00.000Z',
      instructions: {},
      refunds: [],
      ...payment,
    },
  } as Order;
};

describe('payment port: what the buyer is told and by when', () => {
  it("bank transfer: the partner's account, due the tenant's deadlineHours after set-up, with the VietQR payload of the amount and reference", async () => {
    const asked: unknown[] = [];
    const adapter = bankTransfer({
      vietQr: (input) => {
        asked.push(input);
        return `QR:${input.amount}:${input.reference}`;
      },
    });
    const setUp = await adapter.setUp(order(), vn, now);
    expect(setUp).toEqual({
      status: 'pending',
      // vn: deadlineHours 48
      dueAt: '2026-12-03T08:00:00.000Z',
      instructions: {
        bankName: 'Vietcombank',
        bankBin: '970436',
        accountNumber: '0071000123456',
        accountName: 'CONG TY TNHH NGUON HANG VIET',
        vietQr: 'QR:1350000:VN7K3Q9XAB',
      },
    });
    expect(asked).toEqual([
      {
        bankBin: '970436',
        accountNumber: '0071000123456',
        amount: 1_350_000,
        currency: 'VND',
        reference: 'VN7K3Q9XAB',
        merchantName: 'CONG TY TNHH NGUON HANG V',
      },
    ]);
  });

  it('bank transfer in Vietnam carries a VietQR payload a decoder reads back with the amount, reference, BIN and account', async () => {
    const setUp = await bankTransfer({ vietQr: vietQrPayload }).setUp(order(), vn, now);
    const decoded = readVietQr(setUp.instructions.vietQr!);
    expect(decoded).toMatchObject({
      bankBin: '970436',
      accountNumber: '0071000123456',
      amount: '1350000',
      reference: 'VN7K3Q9XAB',
      currency: '704',
      service: 'QRIBFTTA',
      crcValid: true,
    });
  });

  it('bank transfer without a bank account configured is PAYMENT_UNAVAILABLE, not a guess', async () => {
    const noAccount = { ...vn, payments: { deadlineHours: 48 } };
    await expect(bankTransfer().setUp(order(), noAccount, now)).rejects.toMatchObject({
      code: 'PAYMENT_UNAVAILABLE',
    });
  });

  it('cash on delivery and pay later take nothing up front and have no due time', async () => {
    for (const method of ['cash_on_delivery', 'pay_later'] as const) {
      expect(await noPrepayment(method).setUp(order(), vn, now)).toEqual({
        status: 'not_required',
        instructions: {},
      });
    }
  });

  it('the provider knows the order by its id, and an id it would refuse is PAYMENT_UNAVAILABLE', () => {
    expect(providerOrderId({ orderId: 'o_0123456789abcdef0123456789abcdef' })).toBe(
      'o_0123456789abcdef0123456789abcdef',
    );
    expect(() => providerOrderId({ orderId: 'o#1' })).toThrow(DomainError);
  });
});

describe('presentPayment: the order view’s payment part', () => {
  it('bank transfer in Vietnamese: labelled details, the amount in đồng, the due time in Asia/Ho_Chi_Minh (UTC+7)', () => {
    const o = order({
      payment: {
        instructions: {
          bankName: 'Vietcombank',
          accountNumber: '0071000123456',
          accountName: 'CONG TY TNHH NGUON HANG VIET',
          vietQr: '000201…',
        },
      },
    });
    const view = presentPayment(o, vn, 'vi', translatorFor('vi'));
    expect(view.methodLabel).toBe('Chuyển khoản ngân hàng');
    expect(view.statusLabel).toBe('Chờ thanh toán');
    expect(view.amount.formatted).toBe(
      new Intl.NumberFormat('vi', { style: 'currency', currency: 'VND' }).format(1_350_000),
    );
    // 08:00 UTC on 3 Dec is 15:00 in Hanoi.
    expect(view.dueAtText).toContain('15:00');
    expect(view.dueAtText).toContain('2026');
    expect(view.details.map((d) => [d.label, d.value])).toEqual([
      ['Ngân hàng', 'Vietcombank'],
      ['Số tài khoản', '0071000123456'],
      ['Chủ tài khoản', 'CONG TY TNHH NGUON HANG VIET'],
      ['Số tiền', view.amount.formatted],
      ['Nội dung chuyển khoản', 'VN7K3Q9XAB'],
      ['Hạn thanh toán', view.dueAtText],
    ]);
    expect(view.instruction).toContain('VN7K3Q9XAB');
    expect(view.instruction).toContain(view.amount.formatted);
    expect(view.vietQr).toBe('000201…');
  });

  it('virtual account in Korean: bank by name, account, holder, due time in Asia/Seoul (UTC+9), never the callback secret', () => {
    const o = order({
      tenantId: 'kr',
      currency: 'KRW',
      payment: {
        method: 'virtual_account',
        amountMinor: 54_320,
        dueAt: '2026-12-04T14:59:59.000Z',
        instructions: {
          provider: 'toss',
          paymentKey: 'sbx_1',
          bankCode: '88',
          accountNumber: '12345678901234',
          accountName: '주식회사 가나',
          callbackSecretHash: 'deadbeef',
        },
      },
    });
    const view = presentPayment(o, kr, 'ko', translatorFor('ko'));
    expect(view.methodLabel).toBe('가상계좌');
    expect(view.details.map((d) => [d.label, d.value])).toEqual([
      ['은행', '신한은행'],
      ['계좌번호', '12345678901234'],
      ['예금주', '주식회사 가나'],
      ['입금액', view.amount.formatted],
      ['입금 기한', view.dueAtText],
    ]);
    // 14:59:59 UTC on 4 Dec is 23:59 on 4 Dec in Seoul.
    expect(view.dueAtText).toMatch(/12.*4|4.*12/);
    expect(view.dueAtText).toContain('11:59');
    expect(view.amount.formatted).toBe(
      new Intl.NumberFormat('ko', { style: 'currency', currency: 'KRW' }).format(54_320),
    );
    expect(JSON.stringify(view)).not.toContain('deadbeef');
    expect(JSON.stringify(view)).not.toContain('sbx_1');
  });

  it('paid, refunded and pay-later orders say so in every locale, with no account details to pay into', () => {
    const paid = order({ status: 'paid', payment: { status: 'paid', paidAt: '2026-12-01T09:30:00.000Z' } });
    const en = presentPayment(paid, vn, 'en', translatorFor('en'));
    expect(en.statusLabel).toBe('Paid');
    expect(en.instruction).toBe('Payment received. Thank you.');
    expect(en.paidAtText).toContain('4:30');
    expect(en.details.some((d) => d.key === 'dueAt')).toBe(false);
    const cod = order({ payment: { method: 'cash_on_delivery', status: 'not_required', dueAt: undefined } });
    for (const locale of ['en', 'vi', 'ko', 'zh-CN'] as const) {
      const view = presentPayment(cod, vn, locale, translatorFor(locale));
      expect(view.details).toEqual([]);
      expect(view.methodLabel).not.toContain('payment:');
      expect(view.instruction).not.toContain('payment:');
    }
    const refunded = order({
      status: 'refunded',
      payment: {
        status: 'refunded',
        refunds: [
          {
            at: '2026-12-02T01:00:00.000Z',
            amountMinor: 1_350_000,
            reason: 'buyer cancelled',
            by: 'partner',
          },
        ],
      },
    });
    const zh = presentPayment(refunded, vn, 'zh-CN', translatorFor('zh-CN'));
    expect(zh.statusLabel).toBe('已退款');
    expect(zh.refunded.amountMinor).toBe(1_350_000);
    expect(zh.refunds[0]!.atText).toContain('08:00');
  });
});

describe('Toss adapter pieces', () => {
  it('writes the due date in Korea time, as Toss takes it', () => {
    expect(koreaLocalTime('2026-12-04T14:59:59.000Z')).toBe('2026-12-04T23:59:59');
    expect(koreaLocalTime('2026-12-31T20:00:00.000Z')).toBe('2027-01-01T05:00:00');
  });

  it('reads one secret key for all tenants, or a JSON object of keys per tenant', () => {
    expect(secretKeyFor('test_sk_abc\n', 'kr')).toBe('test_sk_abc');
    expect(secretKeyFor('{"kr":"live_sk_kr","vn":"live_sk_vn"}', 'kr')).toBe('live_sk_kr');
    expect(() => secretKeyFor('{"vn":"live_sk_vn"}', 'kr')).toThrow(DomainError);
  });

  it("maps Toss's statuses: only DONE is paid", () => {
    expect(paymentStatusOf('DONE')).toBe('paid');
    expect(paymentStatusOf('WAITING_FOR_DEPOSIT')).toBe('waiting');
    expect(paymentStatusOf('CANCELED')).toBe('cancelled');
    expect(paymentStatusOf('PARTIAL_CANCELED')).toBe('cancelled');
    expect(paymentStatusOf('EXPIRED')).toBe('expired');
    expect(paymentStatusOf('IN_PROGRESS')).toBe('other');
  });
});

describe('local schedules', () => {
  it('run rate(…) expressions at their interval and leave cron to AWS', () => {
    expect(rateMs('rate(5 minutes)')).toBe(300_000);
    expect(rateMs('rate(1 minute)')).toBe(60_000);
    expect(rateMs('rate(3 hours)')).toBe(10_800_000);
    expect(rateMs('cron(0 12 * * ? *)')).toBeUndefined();
  });
});
